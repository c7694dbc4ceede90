@testable import TruceKit

/// Command trees used by the command-line tests, and helpers to run them.
enum SampleCommands {
  /// The `--log` option shared by `at` and `areas`.
  static let log = OptionSpec.option(
    "log", help: "The event log to read.", defaultValue: "EventLog/aleppo-2016.jsonl")

  /// `truce at <moment>`.
  static let at = CommandSpec(
    name: "at",
    abstract: "Show every pause as it stood at a moment.",
    discussion: """
      The moment is an ISO 8601 date-time such as 2016-12-15T12:00Z. Events recorded after \
      it are ignored.
      """,
    arguments: [ArgumentSpec("moment", help: "The moment to look at.")],
    options: [
      log,
      .option("as-of", help: "Ignore events recorded after this time."),
      .option("area", help: "Only show pauses covering this area."),
      .option(
        "scenario", help: "Apply a what-if scenario; repeat to combine them.",
        isRepeatable: true),
      .flag("json", help: "Print JSON instead of a table."),
      .flag("utc", help: "Show times in UTC."),
    ])

  /// `truce areas`.
  static let areas = CommandSpec(
    name: "areas",
    abstract: "List the areas named in the log.",
    options: [log, .flag("json", help: "Print JSON instead of a table.")])

  /// The root command, `truce`, version 0.1.0.
  static let truce = CommandSpec(
    name: "truce",
    abstract: "Follow humanitarian pauses through an event log.",
    subcommands: [at, areas],
    version: "0.1.0")

  /// A leaf root without a version, with short names and required inputs.
  static let tool = CommandSpec(
    name: "tool",
    arguments: [ArgumentSpec("file", help: "The file to read.")],
    options: [
      .option("log", short: "l", help: "Where to write the log."),
      .flag("json", short: "j", help: "Print JSON."),
    ])

  /// Parses with the tests' fixed screen width of 80 columns.
  static func parse(_ arguments: [String], root: CommandSpec = truce) throws(UsageError)
    -> ParseOutcome
  {
    try CommandLineParser.parse(arguments, root: root, screenWidth: 80)
  }

  /// The stderr text of the usage error a command line raises, or `nil`.
  static func errorText(_ arguments: [String], root: CommandSpec = truce) -> String? {
    do {
      _ = try parse(arguments, root: root)
      return nil
    } catch {
      return error.rendered()
    }
  }

  /// The parsed command of a command line that should run, or `nil`.
  static func parsed(_ arguments: [String], root: CommandSpec = truce) -> ParsedCommand? {
    guard case .run(let parsed)? = try? parse(arguments, root: root) else { return nil }
    return parsed
  }
}
