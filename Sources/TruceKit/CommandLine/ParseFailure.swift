/// A parsing failure before it is put in the context of a command stack.
///
/// The cases mirror swift-argument-parser's `ParserError`, and the messages
/// below copy its `ErrorMessageGenerator` wording.
enum ParseFailure: Error, Sendable, Equatable {
  /// An input such as `---x`.
  case invalidOption(String)
  /// An option the command does not know.
  case unknownOption(OptionName)
  /// An option given without its value.
  case missingValue(OptionName)
  /// A short option inside a group (`-lj`) given without its value.
  case missingValueInGroup(OptionName, group: OptionName)
  /// A flag given a value with `=`.
  case unexpectedValue(OptionName, String)
  /// Values left over after parsing.
  case unexpectedArguments([String])
  /// A required option that was not given.
  case missingOption(OptionSpec)
  /// A required positional argument that was not given.
  case missingArgument(ArgumentSpec)

  /// The largest edit distance (exclusive) for a "Did you mean" suggestion,
  /// swift-argument-parser's "empirically derived magic number".
  static let similarityFloor = 4

  /// The public classification of this failure.
  var kind: UsageErrorKind {
    switch self {
    case .invalidOption(let text): return .invalidOption(text)
    case .unknownOption(let name): return .unknownOption(name.synopsis)
    case .missingValueInGroup(_, let group): return .unknownOption(group.synopsis)
    case .missingValue(let name): return .missingValue(name.synopsis)
    case .unexpectedValue(let name, let value):
      return .unexpectedValue(option: name.synopsis, value: value)
    case .unexpectedArguments(let values): return .unexpectedArguments(values)
    case .missingOption(let option):
      return .missingArgument(UsageFormatter.requiredSynopsis(of: option))
    case .missingArgument(let argument):
      return .missingArgument(UsageFormatter.requiredSynopsis(of: argument))
    }
  }

  /// The error message shown after `Error: `.
  ///
  /// - Parameter command: The command being parsed when the failure happened.
  /// - Returns: The message.
  func message(in command: CommandSpec) -> String {
    switch self {
    case .invalidOption(let text):
      return "Invalid option: \(text)"
    case .unknownOption(let name):
      return Self.unknownOptionMessage(name, in: command)
    case .missingValue(let name):
      return Self.missingValueMessage(name, in: command)
    case .missingValueInGroup(let name, let group):
      return """
        \(Self.unknownOptionMessage(group, in: command))
           or: \(Self.missingValueMessage(name, in: command)) in '\(group.synopsis)'
        """
    case .unexpectedValue(let name, let value):
      return "The option '\(name.synopsis)' does not take any value, but '\(value)' was specified."
    case .unexpectedArguments(let values):
      if values.count == 1, let value = values.first {
        return "Unexpected argument '\(value)'"
      }
      return "\(values.count) unexpected arguments: '\(values.joined(separator: "', '"))'"
    case .missingOption(let option):
      return "Missing expected argument '\(UsageFormatter.requiredSynopsis(of: option))'"
    case .missingArgument(let argument):
      return "Missing expected argument '\(UsageFormatter.requiredSynopsis(of: argument))'"
    }
  }

  /// The text shown after `Help:  `, or an empty string for no help line.
  ///
  /// - Parameter command: The command being parsed when the failure happened.
  /// - Returns: The help line text.
  func helpLine(in command: CommandSpec) -> String {
    switch self {
    case .missingValue(let name):
      guard let option = command.option(named: name) else { return "" }
      return "\(name.synopsis) <\(option.valueName ?? option.long)>  \(option.help)"
    case .missingOption(let option):
      return "--\(option.long) <\(option.valueName ?? option.long)>  \(option.help)"
    case .missingArgument(let argument):
      return "<\(argument.name)>  \(argument.help)"
    default:
      return ""
    }
  }

  /// `Unknown option '--jsn'. Did you mean '--json'?`, suggesting the closest
  /// long name within the similarity floor (never for a short name).
  private static func unknownOptionMessage(_ name: OptionName, in command: CommandSpec)
    -> String
  {
    let message = "Unknown option '\(name.synopsis)'"
    guard !name.isShort else { return message }
    let typed = name.synopsis
    let suggestion =
      command.options
      .flatMap(\.names)
      .filter { !$0.isShort }
      .map { (name: $0, distance: EditDistance.between($0.synopsis, typed)) }
      .filter { $0.distance < similarityFloor }
      .min { $0.distance < $1.distance }
    guard let suggestion else { return message }
    return "\(message). Did you mean '\(suggestion.name.synopsis)'?"
  }

  /// `Missing value for '--log <log>'`.
  private static func missingValueMessage(_ name: OptionName, in command: CommandSpec) -> String {
    guard let option = command.option(named: name) else {
      return "Missing value for '\(name.synopsis)'"
    }
    return "Missing value for '\(name.synopsis) <\(option.valueName ?? option.long)>'"
  }
}
