import Foundation
import Testing

@Suite("The truce command line: help and usage errors")
struct HelpAndUsageTests {
  @Test("truce --help lists the subcommands in swift-argument-parser's layout")
  func rootHelp() throws {
    let result = try TruceProcess.run(["--help"])
    #expect(result.status == 0)
    #expect(
      result.stdout == """
        OVERVIEW: Answer what was in force, and who said so, from a log of announced
        pauses, ceasefires, corridors and offensives.

        Without --log, commands read the bundled Aleppo 2016 history
        (EventLog/aleppo-2016.jsonl; see the README for how it is found).

        USAGE: truce <subcommand>

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

        SUBCOMMANDS:
          at                      Show what was in force at a moment, and who said so.
          replay                  Replay the log in announcement order, saying what
                                  each announcement changed.
          timeline                Draw the pauses, corridors and offensives across time.
          log                     List the events, one line each, in the log's order.
          show                    Show one event in full, with the events linked to it.
          disputes                List every disputed fact: what the reports say, and
                                  who says which.
          diff                    Show where a scenario's timeline differs from the
                                  record, and why.
          check                   Check a what-if scenario and list what it adds and
                                  leaves out.
          areas                   List the areas the log declares, with their nesting
                                  and time zones.
          init                    Start a new log with its format version and areas.
          append                  Append one event to a log, checked against everything
                                  before it.
          verify                  Check a whole log: every line, the hash chain and the
                                  head.
          index                   Build the index that truce at answers from, beside
                                  the log.
          generate                Write a synthetic history of many events, for tests
                                  and benchmarks.

          See 'truce help <subcommand>' for detailed help.

        """)
  }

  @Test("truce help at, truce at --help and truce at -h print the same help")
  func atHelp() throws {
    let expected = """
      OVERVIEW: Show what was in force at a moment, and who said so.

      A moment is an instant (2016-11-04T12:00 in the area's local time, or with Z or
      an offset such as +02:00) or a day (2016-11-04, the area's local calendar day).

      USAGE: truce at [--log <log>] [--scenario <scenario> ...] [--as-of <as-of>] [--area <area>] [--utc] [--all] [--json] <moment>

      ARGUMENTS:
        <moment>                The instant or day to ask about.

      OPTIONS:
        --log <log>             The event log to read (default: the bundled Aleppo
                                2016 history).
        --scenario <scenario>   Layer a what-if scenario file on the log (repeatable;
                                applied in order).
        --as-of <as-of>         Use only what had been announced by this moment (a
                                day means its end).
        --area <area>           Restrict the answer to an area, with the areas inside
                                and around it.
        --utc                   Show times in UTC only.
        --all                   List every item announced for later or already ended,
                                every possible conflict and every proposal, not only
                                the 10 nearest (or latest) of each.
        --json                  Write the answer as JSON.
        --version               Show the version.
        -h, --help              Show help information.


      """
    for arguments in [["help", "at"], ["at", "--help"], ["at", "-h"]] {
      let result = try TruceProcess.run(arguments)
      #expect(result.status == 0)
      #expect(result.stdout == expected, "\(arguments)")
    }
  }

  @Test("A misspelt option is a usage error with a suggestion, exit 64")
  func unknownOption() throws {
    let result = try TruceProcess.run(["at", "2016-11-04", "--jsn"])
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr == """
        Error: Unknown option '--jsn'. Did you mean '--json'?
        Usage: truce at [--log <log>] [--scenario <scenario> ...] [--as-of <as-of>] [--area <area>] [--utc] [--all] [--json] <moment>
          See 'truce at --help' for more information.

        """)
  }

  @Test(
    "Moments and areas that cannot be read are usage errors naming the problem",
    arguments: [
      (
        ["at", "2016-02-30"],
        "Error: The value '2016-02-30' is invalid for '<moment>': '2016-02-30' is not a date in the calendar"
      ),
      (
        ["at", "2016-11"],
        "Error: The value '2016-11' is invalid for '<moment>': a moment is an instant"
      ),
      (["at", "2016-10-27T23:30"], "happened twice in Asia/Damascus (clocks went back)"),
      (
        ["at", "2016-11-04", "--area", "Mordor"],
        "Error: The value 'Mordor' is invalid for '--area <area>': no such area in the log"
      ),
      (["at"], "Error: Missing expected argument '<moment>'"),
    ])
  func usageErrors(arguments: [String], message: String) throws {
    let result = try TruceProcess.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test("--version prints the version")
  func version() throws {
    let result = try TruceProcess.run(["--version"])
    #expect(result.status == 0)
    #expect(result.stdout == "0.1.0\n")
  }

  /// Every subcommand, in the order `truce --help` lists them.
  static let subcommands = [
    "at", "replay", "timeline", "log", "show", "disputes", "diff", "check", "areas", "init",
    "append", "verify", "index", "generate",
  ]

  @Test("The list of subcommands the help tests walk is the one truce --help gives")
  func subcommandListIsComplete() throws {
    let result = try TruceProcess.run(["--help"])
    let listed = result.stdout.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
    // A subcommand's name starts its row, two spaces in; wrapped summaries are indented further.
    let names = listed.split(separator: "\n").compactMap { row -> String? in
      guard row.hasPrefix("  "), !row.hasPrefix("   ") else { return nil }
      return row.split(separator: " ").first.map(String.init)
    }
    #expect(names.filter { $0 != "See" } == HelpAndUsageTests.subcommands)
  }

  @Test(
    "Every subcommand's overview and discussion read as wrapped prose, without runs of spaces",
    arguments: HelpAndUsageTests.subcommands)
  func helpProseHasNoRunsOfSpaces(subcommand: String) throws {
    let result = try TruceProcess.run([subcommand, "--help"])
    #expect(result.status == 0)
    // The prose is everything before USAGE; the option columns after it are aligned on purpose.
    let prose = result.stdout.components(separatedBy: "\nUSAGE:")[0]
    let lines = prose.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count > 1)
    for line in lines {
      #expect(!line.trimmingCharacters(in: .whitespaces).contains("  "), "\(line)")
      #expect(line.count <= 80, "\(line)")
    }
  }
}
