import Foundation

/// Appends one event to a log: the only way events are added.
///
/// Under an exclusive lock it reads the log, checks its tail against its head, validates the
/// event fully against the log (format, references, an end before its start), assigns the next
/// sequence number and the hash of the last line, writes the one line with a single `write`,
/// `fsync`s it, then updates the head. Appending an event whose id is already in the log with the
/// same content writes nothing and succeeds; with different content it fails.
public struct LogAppender: Sendable {
  /// The log file.
  public var path: String
  /// Who records the event, when the event does not say (`recorded.by`).
  public var recordedBy: String
  /// The clock for `recorded.at`, when the event does not say.
  public var now: @Sendable () -> Date

  /// Creates an appender.
  public init(path: String, recordedBy: String, now: @escaping @Sendable () -> Date = { Date() }) {
    self.path = path
    self.recordedBy = recordedBy
    self.now = now
  }

  /// What an append did.
  public enum Outcome: Hashable, Sendable {
    /// The event was written with this sequence number; the line's hash is given.
    case appended(seq: Int, hash: SHA256Digest)
    /// The event was written and is durable, but the head beside the log could not be updated
    /// (the reason is given): `truce verify --repair` brings it up to date.
    case appendedHeadStale(seq: Int, hash: SHA256Digest, reason: String)
    /// The event was already in the log with the same content; nothing was written.
    case alreadyPresent(seq: Int)
  }

  /// Appends an event.
  ///
  /// - Parameters:
  ///   - event: The event as a JSON object, without `seq` or `prev` (they are assigned); a missing
  ///     `recorded` is filled in with the current time and ``recordedBy``.
  ///   - expectedSeq: When given, the sequence number the event must get; the append fails if the
  ///     log has moved on.
  ///   - source: Where the event came from (`event.json`, `standard input`), for errors in it.
  /// - Returns: Whether the event was written or was already there.
  /// - Throws: ``WriteError``; nothing is written then.
  public func append(
    _ event: JSONObject, expectedSeq: Int? = nil, source: String = "the event"
  ) throws(WriteError) -> Outcome {
    for key in ["seq", "prev"] where event[key] != nil {
      throw .input("\(source): the event must not carry '\(key)': append assigns it")
    }
    guard case .string(let id)? = event["id"] else {
      throw .input("\(source): the event needs an 'id' (a string)")
    }
    let path = FileIO.resolved(self.path)
    let file = try LockedLog(path: path)
    defer { file.release() }
    let bytes = try file.readAll()
    var log: EventLog
    do { log = try EventLog.parse(bytes, file: self.path, options: .writing) } catch {
      if error.problem == .tornLastLine, let line = error.line { throw .tornTail(line: line) }
      throw .log(error)
    }
    if !log.isChained && !log.events.isEmpty { throw .notChained }
    let head: LogHead?
    do { head = try LogHead.read(forLog: path) } catch { throw .log(error) }
    let status = HeadStatus.of(log, bytes: bytes, head: head)
    switch status {
    case .matches: break
    case .behind(let headSeq, let logSeq) where logSeq - headSeq == 1: break
    case .missing where log.events.isEmpty: break
    default: throw .head(status)
    }
    var object = event
    if object["recorded"] == nil {
      object["recorded"] = .object([
        "at": .string(LogAppender.minute(now())), "by": .string(recordedBy),
      ])
    }
    if let existing = log.events.first(where: { $0.id == id }), let raw = log.rawObject(id: id) {
      guard LogAppender.content(of: raw) == LogAppender.content(of: object) else {
        throw .conflictingID(id: id, seq: existing.seq)
      }
      return .alreadyPresent(seq: existing.seq)
    }
    let seq = log.events.count + 1
    if let expectedSeq, expectedSeq != seq {
      throw .unexpectedSeq(expected: expectedSeq, next: seq)
    }
    let line = Array(LogAppender.line(object, seq: seq, prev: log.lastLineHash).utf8)
    do {
      try log.appendLine(line, number: seq + 1, expectedPrev: log.lastLineHash)
      try AnnouncementConsistency.check(log, only: log.events.last)
    } catch {
      throw .log(LogError(file: source, line: nil, field: error.field, problem: error.problem))
    }
    try file.append(line + [UInt8(ascii: "\n")], restoringLength: bytes.count)
    let hash = SHA256.hash(line)
    do {
      try LogHead(seq: seq, hash: hash, length: bytes.count + line.count + 1).write(forLog: path)
    } catch {
      return .appendedHeadStale(seq: seq, hash: hash, reason: "\(error.path): \(error)")
    }
    return .appended(seq: seq, hash: hash)
  }

  /// The line to write: `seq`, `id` and `type` first, the rest in the order given, `prev` last.
  static func line(_ event: JSONObject, seq: Int, prev: SHA256Digest) -> String {
    var object = JSONObject()
    object["seq"] = .int(seq)
    for key in ["id", "type"] { if let value = event[key] { object[key] = value } }
    for (key, value) in event where !["id", "type", "seq", "prev"].contains(key) {
      object[key] = value
    }
    object["prev"] = .string(prev.hex)
    return JSONValue.object(object).serialized()
  }

  /// What makes two reports of an event the same: everything but `seq`, `prev` and `recorded`,
  /// with object keys in a fixed order and `null` members dropped (the format reads them as
  /// absent).
  static func content(of event: JSONObject) -> JSONValue {
    var object = event
    for key in ["seq", "prev", "recorded"] { object[key] = nil }
    return canonical(.object(object))
  }

  private static func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
      let pairs = object.filter { !$0.value.isNull }.map { ($0.key, canonical($0.value)) }
        .sorted { $0.0 < $1.0 }
      return .object(JSONObject(pairs))
    case .array(let items): return .array(items.map(canonical))
    default: return value
    }
  }

  /// A UTC instant to the minute, as the log writes `recorded.at`.
  static func minute(_ date: Date) -> String {
    let instant = Instant(
      secondsSinceEpoch: Int64(date.timeIntervalSince1970.rounded(.down)) / 60 * 60)
    return instant.iso8601
  }
}
