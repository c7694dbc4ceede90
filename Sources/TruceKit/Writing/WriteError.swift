/// Why a log could not be created, appended to or repaired. Nothing was written.
public enum WriteError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The log, or the event against it, is invalid.
  case log(LogError)
  /// A file operation failed.
  case io(FileIOError)
  /// The event given is not usable: the message says why.
  case input(String)
  /// The id is already in the log with different content.
  case conflictingID(id: String, seq: Int)
  /// `--expect-seq` did not hold: someone else appended first.
  case unexpectedSeq(expected: Int, next: Int)
  /// The log ends with a torn line, which must be repaired first.
  case tornTail(line: Int)
  /// The log does not match its head.
  case head(HeadStatus)
  /// The log has events that carry no hash chain.
  case notChained
  /// A log already exists where one was to be created.
  case exists(String)
  /// Repair cannot fix this without rewriting complete events.
  case irreparable(String)

  public var description: String {
    switch self {
    case .log(let error): return error.description
    case .io(let error): return "\(error.path): \(error)"
    case .input(let message): return message
    case .conflictingID(let id, let seq):
      return "id '\(id)' is already in the log as seq \(seq), with different content; "
        + "choose a new id, or fix the earlier event with a correction"
    case .unexpectedSeq(let expected, let next):
      return "expected to append as seq \(expected), but the next seq is \(next): "
        + "the log changed since you last read it"
    case .tornTail(let line):
      return "the log's last line (\(line)) is incomplete: run 'truce verify --repair' first"
    case .head(let status): return "the log does not match its head: \(status)"
    case .notChained:
      return "the log's events carry no hash chain ('prev'); only a chained log can be appended to"
    case .exists(let path): return "\(path) already exists"
    case .irreparable(let message): return message
    }
  }
}
