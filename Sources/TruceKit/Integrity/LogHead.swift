/// The head kept beside a log (`<log>.head`): the last sequence number and the hash of the last
/// line, rewritten at each append.
///
/// A log cut short by whole lines still parses and still chains; only the head, written after
/// each append, shows that lines are missing.
public struct LogHead: Hashable, Sendable {
  /// The sequence number of the last event (0 for a log with only its header).
  public var seq: Int
  /// The SHA-256 of the last line.
  public var hash: SHA256Digest
  /// The log's length in bytes after that line.
  public var length: Int

  /// Creates a head.
  public init(seq: Int, hash: SHA256Digest, length: Int) {
    self.seq = seq
    self.hash = hash
    self.length = length
  }

  /// The head of a log as read: its last event and last line.
  public init(of log: EventLog) {
    self.init(seq: log.events.count, hash: log.lastLineHash, length: log.completeLength)
  }

  /// Where the head of a log is kept.
  public static func path(forLog path: String) -> String { path + ".head" }

  /// Reads the head beside a log; `nil` when there is none.
  ///
  /// - Throws: ``LogError`` when the head file exists but cannot be read or is malformed.
  public static func read(forLog logPath: String) throws(LogError) -> LogHead? {
    let path = LogHead.path(forLog: logPath)
    guard FileIO.exists(path) else { return nil }
    let bytes: [UInt8]
    do { bytes = try FileIO.readAll(path: path) } catch {
      throw LogError(file: path, line: nil, problem: .unreadable(error.description))
    }
    return try parse(bytes, file: path)
  }

  /// Reads a head from the bytes of its file.
  ///
  /// - Throws: ``LogError`` naming the field at fault.
  public static func parse(_ bytes: [UInt8], file path: String) throws(LogError) -> LogHead {
    do {
      let value: JSONValue
      do { value = try JSONParser.parse(bytes) } catch {
        throw FieldError(field: nil, problem: .syntax(error.description))
      }
      var reader = try FieldReader(value, path: "")
      guard try reader.string("format") == "truce-log-head" else {
        throw FieldError(field: "format", problem: .unsupportedFormat("expected 'truce-log-head'"))
      }
      _ = try reader.optionalInt("version", in: 1...1)
      guard let seq = try reader.optionalInt("seq", in: 0...Int.max) else {
        throw FieldError(field: "seq", problem: .missingField)
      }
      let hashText = try reader.string("hash")
      guard let hash = SHA256Digest(hex: hashText) else {
        throw FieldError(
          field: "hash", problem: .invalidValue("'\(hashText)' is not a SHA-256 hash"))
      }
      guard let length = try reader.optionalInt("length", in: 0...Int.max) else {
        throw FieldError(field: "length", problem: .missingField)
      }
      try reader.finish()
      return LogHead(seq: seq, hash: hash, length: length)
    } catch let error as FieldError {
      throw LogError(file: path, line: 1, field: error.field, problem: error.problem)
    } catch {
      throw LogError(file: path, line: 1, problem: .syntax("\(error)"))
    }
  }

  /// The head file's contents: one JSON line.
  public var serialized: String {
    JSONValue.object([
      "format": "truce-log-head", "version": 1, "seq": .int(seq), "hash": .string(hash.hex),
      "length": .int(length),
    ]).serialized() + "\n"
  }

  /// Replaces the head beside a log atomically and durably.
  func write(forLog logPath: String) throws(FileIOError) {
    try FileIO.replaceAtomically(path: LogHead.path(forLog: logPath), with: Array(serialized.utf8))
  }
}
