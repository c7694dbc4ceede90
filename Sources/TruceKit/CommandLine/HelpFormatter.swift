/// Renders help screens in swift-argument-parser's layout.
///
/// The layout is `OVERVIEW:`, `USAGE:`, then the `ARGUMENTS:`, `OPTIONS:` and
/// `SUBCOMMANDS:` sections. Items are indented by two spaces and their help
/// text starts at column 26 (0-based); a label too long for that column puts
/// its text on the next line. Text wraps at the screen width.
enum HelpFormatter {
  /// The indentation of section items.
  static let helpIndent = 2
  /// The column where item help text starts.
  static let labelColumnWidth = 26

  /// A labelled line of a help section.
  private struct Item {
    var label: String
    var abstract: String
  }

  /// The help text for the last command of a stack, as swift-argument-parser's
  /// `HelpGenerator.rendered(screenWidth:)` returns it (before `print` adds a
  /// final newline).
  ///
  /// - Parameters:
  ///   - stack: The commands from the root to the one described.
  ///   - screenWidth: The width to wrap text to.
  /// - Returns: The help text.
  static func render(_ stack: [CommandSpec], screenWidth: Int) -> String {
    guard let command = stack.last else { return "" }

    var abstract = command.abstract
    if let discussion = command.discussion, !discussion.isEmpty {
      if !abstract.isEmpty { abstract += "\n" }
      abstract += "\n\(discussion)"
    }
    let overview =
      abstract.isEmpty
      ? "" : TextWrapper.wrap("OVERVIEW: \(abstract)", to: screenWidth) + "\n\n"
    let usage = "USAGE: \(UsageFormatter.usage(for: stack))\n\n"

    let argumentItems = command.arguments.map { argument in
      Item(
        label: "<\(argument.name)>",
        abstract: describe(argument.help, defaultValue: argument.defaultValue))
    }
    var optionItems = command.options.map { option in
      let names = (option.short.map { ["-\($0)"] } ?? []) + ["--\(option.long)"]
      let value = option.valueName.map { " <\($0)>" } ?? ""
      return Item(
        label: names.joined(separator: ", ") + value,
        abstract: describe(option.help, defaultValue: option.defaultValue))
    }
    if stack.contains(where: { !($0.version ?? "").isEmpty }) {
      optionItems.append(Item(label: "--version", abstract: "Show the version."))
    }
    if !command.isHelpCommand {
      optionItems.append(Item(label: "-h, --help", abstract: "Show help information."))
    }
    let subcommandItems = command.subcommands.map {
      Item(label: $0.name, abstract: $0.abstract)
    }

    let sections = [
      section("ARGUMENTS", argumentItems, screenWidth: screenWidth),
      section("OPTIONS", optionItems, screenWidth: screenWidth),
      section("SUBCOMMANDS", subcommandItems, screenWidth: screenWidth),
    ]
    var text = overview + usage + sections.filter { !$0.isEmpty }.joined(separator: "\n")
    if !subcommandItems.isEmpty {
      var names = stack.map(\.name)
      names.insert("help", at: 1)
      text += "\n  See '\(names.joined(separator: " ")) <subcommand>' for detailed help."
    }
    return text
  }

  /// The help text followed by `(default: …)` when there is a default.
  private static func describe(_ help: String, defaultValue: String?) -> String {
    let defaultText = defaultValue.map { $0.isEmpty ? "" : "(default: \($0))" } ?? ""
    return [help, defaultText].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// A titled section, or an empty string when it has no items.
  private static func section(_ title: String, _ items: [Item], screenWidth: Int) -> String {
    guard !items.isEmpty else { return "" }
    return "\(title):\n" + items.map { render($0, screenWidth: screenWidth) }.joined()
  }

  /// One item: the padded label, then the wrapped help text at column 26 on
  /// the same line if the label leaves room, otherwise on the next line.
  private static func render(_ item: Item, screenWidth: Int) -> String {
    let paddedLabel = String(repeating: " ", count: helpIndent) + item.label
    guard !item.abstract.isEmpty else { return paddedLabel + "\n" }
    let wrapped = TextWrapper.wrap(
      item.abstract, to: screenWidth, wrappingIndent: labelColumnWidth)
    if paddedLabel.count < labelColumnWidth {
      return paddedLabel + wrapped.dropFirst(paddedLabel.count) + "\n"
    }
    return paddedLabel + "\n" + wrapped + "\n"
  }
}
