/// A named option (`--log <log>`) or flag (`--json`) of a command.
///
/// An option takes a value, written `--log value` or `--log=value`; a flag
/// takes none and is an error when given one (`--json=x`). Help lists the
/// option as `-l, --log <log>` followed by its help text and, when present,
/// `(default: …)`; the usage line shows it as `[--log <log>]`, with ` ...`
/// when it is repeatable and without brackets when it is required.
///
/// A non-repeatable option given several times keeps its last value, as
/// swift-argument-parser does. Flags may always be repeated.
public struct OptionSpec: Sendable, Equatable {
  /// The long name without its dashes, such as `"log"` for `--log`.
  public var long: String
  /// An optional one-character name, such as `l` for `-l`.
  public var short: Character?
  /// The placeholder shown as `<valueName>`, or `nil` for a flag.
  public var valueName: String?
  /// The one-line help text shown in the `OPTIONS:` section.
  public var help: String
  /// The value used when the option is not given, shown as `(default: …)`.
  public var defaultValue: String?
  /// Whether every occurrence is kept (in order) rather than only the last.
  public var isRepeatable: Bool
  /// Whether parsing fails when the option is missing.
  public var isRequired: Bool

  /// Whether this is a flag, that is an option taking no value.
  public var isFlag: Bool { valueName == nil }

  /// Creates an option or flag.
  ///
  /// - Parameters:
  ///   - long: The long name without its dashes.
  ///   - short: An optional one-character name.
  ///   - valueName: The value placeholder, or `nil` to make a flag.
  ///   - help: The help text.
  ///   - defaultValue: The value used when the option is absent.
  ///   - isRepeatable: Whether all occurrences are collected.
  ///   - isRequired: Whether the option must be given.
  public init(
    long: String, short: Character? = nil, valueName: String?, help: String = "",
    defaultValue: String? = nil, isRepeatable: Bool = false, isRequired: Bool = false
  ) {
    self.long = long
    self.short = short
    self.valueName = valueName
    self.help = help
    self.defaultValue = defaultValue
    self.isRepeatable = isRepeatable
    self.isRequired = isRequired
  }

  /// Creates an option that takes a value, named `<long>` unless told otherwise.
  ///
  /// - Parameters:
  ///   - long: The long name without its dashes, such as `"log"`.
  ///   - short: An optional one-character name.
  ///   - valueName: The value placeholder; defaults to `long`.
  ///   - help: The help text.
  ///   - defaultValue: The value used when the option is absent.
  ///   - isRepeatable: Whether all occurrences are collected.
  ///   - isRequired: Whether the option must be given.
  /// - Returns: The option.
  public static func option(
    _ long: String, short: Character? = nil, valueName: String? = nil, help: String = "",
    defaultValue: String? = nil, isRepeatable: Bool = false, isRequired: Bool = false
  ) -> OptionSpec {
    OptionSpec(
      long: long, short: short, valueName: valueName ?? long, help: help,
      defaultValue: defaultValue, isRepeatable: isRepeatable, isRequired: isRequired)
  }

  /// Creates a flag, an option that takes no value.
  ///
  /// - Parameters:
  ///   - long: The long name without its dashes, such as `"json"`.
  ///   - short: An optional one-character name.
  ///   - help: The help text.
  /// - Returns: The flag.
  public static func flag(_ long: String, short: Character? = nil, help: String = "")
    -> OptionSpec
  {
    OptionSpec(long: long, short: short, valueName: nil, help: help)
  }

  /// The names this option answers to, long name first.
  var names: [OptionName] {
    [.long(long)] + (short.map { [.short($0)] } ?? [])
  }
}
