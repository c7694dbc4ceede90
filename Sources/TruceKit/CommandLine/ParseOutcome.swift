/// What the command line asks for.
///
/// The help and version texts are exactly what goes to standard output,
/// including the final newline that swift-argument-parser's `print` adds;
/// write them as they are and exit with ``ExitCode/success``.
public enum ParseOutcome: Sendable, Equatable {
  /// Run a command with the parsed values.
  case run(ParsedCommand)
  /// Print this help text to standard output.
  case help(String)
  /// Print this version text to standard output.
  case version(String)
}
