import Testing

@testable import TruceKit

/// Usage errors, checked verbatim against swift-argument-parser 1.8.2's
/// wording (`ErrorMessageGenerator`) and layout (`MessageInfo.fullText` plus
/// the newline `print` adds).
@Suite("Usage errors")
struct CommandLineUsageErrorTests {
  static let atUsage = """
    Usage: truce at [--log <log>] [--as-of <as-of>] [--area <area>] [--scenario <scenario> ...] [--json] [--utc] <moment>
      See 'truce at --help' for more information.

    """

  static let rootUsage = """
    Usage: truce <subcommand>
      See 'truce --help' for more information.

    """

  static let toolUsage = """
    Usage: tool [--log <log>] [--json] <file>
      See 'tool --help' for more information.

    """

  @Test(
    "Errors in a subcommand show its message, help line and usage",
    arguments: [
      (
        ["at", "--jsn", "2016-12-15"],
        "Error: Unknown option '--jsn'. Did you mean '--json'?\n"
      ),
      (
        ["at", "2016-12-15", "-jsn"],
        "Error: Unknown option '-jsn'. Did you mean '--json'?\n"
      ),
      (["at", "2016-12-15", "--hlp"], "Error: Unknown option '--hlp'. Did you mean '--log'?\n"),
      (["at", "2016-12-15", "--helpp"], "Error: Unknown option '--helpp'\n"),
      (
        ["at", "2016-12-15", "--vrsion"],
        "Error: Unknown option '--vrsion'. Did you mean '--json'?\n"
      ),
      (
        ["at", "2016-12-15", "--completely-different"],
        "Error: Unknown option '--completely-different'\n"
      ),
      (["at", "2016-12-15", "-x"], "Error: Unknown option '-x'\n"),
      (
        ["at", "--jsn"],
        "Error: Missing expected argument '<moment>'\nHelp:  <moment>  The moment to look at.\n"
      ),
      (
        ["at"],
        "Error: Missing expected argument '<moment>'\nHelp:  <moment>  The moment to look at.\n"
      ),
      (
        ["at", "2016-12-15", "--log"],
        "Error: Missing value for '--log <log>'\nHelp:  --log <log>  The event log to read.\n"
      ),
      (
        ["at", "--log", "--help"],
        "Error: Missing value for '--log <log>'\nHelp:  --log <log>  The event log to read.\n"
      ),
      (
        ["at", "--log", "--", "2016-12-15"],
        "Error: Missing value for '--log <log>'\nHelp:  --log <log>  The event log to read.\n"
      ),
      (
        ["at", "2016-12-15", "--json=yes"],
        "Error: The option '--json' does not take any value, but 'yes' was specified.\n"
      ),
      (["at", "2016-12-15", "later"], "Error: Unexpected argument 'later'\n"),
      (["at", "2016-12-15", "--", "--json"], "Error: Unexpected argument '--json'\n"),
      (["at", "a", "b", "c"], "Error: 2 unexpected arguments: 'b', 'c'\n"),
      (["at", "--jsn", "a", "b"], "Error: Unknown option '--jsn'. Did you mean '--json'?\n"),
    ])
  func subcommandErrors(arguments: [String], head: String) {
    #expect(SampleCommands.errorText(arguments) == head + Self.atUsage)
  }

  @Test(
    "Errors before any subcommand show the root usage",
    arguments: [
      (["frobnicate"], "Error: Unexpected argument 'frobnicate'\n"),
      (["--json", "at"], "Error: Unknown option '--json'\n"),
      (["---x"], "Error: Invalid option: ---x\n"),
      (["at", "---"], "Error: Invalid option: ---\n"),
    ])
  func rootErrors(arguments: [String], head: String) {
    #expect(SampleCommands.errorText(arguments) == head + Self.rootUsage)
  }

  @Test("The complete text of an unknown option error matches swift-argument-parser")
  func completeText() throws {
    let expected = """
      Error: Unknown option '--jsn'. Did you mean '--json'?
      Usage: truce at [--log <log>] [--as-of <as-of>] [--area <area>] [--scenario <scenario> ...] [--json] [--utc] <moment>
        See 'truce at --help' for more information.

      """
    let error = try #require(throws: UsageError.self) {
      try SampleCommands.parse(["at", "now", "--jsn"])
    }
    #expect(error.rendered() == expected)
    #expect(error.kind == .unknownOption("--jsn"))
    #expect(error.exitCode == .usage)
    #expect(error.exitCode.rawValue == 64)
  }

  @Test(
    "Error kinds describe the failure for code",
    arguments: [
      (["at", "2016", "--log"], UsageErrorKind.missingValue("--log")),
      (["at"], .missingArgument("<moment>")),
      (["at", "2016", "--utc=1"], .unexpectedValue(option: "--utc", value: "1")),
      (["at", "a", "b"], .unexpectedArguments(["b"])),
      (["---x"], .invalidOption("---x")),
    ])
  func kinds(arguments: [String], kind: UsageErrorKind) throws {
    let error = try #require(throws: UsageError.self) {
      try SampleCommands.parse(arguments)
    }
    #expect(error.kind == kind)
  }

  @Test("Short names and groups are reported as typed")
  func shortNameErrors() {
    #expect(
      SampleCommands.errorText(["in.txt", "-l"], root: SampleCommands.tool)
        == "Error: Missing value for '-l <log>'\nHelp:  -l <log>  Where to write the log.\n"
        + Self.toolUsage)
    #expect(
      SampleCommands.errorText(["in.txt", "-jl"], root: SampleCommands.tool)
        == """
        Error: Unknown option '-jl'. Did you mean '--log'?
           or: Missing value for '-l <log>' in '-jl'

        """ + Self.toolUsage)
    #expect(
      SampleCommands.errorText(["in.txt", "-jx"], root: SampleCommands.tool)
        == "Error: Unknown option '-x'\n" + Self.toolUsage)
    #expect(
      SampleCommands.errorText(["in.txt", "--version"], root: SampleCommands.tool)
        == "Error: Unknown option '--version'\n" + Self.toolUsage)
  }

  @Test("With no arguments at all, the root help replaces the usage block")
  func noArguments() {
    let expected = """
      Error: Missing expected argument '<file>'

      USAGE: tool [--log <log>] [--json] <file>

      ARGUMENTS:
        <file>                  The file to read.

      OPTIONS:
        -l, --log <log>         Where to write the log.
        -j, --json              Print JSON.
        -h, --help              Show help information.


      """
    #expect(SampleCommands.errorText([], root: SampleCommands.tool) == expected)
  }

  @Test("A missing required option is named with its value")
  func missingOption() {
    let command = CommandSpec(
      name: "replay", options: [.option("log", help: "The log.", isRequired: true)])
    #expect(
      SampleCommands.errorText(["--json"], root: command)
        == """
        Error: Missing expected argument '--log <log>'
        Help:  --log <log>  The log.
        Usage: replay --log <log>
          See 'replay --help' for more information.

        """)
  }

  @Test("Errors inside the help subcommand have no --help hint")
  func helpSubcommandErrors() {
    #expect(
      SampleCommands.errorText(["help", "--bogus"])
        == """
        Error: Unknown option '--bogus'
        Usage: truce help [<subcommands> ...]

        """)
  }
}
