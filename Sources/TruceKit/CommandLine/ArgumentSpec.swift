/// A positional argument of a command, shown as `<name>`.
///
/// Positional values are assigned to a command's arguments in order. A
/// repeatable argument takes all the remaining values, so it should come last.
/// An optional argument (or one with a default value) is shown as `[<name>]`
/// in the usage line.
public struct ArgumentSpec: Sendable, Equatable {
  /// The name shown between angle brackets, such as `"moment"`.
  public var name: String
  /// The one-line help text shown in the `ARGUMENTS:` section.
  public var help: String
  /// Whether the argument may be left out.
  public var isOptional: Bool
  /// Whether the argument collects every remaining positional value.
  public var isRepeatable: Bool
  /// The value used when the argument is absent, shown as `(default: …)`.
  public var defaultValue: String?

  /// Creates a positional argument.
  ///
  /// - Parameters:
  ///   - name: The name shown as `<name>`.
  ///   - help: The help text.
  ///   - isOptional: Whether the argument may be left out.
  ///   - isRepeatable: Whether it collects every remaining value.
  ///   - defaultValue: The value used when absent; makes the argument optional.
  public init(
    _ name: String, help: String = "", isOptional: Bool = false, isRepeatable: Bool = false,
    defaultValue: String? = nil
  ) {
    self.name = name
    self.help = help
    self.isOptional = isOptional
    self.isRepeatable = isRepeatable
    self.defaultValue = defaultValue
  }

  /// Whether parsing fails when no value is given.
  var isRequired: Bool { !isOptional && defaultValue == nil }
}
