/// The description of a command or subcommand: its names, texts and inputs.
///
/// A tree of `CommandSpec` values describes the whole program; the root's
/// ``name`` is the program name (`truce`). Help and usage texts are generated
/// from it in swift-argument-parser's layout. In the usage line and in help,
/// options come first (in the order given) and positional arguments after.
///
/// A command with subcommands and no command-specific work of its own behaves
/// like swift-argument-parser's default `run()`: invoking it without a
/// subcommand prints its help. The root of a tree with subcommands also gets
/// the built-in `help` subcommand (`truce help at`).
public struct CommandSpec: Sendable, Equatable {
  /// The name typed on the command line; for the root, the program name.
  public var name: String
  /// The one-line summary shown after `OVERVIEW:` and in `SUBCOMMANDS:`.
  public var abstract: String
  /// A longer text shown after the abstract in the command's own help.
  public var discussion: String?
  /// The positional arguments, in order.
  public var arguments: [ArgumentSpec]
  /// The options and flags, in the order they are listed in help.
  public var options: [OptionSpec]
  /// The subcommands, in the order they are listed in help.
  public var subcommands: [CommandSpec]
  /// The version printed by `--version`; any command below inherits it.
  public var version: String?
  /// Whether this is the synthesized `help` subcommand.
  var isHelpCommand = false

  /// Creates a command description.
  ///
  /// - Parameters:
  ///   - name: The command name (the program name for the root).
  ///   - abstract: The one-line summary.
  ///   - discussion: An optional longer description.
  ///   - arguments: The positional arguments, in order.
  ///   - options: The options and flags.
  ///   - subcommands: The subcommands.
  ///   - version: The version string answered by `--version`.
  public init(
    name: String, abstract: String = "", discussion: String? = nil,
    arguments: [ArgumentSpec] = [], options: [OptionSpec] = [],
    subcommands: [CommandSpec] = [], version: String? = nil
  ) {
    self.name = name
    self.abstract = abstract
    self.discussion = discussion
    self.arguments = arguments
    self.options = options
    self.subcommands = subcommands
    self.version = version
  }

  /// The built-in `help` subcommand that swift-argument-parser adds to a root
  /// command with subcommands.
  static var helpCommand: CommandSpec {
    var command = CommandSpec(
      name: "help", abstract: "Show subcommand help information.",
      arguments: [ArgumentSpec("subcommands", isOptional: true, isRepeatable: true)])
    command.isHelpCommand = true
    return command
  }

  /// The option answering to a typed name, if any.
  ///
  /// - Parameter name: The name as typed.
  /// - Returns: The first option with that name.
  func option(named name: OptionName) -> OptionSpec? {
    options.first { $0.names.contains(name) }
  }
}
