/// Appends one event to a log: the only way events are added.
///
/// Under an exclusive lock it checks the log's tail against its head, validates the event fully
/// against the log (format, references, an end before its start), assigns the next sequence
/// number and the hash of the last line, writes the one line with a single `write`, `fsync`s it,
/// then updates the head. The checks read only the lines that the index beside the log
/// (``LogIndex``) points to; when there is no usable index, they read the whole log, and the
/// index is rebuilt. Appending an event whose id is already in the log with the
/// same content writes nothing and succeeds; with different content it fails.
public struct LogAppender: Sendable {
  /// The log file.
  public var path: String
  /// Who records the event, when the event does not say (`recorded.by`).
  public var recordedBy: String
  /// The clock for `recorded.at`, when the event does not say.
  public var now: @Sendable () -> Instant
  /// Whether the index beside the log is used (and kept up to date); without it, every append
  /// reads the whole log.
  var usesIndex = true

  /// Who records an event when no one is named: the user running the process (`USER`, when
  /// set and not empty), else `truce`.
  public static var defaultRecorder: String {
    guard let user = System.environmentValue("USER"), !user.isEmpty else { return "truce" }
    return user
  }

  /// Creates an appender.
  public init(
    path: String, recordedBy: String, now: @escaping @Sendable () -> Instant = { Instant.now() }
  ) {
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
    let request = try self.request(event, expectedSeq: expectedSeq, source: source)
    let path = FileIO.resolved(self.path)
    let file = try LockedLog(path: path)
    defer { file.release() }
    if usesIndex, case .done(let outcome) = try appendWithIndex(request, file: file, path: path) {
      return outcome
    }
    return try appendReadingWholeLog(request, file: file, path: path)
  }

  /// Checks what does not depend on the log, and fills in `recorded` when the event does not
  /// say.
  func request(_ event: JSONObject, expectedSeq: Int?, source: String) throws(WriteError)
    -> Request
  {
    for key in ["seq", "prev"] where event[key] != nil {
      throw .input("\(source): the event must not carry '\(key)': append assigns it")
    }
    guard case .string(let id)? = event["id"] else {
      throw .input("\(source): the event needs an 'id' (a string)")
    }
    var object = event
    if object["recorded"] == nil {
      object["recorded"] = .object([
        "at": .string(LogAppender.minute(now())), "by": .string(recordedBy),
      ])
    }
    return Request(object: object, id: id, expectedSeq: expectedSeq, source: source)
  }

  /// An event to append, with what the caller asked of the append.
  struct Request {
    /// The event, with `recorded` filled in.
    var object: JSONObject
    var id: String
    var expectedSeq: Int?
    /// Where the event came from, for errors in it.
    var source: String
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
  static func minute(_ now: Instant) -> String {
    let seconds = now.secondsSinceEpoch
    let minute = seconds - ((seconds % 60) + 60) % 60
    return Instant(secondsSinceEpoch: minute).iso8601
  }
}
