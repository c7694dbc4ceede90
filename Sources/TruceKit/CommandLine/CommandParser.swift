/// Walks the command tree along the command line, as swift-argument-parser's
/// `CommandParser` does.
///
/// Each command reads its own options and values, then the next input, if it
/// names a subcommand, selects it. Help and version flags are honoured when a
/// command lacks a required input and, at the end, anywhere among the unused
/// inputs; only then are leftovers reported as unknown options or unexpected
/// arguments.
struct CommandParser {
  /// The root of the command tree.
  let root: CommandSpec
  /// The command-line arguments, without the program name.
  let arguments: [String]
  /// The width to wrap help text to.
  let screenWidth: Int

  /// Parses the command line.
  ///
  /// - Returns: The command to run, or the help or version text to print.
  /// - Throws: ``UsageError`` when the command line is invalid.
  func parse() throws(UsageError) -> ParseOutcome {
    var split: SplitArguments
    do {
      split = try SplitArguments(arguments)
    } catch {
      throw usageError(error, stack: [root])
    }

    var stack = [root]
    var levels: [CommandValues] = []
    var command = root
    while true {
      let parser = LenientParser(command: command, split: split)
      let values: CommandValues
      let used: [SplitArguments.Origin]
      do {
        (values, used) = try parser.parse()
      } catch {
        throw usageError(error, stack: stack)
      }
      if let missing = parser.missingRequired(in: values) {
        if let outcome = builtInOutcome(split, stack: stack) { return outcome }
        throw usageError(missing, stack: stack)
      }
      split.remove(used)
      levels.append(values)

      guard case .value(let name)? = split.first?.token,
        let next = subcommand(named: name, of: command, isRoot: stack.count == 1)
      else { break }
      _ = split.popFirst()
      stack.append(next)
      command = next
    }

    if let outcome = builtInOutcome(split, stack: stack) { return outcome }
    if let leftover = leftoverFailure(split) { throw usageError(leftover, stack: stack) }

    if command.isHelpCommand {
      let words = levels.last?.arguments["subcommands"] ?? []
      return .help(helpText(for: self.stack(for: words)))
    }
    if !command.subcommands.isEmpty {
      return .help(helpText(for: stack))
    }
    return .run(ParsedCommand(stack: stack, levels: levels))
  }

  /// The commands from the root along the given names, stopping at the first
  /// name that is not a subcommand, like swift-argument-parser's
  /// `commandStack(for:)`.
  ///
  /// - Parameter names: Subcommand names, such as `["at"]`.
  /// - Returns: The stack, at least `[root]`.
  func stack(for names: [String]) -> [CommandSpec] {
    var stack = [root]
    var command = root
    for name in names {
      guard let next = subcommand(named: name, of: command, isRoot: stack.count == 1) else {
        break
      }
      stack.append(next)
      command = next
    }
    return stack
  }

  /// The help text as printed: the rendered help and `print`'s newline.
  ///
  /// - Parameter stack: The commands from the root to the one described.
  /// - Returns: The text for standard output.
  func helpText(for stack: [CommandSpec]) -> String {
    HelpFormatter.render(stack, screenWidth: screenWidth) + "\n"
  }

  /// A subcommand of `command` by name; the root also has `help` when it has
  /// subcommands.
  private func subcommand(named name: String, of command: CommandSpec, isRoot: Bool)
    -> CommandSpec?
  {
    if let match = command.subcommands.first(where: { $0.name == name }) { return match }
    if isRoot, !command.subcommands.isEmpty, name == CommandSpec.helpCommand.name {
      return .helpCommand
    }
    return nil
  }

  /// Help (`-h`, `--help`, `--help-hidden`) or version (`--version`) output
  /// when those flags are among the unused inputs.
  private func builtInOutcome(_ split: SplitArguments, stack: [CommandSpec]) -> ParseOutcome? {
    let hasHelpFlags = stack.last?.isHelpCommand == false
    if hasHelpFlags, split.containsOption([.short("h"), .long("help"), .long("help-hidden")]) {
      return .help(helpText(for: stack))
    }
    let versions = stack.compactMap(\.version).filter { !$0.isEmpty }
    if let version = versions.last, split.containsOption([.long("version")]) {
      return .version(version + "\n")
    }
    return nil
  }

  /// The first unused option as unknown, else the unused values as unexpected.
  private func leftoverFailure(_ split: SplitArguments) -> ParseFailure? {
    for element in split.elements {
      if case .option(let name, _) = element.token { return .unknownOption(name) }
    }
    let extra = split.elements.filter { $0.token != .terminator }.map {
      split.originalInput[$0.origin.input]
    }
    return extra.isEmpty ? nil : .unexpectedArguments(extra)
  }

  /// The usage error for a failure; with no arguments at all, the usage block
  /// is replaced by the root help, as swift-argument-parser does.
  private func usageError(_ failure: ParseFailure, stack: [CommandSpec]) -> UsageError {
    guard arguments.isEmpty, let command = stack.last else {
      return UsageError(failure, stack: stack)
    }
    return UsageError(
      kind: failure.kind, message: failure.message(in: command),
      usage: "\n" + HelpFormatter.render([root], screenWidth: screenWidth))
  }
}
