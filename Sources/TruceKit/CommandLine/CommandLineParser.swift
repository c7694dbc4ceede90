/// Parses a command line against a tree of ``CommandSpec`` values and renders
/// help, reproducing swift-argument-parser 1.8.2's user-facing behaviour.
///
/// ```swift
/// switch try CommandLineParser.parse(Array(CommandLine.arguments.dropFirst()), root: truce) {
/// case .run(let parsed): try run(parsed)
/// case .help(let text), .version(let text): StandardStreams.writeOut(text)
/// }
/// ```
///
/// Help is requested with `-h`, `--help`, or the `help` subcommand that a
/// root with subcommands gets (`truce help at`); `--version` prints the
/// version of the closest command that has one. A command with subcommands
/// invoked without one prints its help (exit 0), like swift-argument-parser's
/// default `run()`.
public enum CommandLineParser {
  /// Parses a command line.
  ///
  /// - Parameters:
  ///   - arguments: The arguments, without the program name.
  ///   - root: The root command; its name is the program name.
  ///   - screenWidth: The width to wrap help to; `nil` for the terminal width
  ///     (see ``StandardStreams/terminalWidth``).
  /// - Returns: The command to run, or help or version text for standard output.
  /// - Throws: ``UsageError`` when the command line is invalid.
  public static func parse(_ arguments: [String], root: CommandSpec, screenWidth: Int? = nil)
    throws(UsageError) -> ParseOutcome
  {
    let parser = CommandParser(
      root: root, arguments: arguments,
      screenWidth: screenWidth ?? StandardStreams.terminalWidth)
    return try parser.parse()
  }

  /// The help text of a command, exactly as `truce help <path>` prints it.
  ///
  /// - Parameters:
  ///   - root: The root command.
  ///   - path: Subcommand names below the root; unknown names are ignored
  ///     along with the rest of the path.
  ///   - screenWidth: The width to wrap to; `nil` for the terminal width.
  /// - Returns: The text for standard output, ending with a newline.
  public static func helpText(root: CommandSpec, path: [String] = [], screenWidth: Int? = nil)
    -> String
  {
    let parser = CommandParser(
      root: root, arguments: [], screenWidth: screenWidth ?? StandardStreams.terminalWidth)
    return parser.helpText(for: parser.stack(for: path))
  }

  /// The usage line of a command, such as `truce at [--log <log>] <moment>`.
  ///
  /// - Parameters:
  ///   - root: The root command.
  ///   - path: Subcommand names below the root.
  /// - Returns: The usage line without a `USAGE:` prefix or newline.
  public static func usage(root: CommandSpec, path: [String] = []) -> String {
    let parser = CommandParser(root: root, arguments: [], screenWidth: 80)
    return UsageFormatter.usage(for: parser.stack(for: path))
  }

  /// Parses the process's command line, printing help, version or errors and
  /// exiting when there is nothing to run.
  ///
  /// Help and version go to standard output with exit status 0; usage errors
  /// go to standard error with status 64.
  ///
  /// - Parameters:
  ///   - arguments: The arguments, without the program name; defaults to the
  ///     process's own.
  ///   - root: The root command.
  /// - Returns: The command to run.
  public static func parseOrExit(
    _ arguments: [String] = Array(CommandLine.arguments.dropFirst()), root: CommandSpec
  ) -> ParsedCommand {
    do {
      switch try parse(arguments, root: root) {
      case .run(let parsed):
        return parsed
      case .help(let text), .version(let text):
        StandardStreams.writeOut(text)
        StandardStreams.exit(.success)
      }
    } catch {
      StandardStreams.writeError(error.rendered())
      StandardStreams.exit(error.exitCode)
    }
  }
}
