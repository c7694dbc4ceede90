/// Builds usage lines (`truce at [--log <log>] [--json] <moment>`) the way
/// swift-argument-parser's `UsageGenerator` does.
enum UsageFormatter {
  /// Above this many options and arguments, the optional options are folded
  /// into `[<options>]`.
  static let maximumListedInputs = 12

  /// The option as it appears when required: `--log <log>`, `--tag <tag> ...`,
  /// or `--json` for a flag.
  ///
  /// - Parameter option: The option.
  /// - Returns: The synopsis without brackets.
  static func requiredSynopsis(of option: OptionSpec) -> String {
    var synopsis = "--\(option.long)"
    if let valueName = option.valueName { synopsis += " <\(valueName)>" }
    if option.isRepeatable { synopsis += " ..." }
    return synopsis
  }

  /// The argument as it appears when required: `<moment>` or `<ids> ...`.
  ///
  /// - Parameter argument: The positional argument.
  /// - Returns: The synopsis without brackets.
  static func requiredSynopsis(of argument: ArgumentSpec) -> String {
    "<\(argument.name)>" + (argument.isRepeatable ? " ..." : "")
  }

  /// Whether the option is shown in brackets (flags always are).
  static func isOptional(_ option: OptionSpec) -> Bool {
    option.isFlag || !option.isRequired
  }

  /// The tool name and synopsis of the last command of a stack.
  ///
  /// - Parameter stack: The commands from the root to the one described.
  /// - Returns: The usage line without the `USAGE: ` or `Usage: ` prefix.
  static func usage(for stack: [CommandSpec]) -> String {
    guard let command = stack.last else { return "" }
    let toolName = stack.map(\.name).joined(separator: " ")
    var inputs: [(synopsis: String, keep: Bool)] = command.options.map { option in
      let synopsis = requiredSynopsis(of: option)
      return isOptional(option) ? ("[\(synopsis)]", false) : (synopsis, true)
    }
    inputs += command.arguments.map { argument in
      let synopsis = requiredSynopsis(of: argument)
      return (argument.isRequired ? synopsis : "[\(synopsis)]", true)
    }

    var usage: String
    switch inputs.count {
    case 0:
      usage = toolName
    case ...maximumListedInputs:
      usage = "\(toolName) " + inputs.map(\.synopsis).joined(separator: " ")
    default:
      let kept = inputs.filter(\.keep)
      if !kept.isEmpty, kept.count <= maximumListedInputs {
        usage = "\(toolName) [<options>] " + kept.map(\.synopsis).joined(separator: " ")
      } else {
        usage = "\(toolName) <options>"
      }
    }
    if !command.subcommands.isEmpty {
      if usage.last != " " { usage += " " }
      usage += "<subcommand>"
    }
    return usage
  }

  /// The usage block printed under an error message.
  ///
  /// - Parameter stack: The commands from the root to the one that failed.
  /// - Returns: `Usage: …` followed, unless the command has no help flag, by
  ///   `  See 'truce at --help' for more information.`
  static func usageMessage(for stack: [CommandSpec]) -> String {
    let usage = "Usage: \(self.usage(for: stack))"
    guard stack.last?.isHelpCommand == false else { return usage }
    let names = stack.map(\.name).joined(separator: " ")
    return usage + "\n  See '\(names) --help' for more information."
  }
}
