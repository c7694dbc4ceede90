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
  /// - Returns: Whether the event was written or was already there.
  /// - Throws: ``WriteError``; nothing is written then.
  public func append(_ event: JSONObject, expectedSeq: Int? = nil) throws(WriteError) -> Outcome {
    for key in ["seq", "prev"] where event[key] != nil {
      throw .input("the event must not carry '\(key)': append assigns it")
    }
    guard case .string(let id)? = event["id"] else {
      throw .input("the event needs an 'id' (a string)")
    }
    let file = try LockedLog(path: path)
    let bytes = try file.readAll()
    var log: EventLog
    do { log = try EventLog.parse(bytes, file: path, options: .writing) } catch {
      if error.problem == .tornLastLine, let line = error.line { throw .tornTail(line: line) }
      throw .log(error)
    }
    if !log.isChained && !log.events.isEmpty { throw .notChained }
    let status = HeadStatus.of(log, bytes: bytes, head: try readHead())
    guard status.isConsistent else { throw .head(status) }
    var object = event
    if object["recorded"] == nil {
      object["recorded"] = .object([
        "at": .string(LogAppender.minute(now())), "by": .string(recordedBy),
      ])
    }
    if let existing = log.events.first(where: { $0.id == id }), let raw = log.rawByID[id] {
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
    } catch {
      throw .log(error)
    }
    if let appended = log.events.last {
      try LogAppender.checkReferencesAnnounced(appended, in: log)
    }
    try file.append(line + [UInt8(ascii: "\n")], restoringLength: bytes.count)
    let hash = SHA256.hash(line)
    do {
      try LogHead(seq: seq, hash: hash, length: bytes.count + line.count + 1).write(forLog: path)
    } catch {
      throw .io(error)
    }
    return .appended(seq: seq, hash: hash)
  }

  /// Checks the event against the state as of its announcement: what it refers to must have been
  /// possibly announced by then (an extension cannot precede every report of its pause).
  static func checkReferencesAnnounced(_ event: Event, in log: EventLog) throws(WriteError) {
    guard event.type != .erratum, event.type != .retraction else { return }
    var references: [String] = event.disputes
    switch event.payload {
    case .pauseDeclared, .corridorOpened, .offensiveLaunched, .proposal: break
    case .statement(_, let about): references += about
    default: if let subject = event.subject { references.append(subject) }
    }
    if case .corridorOpened(let opening) = event.payload { references.append(opening.pause) }
    guard let latest = event.announced.range.latest else { return }
    for reference in references {
      let reports = log.events.dropLast().filter { $0.id == reference || $0.subject == reference }
      guard !reports.isEmpty else { continue }
      let announcedBefore = reports.contains { $0.announced.range.isPossibly(atOrBefore: latest) }
      if !announcedBefore {
        throw .input(
          "the event was announced \(event.announced), before anything the log holds about '\(reference)' "
            + "had been announced")
      }
    }
  }

  private func readHead() throws(WriteError) -> LogHead? {
    do { return try LogHead.read(forLog: path) } catch { throw .log(error) }
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
  /// with object keys in a fixed order.
  static func content(of event: JSONObject) -> JSONValue {
    var object = event
    for key in ["seq", "prev", "recorded"] { object[key] = nil }
    return canonical(.object(object))
  }

  private static func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
      let pairs = object.map { ($0.key, canonical($0.value)) }.sorted { $0.0 < $1.0 }
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
