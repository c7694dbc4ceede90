import TruceKit

/// The root command: its help lists every subcommand.
enum TruceCommand {
  static let spec = CommandSpec(
    name: "truce",
    abstract: "Answer what was in force, and who said so, from a log of announced pauses, "
      + "ceasefires, corridors and offensives.",
    discussion: "Without --log, commands read the bundled Aleppo 2016 history "
      + "(EventLog/aleppo-2016.jsonl; see the README for how it is found).",
    subcommands: [
      AtCommand.spec, ReplayCommand.spec, TimelineCommand.spec, LogCommand.spec, ShowCommand.spec,
      DisputesCommand.spec, ScenarioCommands.diffSpec, ScenarioCommands.checkSpec,
      AreasCommand.spec, InitCommand.spec,
      AppendCommand.spec,
      VerifyCommand.spec,
      IndexCommand.spec,
      GenerateCommand.spec,
    ],
    version: truceVersion)

  /// The options every command that reads a log shares.
  static let logOption = OptionSpec.option(
    "log", help: "The event log to read (default: the bundled Aleppo 2016 history).")
  static let jsonFlag = OptionSpec.flag("json", help: "Write the answer as JSON.")
}
