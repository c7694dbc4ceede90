import Testing

@testable import TruceKit

/// Help screens, checked verbatim against swift-argument-parser 1.8.2's layout
/// (as in its `MathExampleTests`): the texts include the final newline that
/// `print` adds, so a leaf command's help ends with a blank line.
@Suite("Help output")
struct CommandLineHelpOutputTests {
  static let rootHelp = """
    OVERVIEW: Follow humanitarian pauses through an event log.

    USAGE: truce <subcommand>

    OPTIONS:
      --version               Show the version.
      -h, --help              Show help information.

    SUBCOMMANDS:
      at                      Show every pause as it stood at a moment.
      areas                   List the areas named in the log.

      See 'truce help <subcommand>' for detailed help.

    """

  static let atHelp = """
    OVERVIEW: Show every pause as it stood at a moment.

    The moment is an ISO 8601 date-time such as 2016-12-15T12:00Z. Events recorded
    after it are ignored.

    USAGE: truce at [--log <log>] [--as-of <as-of>] [--area <area>] [--scenario <scenario> ...] [--json] [--utc] <moment>

    ARGUMENTS:
      <moment>                The moment to look at.

    OPTIONS:
      --log <log>             The event log to read. (default:
                              EventLog/aleppo-2016.jsonl)
      --as-of <as-of>         Ignore events recorded after this time.
      --area <area>           Only show pauses covering this area.
      --scenario <scenario>   Apply a what-if scenario; repeat to combine them.
      --json                  Print JSON instead of a table.
      --utc                   Show times in UTC.
      --version               Show the version.
      -h, --help              Show help information.


    """

  static let areasHelp = """
    OVERVIEW: List the areas named in the log.

    USAGE: truce areas [--log <log>] [--json]

    OPTIONS:
      --log <log>             The event log to read. (default:
                              EventLog/aleppo-2016.jsonl)
      --json                  Print JSON instead of a table.
      --version               Show the version.
      -h, --help              Show help information.


    """

  @Test(
    "Every way of asking for the root help prints it",
    arguments: [[], ["--help"], ["-h"], ["help"], ["help", "nonexistent"], ["--help-hidden"]])
  func rootHelp(arguments: [String]) throws {
    #expect(try SampleCommands.parse(arguments) == .help(Self.rootHelp))
  }

  @Test(
    "Every way of asking for a subcommand's help prints it",
    arguments: [
      ["at", "--help"], ["at", "-h"], ["help", "at"], ["help", "at", "-h"],
      ["help", "at", "--help"], ["help", "at", "-help"], ["help", "at", "extra"],
      ["at", "2016-12-15", "--jsn", "-h"], ["at", "--jsn", "--help"], ["at", "-uh"],
      ["at", "2016-12-15", "--help", "--version"], ["at", "--help=now"],
    ])
  func subcommandHelp(arguments: [String]) throws {
    #expect(try SampleCommands.parse(arguments) == .help(Self.atHelp))
  }

  @Test("A subcommand without arguments has no ARGUMENTS section")
  func areasHelp() throws {
    #expect(try SampleCommands.parse(["areas", "--help"]) == .help(Self.areasHelp))
    let text = CommandLineParser.helpText(
      root: SampleCommands.truce, path: ["areas"], screenWidth: 80)
    #expect(text == Self.areasHelp)
  }

  @Test("The help subcommand has help of its own, without -h or --help")
  func helpOfHelp() throws {
    let expected = """
      OVERVIEW: Show subcommand help information.

      USAGE: truce help [<subcommands> ...]

      ARGUMENTS:
        <subcommands>

      OPTIONS:
        --version               Show the version.


      """
    #expect(try SampleCommands.parse(["help", "help"]) == .help(expected))
  }

  @Test("Labels too long for column 26 put their text on the next line")
  func longLabels() {
    let layout = CommandSpec(
      name: "layout",
      arguments: [ArgumentSpec("id")],
      options: [
        .option("precision", help: "Digits after the decimal point."),
        .option(
          "corridor", valueName: "corridor-id", help: "The humanitarian corridor to follow."),
        .option(
          "minimum-duration", valueName: "hours",
          help: """
            Only pauses lasting at least this many hours, counted from the announced start \
            rather than the observed one.
            """),
      ])
    let expected = """
      USAGE: layout [--precision <precision>] [--corridor <corridor-id>] [--minimum-duration <hours>] <id>

      ARGUMENTS:
        <id>

      OPTIONS:
        --precision <precision> Digits after the decimal point.
        --corridor <corridor-id>
                                The humanitarian corridor to follow.
        --minimum-duration <hours>
                                Only pauses lasting at least this many hours, counted
                                from the announced start rather than the observed one.
        -h, --help              Show help information.


      """
    #expect(CommandLineParser.helpText(root: layout, screenWidth: 80) == expected)
  }

  @Test("Short names come first in labels, and required inputs lose their brackets")
  func shortNamesAndRequiredInputs() {
    let command = CommandSpec(
      name: "tool",
      arguments: [
        ArgumentSpec("file", help: "The file."),
        ArgumentSpec("extra", isRepeatable: true, defaultValue: "none"),
      ],
      options: [
        .option("log", short: "l", help: "The log.", isRequired: true),
        .option("tag", help: "A tag.", isRepeatable: true, isRequired: true),
        .flag("json", short: "j"),
      ])
    let expected = """
      USAGE: tool --log <log> --tag <tag> ... [--json] <file> [<extra> ...]

      ARGUMENTS:
        <file>                  The file.
        <extra>                 (default: none)

      OPTIONS:
        -l, --log <log>         The log.
        --tag <tag>             A tag.
        -j, --json
        -h, --help              Show help information.


      """
    #expect(CommandLineParser.helpText(root: command, screenWidth: 80) == expected)
  }

  @Test("Help text wraps to the screen width it is given")
  func narrowScreen() {
    let expected = """
      OVERVIEW: Follow humanitarian pauses through an
      event log.

      USAGE: truce <subcommand>

      OPTIONS:
        --version               Show the version.
        -h, --help              Show help information.

      SUBCOMMANDS:
        at                      Show every pause as it
                                stood at a moment.
        areas                   List the areas named in
                                the log.

        See 'truce help <subcommand>' for detailed help.

      """
    #expect(CommandLineParser.helpText(root: SampleCommands.truce, screenWidth: 50) == expected)
  }

  @Test("Usage lines fold optional options into [<options>] beyond twelve inputs")
  func manyOptions() {
    let many = CommandSpec(
      name: "many",
      arguments: [ArgumentSpec("input")],
      options: (1...12).map { OptionSpec.flag("flag\($0)") } + [
        .option("required", isRequired: true)
      ])
    #expect(CommandLineParser.usage(root: many) == "many [<options>] --required <required> <input>")
    let allOptional = CommandSpec(name: "all", options: (1...13).map { .flag("f\($0)") })
    #expect(CommandLineParser.usage(root: allOptional) == "all <options>")
  }

  @Test("Usage lines name the whole command path")
  func usageLines() {
    #expect(CommandLineParser.usage(root: SampleCommands.truce) == "truce <subcommand>")
    #expect(
      CommandLineParser.usage(root: SampleCommands.truce, path: ["areas"])
        == "truce areas [--log <log>] [--json]")
  }
}
