/// A problem with a log or scenario file, pointing at the file, the line and the field.
///
/// Rendered like a compiler diagnostic: `EventLog/aleppo-2016.jsonl:12: field 'window.end':
/// '2016-02-30' is not a date in the calendar`.
public struct LogError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, as it was named to the tool.
  public var file: String
  /// The 1-based line, or `nil` for a problem with the file as a whole.
  public var line: Int?
  /// The 1-based column, for syntax errors.
  public var column: Int?
  /// The field, as a dotted path (`window.end`), when one is at fault.
  public var field: String?
  /// What is wrong.
  public var problem: LogProblem

  /// Creates an error.
  public init(
    file: String, line: Int?, column: Int? = nil, field: String? = nil, problem: LogProblem
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.problem = problem
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    if let field { return "\(place): field '\(field)': \(problem)" }
    return "\(place): \(problem)"
  }
}

/// What can be wrong with a line of a log.
public enum LogProblem: Hashable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(String)
  /// The file is empty or does not start with a header line.
  case missingHeader
  /// The header names a format or version this tool does not read.
  case unsupportedFormat(String)
  /// The line is not valid JSON.
  case syntax(String)
  /// The line is not valid UTF-8.
  case invalidUTF8
  /// An empty line inside the log.
  case emptyLine
  /// The last line has no newline: a write was cut short.
  case tornLastLine
  /// A required field is absent.
  case missingField
  /// A field holds the wrong JSON type.
  case wrongType(expected: String, found: String)
  /// A field this format does not have (often a typo).
  case unknownField
  /// A field's value is not allowed; the message says why.
  case invalidValue(String)
  /// An event type this format does not have.
  case unknownType(String)
  /// A reference to an area, pause, corridor, offensive or event that is not declared earlier.
  case unknownReference(String)
  /// An id used twice.
  case duplicateID(String)
  /// The sequence number is not the next one.
  case outOfSequence(expected: Int, found: Int)
  /// A time that cannot be read or placed.
  case time(TimeSpecError)
  /// The hash chain does not hold: the message says how.
  case brokenChain(String)

  public var description: String {
    switch self {
    case .unreadable(let reason): return "cannot read the file: \(reason)"
    case .missingHeader:
      return "the first line must be the log header "
        + "{\"format\":\"truce-event-log\",\"version\":1,\"areas\":[…]}"
    case .unsupportedFormat(let what): return "unsupported log format: \(what)"
    case .syntax(let message): return "invalid JSON: \(message)"
    case .invalidUTF8: return "the line is not valid UTF-8"
    case .emptyLine: return "empty line (every line must hold one event)"
    case .tornLastLine:
      return "the last line is incomplete (no newline at its end): a write was cut short"
    case .missingField: return "missing required field"
    case .wrongType(let expected, let found): return "expected \(expected), found \(found)"
    case .unknownField: return "unknown field (not part of this event type)"
    case .invalidValue(let message): return message
    case .unknownType(let type):
      return "unknown event type '\(type)'; known types: "
        + EventType.allCases.map(\.rawValue).joined(separator: ", ")
    case .unknownReference(let message): return message
    case .duplicateID(let id): return "id '\(id)' is already used by an earlier event"
    case .outOfSequence(let expected, let found):
      return "sequence number \(found) out of order: expected \(expected)"
    case .time(let error): return error.description
    case .brokenChain(let message): return message
    }
  }
}

/// A problem with one field, before the file and line are known.
struct FieldError: Error {
  var field: String?
  var problem: LogProblem
}
