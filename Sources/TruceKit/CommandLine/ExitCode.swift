/// The exit statuses of the `truce` executable.
///
/// The values follow swift-argument-parser: `0` for success (including help and
/// version output), `1` for a failure while running a command, and `64`
/// (`EX_USAGE` from `sysexits.h`) for a command line that could not be parsed.
public enum ExitCode: Int32, Sendable, Equatable {
  /// The command finished normally, or printed help or its version.
  case success = 0
  /// The command was understood but failed while running.
  case failure = 1
  /// The command line was invalid (`EX_USAGE`).
  case usage = 64
}
