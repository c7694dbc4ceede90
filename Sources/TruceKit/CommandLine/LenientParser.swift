/// Reads the options and positional values of one command from the split
/// command line, leaving what it does not understand for later.
///
/// This is swift-argument-parser's `LenientParser`: options are matched in
/// input order (an unknown option is skipped, since it may belong to a
/// subcommand or be reported at the end), then the unused plain values are
/// handed to the positional arguments in order.
struct LenientParser {
  /// The names the `help` subcommand silently accepts (`truce help at -h`).
  static let helpCommandFlags: [OptionName] = [
    .short("h"), .long("help"), .longWithSingleDash("help"),
  ]

  /// The command whose inputs are read.
  let command: CommandSpec
  /// The inputs not used by parent commands.
  let split: SplitArguments

  /// Reads the command's options, flags and positional values.
  ///
  /// - Returns: The values and the origins of the inputs they used.
  /// - Throws: ``ParseFailure/missingValue(_:)`` (or its group form) for an
  ///   option without a value, ``ParseFailure/unexpectedValue(_:_:)`` for a
  ///   flag given one.
  func parse() throws(ParseFailure) -> (CommandValues, [SplitArguments.Origin]) {
    var work = split
    var values = CommandValues()
    var used: [SplitArguments.Origin] = []

    while let element = work.popFirst() {
      guard case .option(let name, let attached) = element.token else { continue }
      var usedNow = [element.origin]
      if command.isHelpCommand, Self.helpCommandFlags.contains(name) {
        if let attached { throw .unexpectedValue(name, attached) }
      } else if let option = command.option(named: name) {
        var value = attached
        if option.isFlag {
          if let attached { throw .unexpectedValue(name, attached) }
        } else if value == nil {
          guard let (origin, next) = work.popValue(after: element.origin) else {
            throw missingValue(name, at: element.origin)
          }
          value = next
          usedNow.append(origin)
        }
        values.options[option.long, default: []].append(
          CommandValues.Occurrence(value: value, spelling: name.synopsis))
      } else {
        continue
      }
      work.remove(usedNow)
      used += usedNow
    }

    var unused = split
    unused.remove(used)
    var candidates = unused.elements.filter { $0.origin.sub == nil }[...]
    func nextValue() -> (SplitArguments.Origin, String)? {
      while let element = candidates.popFirst() {
        if case .value(let value) = element.token { return (element.origin, value) }
      }
      return nil
    }
    arguments: for argument in command.arguments {
      repeat {
        guard let (origin, value) = nextValue() else { break arguments }
        values.arguments[argument.name, default: []].append(value)
        used.append(origin)
      } while argument.isRepeatable
    }
    return (values, used)
  }

  /// The first required option or argument (options first) with no value.
  ///
  /// - Parameter values: The values read by ``parse()``.
  /// - Returns: The failure to report, or `nil` when nothing is missing.
  func missingRequired(in values: CommandValues) -> ParseFailure? {
    if let option = command.options.first(where: {
      !$0.isFlag && $0.isRequired && (values.options[$0.long] ?? []).isEmpty
    }) {
      return .missingOption(option)
    }
    if let argument = command.arguments.first(where: {
      $0.isRequired && (values.arguments[$0.name] ?? []).isEmpty
    }) {
      return .missingArgument(argument)
    }
    return nil
  }

  /// The missing-value failure, naming the whole group for `-lj`.
  private func missingValue(_ name: OptionName, at origin: SplitArguments.Origin)
    -> ParseFailure
  {
    guard origin.sub != nil, split.originalInput.indices.contains(origin.input) else {
      return .missingValue(name)
    }
    let group = OptionName(Substring(split.originalInput[origin.input]))
    return .missingValueInGroup(name, group: group)
  }
}
