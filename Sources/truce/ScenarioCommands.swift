import TruceKit

/// `truce check` and `truce diff`: what a scenario does, and where it differs from the record.
enum ScenarioCommands {
  static let checkSpec = CommandSpec(
    name: "check", abstract: "Check a what-if scenario and list what it adds and leaves out.",
    arguments: [ArgumentSpec("scenario", help: "The scenario file.")],
    options: [
      .option(
        "log", help: "The base log (default: the scenario's base, else the bundled history)."),
      TruceCommand.jsonFlag,
    ])

  static let diffSpec = CommandSpec(
    name: "diff", abstract: "Show where a scenario's timeline differs from the record, and why.",
    arguments: [ArgumentSpec("scenario", help: "The scenario file.")],
    options: [
      .option(
        "log", help: "The base log (default: the scenario's base, else the bundled history)."),
      .option("from", help: "Compare from this moment."),
      .option("to", help: "Compare up to this moment."),
      .flag("utc", help: "Show times in UTC only."),
      TruceCommand.jsonFlag,
    ])

  static func check(_ parsed: ParsedCommand) -> ExitCode {
    let loaded: (EventLog, LayeredLog)
    switch load(parsed) {
    case .success(let result): loaded = result
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let (base, layered) = loaded
    let renderer = ScenarioRenderer(time: TimeFormatter(zone: zone(base)))
    StandardStreams.writeOut(
      parsed.flag("json")
        ? renderer.checkJSON(layered, base: base) : renderer.checkText(layered, base: base))
    return .success
  }

  static func diff(_ parsed: ParsedCommand) -> ExitCode {
    let loaded: (EventLog, LayeredLog)
    switch load(parsed) {
    case .success(let result): loaded = result
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let (base, layered) = loaded
    let zone = zone(base)
    var bounds: [String: Moment] = [:]
    for option in ["from", "to"] {
      switch CommandSupport.moment(parsed, option, zone: zone) {
      case .success(let moment): bounds[option] = moment
      case .failure(let error): return CommandSupport.usage(error)
      }
    }
    let from = bounds["from"].map { moment -> Instant in
      if case .day(_, let start, _) = moment { return start }
      return moment.asOfInstant
    }
    let to = bounds["to"].map { $0.asOfInstant.adding(seconds: 1) }
    if let from, let to, from >= to {
      return CommandSupport.usage(parsed.validationError("--from must be before --to."))
    }
    let differences = ScenarioDiff.differences(record: base, scenario: layered, from: from, to: to)
    let renderer = ScenarioRenderer(time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    StandardStreams.writeOut(
      parsed.flag("json")
        ? renderer.diffJSON(differences, layered: layered, base: base)
        : renderer.diffText(differences, layered: layered, base: base))
    return .success
  }

  private static func zone(_ log: EventLog) -> Zone {
    log.areas.zones.first ?? TimeFormatter.fallbackZone
  }

  /// Reads the scenario and its base, and layers one on the other.
  private static func load(_ parsed: ParsedCommand) -> Result<
    (EventLog, LayeredLog), CommandSupport.LoadFailure
  > {
    switch CommandSupport.loadLayered(parsed, scenarioPaths: [parsed.argument("scenario") ?? ""]) {
    case .success(let (base, layered?)): return .success((base, layered))
    case .success:
      return .failure(
        .scenario(ScenarioError(file: "", line: nil, path: nil, message: "no scenario")))
    case .failure(let error): return .failure(error)
    }
  }
}
