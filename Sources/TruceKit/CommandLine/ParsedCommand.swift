/// The command chosen on the command line and the values given to it.
///
/// Names are given without dashes or angle brackets (`"log"`, `"moment"`);
/// leading dashes are ignored. Options and flags of parent commands are found
/// too, the closest command first.
///
/// When a value turns out to be unusable, build a usage error with
/// ``invalidValue(_:forArgument:reason:)``,
/// ``invalidValue(_:forOption:reason:)`` or ``validationError(_:)`` and throw
/// it; it renders like swift-argument-parser's own errors for that command.
public struct ParsedCommand: Sendable, Equatable {
  /// The subcommand names after the program name, such as `["at"]`; empty for
  /// the root command.
  public var path: [String] { stack.dropFirst().map(\.name) }
  /// The description of the chosen command.
  public var command: CommandSpec { stack.last ?? CommandSpec(name: "") }

  /// The commands from the root to the chosen one.
  let stack: [CommandSpec]
  /// The values of each command of ``stack``.
  let levels: [CommandValues]

  /// Creates a parsed command.
  ///
  /// - Parameters:
  ///   - stack: The commands from the root to the chosen one (not empty).
  ///   - levels: The values of each command, aligned with `stack`.
  init(stack: [CommandSpec], levels: [CommandValues]) {
    self.stack = stack
    self.levels = levels
  }

  /// The value of an option: the last one given, else its default.
  ///
  /// - Parameter option: The long name, such as `"log"`.
  /// - Returns: The value, or `nil` when absent without a default.
  public func value(_ option: String) -> String? {
    guard let (spec, occurrences) = lookUp(option) else { return nil }
    return occurrences.last?.value ?? spec.defaultValue
  }

  /// All values of a repeatable option in the order given, else its default.
  ///
  /// - Parameter option: The long name, such as `"scenario"`.
  /// - Returns: The values; empty when absent without a default.
  public func values(_ option: String) -> [String] {
    guard let (spec, occurrences) = lookUp(option) else { return [] }
    let given = occurrences.compactMap(\.value)
    return given.isEmpty ? (spec.defaultValue.map { [$0] } ?? []) : given
  }

  /// Whether a flag was given.
  ///
  /// - Parameter name: The long name, such as `"json"`.
  /// - Returns: `true` when it appeared at least once.
  public func flag(_ name: String) -> Bool {
    guard let (_, occurrences) = lookUp(name) else { return false }
    return !occurrences.isEmpty
  }

  /// The value of a positional argument, else its default.
  ///
  /// - Parameter name: The argument name, such as `"moment"`.
  /// - Returns: The (first) value, or `nil` when absent without a default.
  public func argument(_ name: String) -> String? {
    arguments(name).first
  }

  /// All values of a repeatable positional argument, else its default.
  ///
  /// - Parameter name: The argument name.
  /// - Returns: The values in order; empty when absent without a default.
  public func arguments(_ name: String) -> [String] {
    let name = Self.bare(name)
    for (spec, values) in zip(stack, levels).reversed() {
      guard let argument = spec.arguments.first(where: { $0.name == name }) else { continue }
      let given = values.arguments[name] ?? []
      return given.isEmpty ? (argument.defaultValue.map { [$0] } ?? []) : given
    }
    return []
  }

  /// Converts a positional argument, turning a failed conversion into a usage error.
  ///
  /// Like swift-argument-parser, a conversion returning `nil` gives
  /// `The value 'x' is invalid for '<name>'`, and a thrown error appends its
  /// description (make errors `CustomStringConvertible`) as the reason.
  ///
  /// - Parameters:
  ///   - name: The argument name.
  ///   - transform: The conversion.
  /// - Returns: The converted value, or `nil` when absent without a default.
  /// - Throws: ``UsageError`` ``UsageErrorKind/invalidValue(_:name:)`` when
  ///   `transform` returns `nil` or throws.
  public func argument<T>(_ name: String, as transform: (String) throws -> T?)
    throws(UsageError) -> T?
  {
    guard let raw = argument(name) else { return nil }
    return try Self.convert(raw, transform) { invalidValue(raw, forArgument: name, reason: $0) }
  }

  /// Converts an option value, turning a failed conversion into a usage error.
  ///
  /// See ``argument(_:as:)`` for how failures are worded.
  ///
  /// - Parameters:
  ///   - option: The long name.
  ///   - transform: The conversion.
  /// - Returns: The converted value, or `nil` when absent without a default.
  /// - Throws: ``UsageError`` ``UsageErrorKind/invalidValue(_:name:)`` when
  ///   `transform` returns `nil` or throws.
  public func value<T>(_ option: String, as transform: (String) throws -> T?)
    throws(UsageError) -> T?
  {
    guard let raw = value(option) else { return nil }
    return try Self.convert(raw, transform) { invalidValue(raw, forOption: option, reason: $0) }
  }

  /// Converts every value of a repeatable option, in order.
  ///
  /// See ``argument(_:as:)`` for how failures are worded.
  ///
  /// - Parameters:
  ///   - option: The long name.
  ///   - transform: The conversion.
  /// - Returns: The converted values.
  /// - Throws: ``UsageError`` for the first value that does not convert.
  public func values<T>(_ option: String, as transform: (String) throws -> T?)
    throws(UsageError) -> [T]
  {
    var result: [T] = []
    for raw in values(option) {
      result.append(
        try Self.convert(raw, transform) { invalidValue(raw, forOption: option, reason: $0) })
    }
    return result
  }

  /// Applies a conversion, building the usage error from the failure reason.
  private static func convert<T>(
    _ raw: String, _ transform: (String) throws -> T?, failure: (String?) -> UsageError
  ) throws(UsageError) -> T {
    let converted: T?
    do {
      converted = try transform(raw)
    } catch {
      throw failure(String(describing: error))
    }
    guard let converted else { throw failure(nil) }
    return converted
  }

  /// The error for a positional value the command cannot use.
  ///
  /// Renders as `The value 'xyz' is invalid for '<moment>': reason` with a
  /// `Help:  <moment>  …` line, like swift-argument-parser.
  ///
  /// - Parameters:
  ///   - value: The rejected value.
  ///   - name: The argument name.
  ///   - reason: Why it was rejected, appended after `: `; `nil` for none.
  /// - Returns: The usage error to throw.
  public func invalidValue(_ value: String, forArgument name: String, reason: String? = nil)
    -> UsageError
  {
    let name = Self.bare(name)
    let argument = stack.reversed().lazy.compactMap {
      $0.arguments.first { $0.name == name }
    }.first
    let suffix = reason.map { ": \($0)" } ?? ""
    guard let argument else {
      return error(.invalidValue(value, name: name), "The value '\(value)' is invalid.\(suffix)")
    }
    return error(
      .invalidValue(value, name: "<\(name)>"),
      "The value '\(value)' is invalid for '<\(name)>'\(suffix)",
      help: "<\(name)>  \(argument.help)")
  }

  /// The error for an option value the command cannot use.
  ///
  /// Renders as `The value 'xyz' is invalid for '--as-of <as-of>': reason`
  /// with a help line, using the option name as the user typed it.
  ///
  /// - Parameters:
  ///   - value: The rejected value.
  ///   - option: The long name.
  ///   - reason: Why it was rejected, appended after `: `; `nil` for none.
  /// - Returns: The usage error to throw.
  public func invalidValue(_ value: String, forOption option: String, reason: String? = nil)
    -> UsageError
  {
    let suffix = reason.map { ": \($0)" } ?? ""
    guard let (spec, occurrences) = lookUp(option) else {
      return error(
        .invalidValue(value, name: option), "The value '\(value)' is invalid.\(suffix)")
    }
    let spelling = occurrences.last { $0.value == value }?.spelling ?? "--\(spec.long)"
    let label = "\(spelling) <\(spec.valueName ?? spec.long)>"
    return error(
      .invalidValue(value, name: spelling),
      "The value '\(value)' is invalid for '\(label)'\(suffix)",
      help: "\(label)  \(spec.help)")
  }

  /// The error for a command-specific check that failed, like
  /// swift-argument-parser's `ValidationError`: the message and the usage.
  ///
  /// - Parameter message: The message shown after `Error: `.
  /// - Returns: The usage error to throw.
  public func validationError(_ message: String) -> UsageError {
    error(.validation, message)
  }

  /// A usage error in the context of the chosen command.
  private func error(_ kind: UsageErrorKind, _ message: String, help: String = "")
    -> UsageError
  {
    UsageError(
      kind: kind, message: message, help: help,
      usage: UsageFormatter.usageMessage(for: stack))
  }

  /// The closest option with that long name and its occurrences.
  private func lookUp(_ option: String) -> (OptionSpec, [CommandValues.Occurrence])? {
    let name = Self.bare(option)
    for (spec, values) in zip(stack, levels).reversed() {
      guard let option = spec.options.first(where: { $0.long == name }) else { continue }
      return (option, values.options[name] ?? [])
    }
    return nil
  }

  /// The name without leading dashes or surrounding angle brackets.
  private static func bare(_ name: String) -> String {
    var name = Substring(name.drop { $0 == "-" })
    if name.hasPrefix("<"), name.hasSuffix(">"), name.count >= 2 {
      name = name.dropFirst().dropLast()
    }
    return String(name)
  }
}
