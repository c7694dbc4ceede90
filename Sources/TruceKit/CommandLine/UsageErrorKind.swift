/// Why a command line was rejected, for code that needs more than the text.
///
/// Option names are given as typed (`--jsn`, `-x`); arguments as their
/// synopsis (`<moment>`).
public enum UsageErrorKind: Sendable, Equatable {
  /// An input such as `---x` that cannot be an option.
  case invalidOption(String)
  /// An option the command does not know.
  case unknownOption(String)
  /// An option given without its value.
  case missingValue(String)
  /// A flag given a value with `=`.
  case unexpectedValue(option: String, value: String)
  /// Positional values left over after parsing.
  case unexpectedArguments([String])
  /// A required argument or option that was not given.
  case missingArgument(String)
  /// A value the command rejected, and the argument or option it was given to.
  case invalidValue(String, name: String)
  /// A command-specific validation failure.
  case validation
}
