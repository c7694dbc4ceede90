/// A command line that cannot be run, with the text to show the user.
///
/// The text copies swift-argument-parser's layout:
///
/// ```
/// Error: Unknown option '--jsn'. Did you mean '--json'?
/// Usage: truce at [--log <log>] [--json] <moment>
///   See 'truce at --help' for more information.
/// ```
///
/// Some errors add a `Help:  <option>  <help text>` line before the usage.
/// Write ``rendered()`` to standard error and exit with ``exitCode`` (64).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Why the command line was rejected.
  public var kind: UsageErrorKind
  /// The message shown after `Error: `.
  public var message: String
  /// The text shown after `Help:  `, or an empty string for no help line.
  public var help: String
  /// The usage block: `Usage: …` and the `See '… --help'` line.
  public var usage: String

  /// The exit status to end the process with: ``ExitCode/usage``.
  public var exitCode: ExitCode { .usage }

  /// The message alone.
  public var description: String { message }

  /// Creates a usage error from its parts.
  ///
  /// - Parameters:
  ///   - kind: Why the command line was rejected.
  ///   - message: The message shown after `Error: `.
  ///   - help: The text shown after `Help:  `, or an empty string.
  ///   - usage: The usage block.
  public init(kind: UsageErrorKind, message: String, help: String = "", usage: String) {
    self.kind = kind
    self.message = message
    self.help = help
    self.usage = usage
  }

  /// Creates a usage error for a failure in the last command of a stack.
  ///
  /// - Parameters:
  ///   - failure: The parsing failure.
  ///   - stack: The commands from the root to the one that failed.
  init(_ failure: ParseFailure, stack: [CommandSpec]) {
    let command = stack.last ?? CommandSpec(name: "")
    self.init(
      kind: failure.kind, message: failure.message(in: command),
      help: failure.helpLine(in: command), usage: UsageFormatter.usageMessage(for: stack))
  }

  /// The complete text for standard error, ending with a newline.
  ///
  /// - Returns: `Error: …`, the optional `Help:  …` line and the usage block.
  public func rendered() -> String {
    let errorLine = message.isEmpty ? "" : "Error: \(message)\n"
    let helpLine = help.isEmpty ? "" : "Help:  \(help)\n"
    return errorLine + helpLine + usage + "\n"
  }
}
