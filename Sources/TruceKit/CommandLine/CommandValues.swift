/// The values parsed for one command of the stack.
struct CommandValues: Sendable, Equatable {
  /// One occurrence of an option or flag on the command line.
  struct Occurrence: Sendable, Equatable {
    /// The value, or `nil` for a flag.
    var value: String?
    /// The name as typed, such as `--log` or `-l`.
    var spelling: String
  }

  /// The occurrences of each option and flag, keyed by long name, in order.
  var options: [String: [Occurrence]] = [:]
  /// The values of each positional argument, keyed by name, in order.
  var arguments: [String: [String]] = [:]
}
