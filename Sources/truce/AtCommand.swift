import TruceKit

/// `truce at <moment>`: what was in force at a moment, and who said so.
enum AtCommand {
  static let spec = CommandSpec(
    name: "at", abstract: "Show what was in force at a moment, and who said so.",
    discussion: """
      A moment is an instant (2016-11-04T12:00 in the area's local time, or with Z or an \
      offset such as +02:00) or a day (2016-11-04, the area's local calendar day).
      """,
    arguments: [ArgumentSpec("moment", help: "The instant or day to ask about.")],
    options: [
      TruceCommand.logOption,
      CommandSupport.scenarioOption,
      .option(
        "as-of", help: "Use only what had been announced by this moment (a day means its end)."),
      .option("area", help: "Restrict the answer to an area, with the areas inside and around it."),
      .flag("utc", help: "Show times in UTC only."),
      .flag(
        "all",
        help:
          "List every item announced for later or already ended, and every possible conflict, not only the \(AtQuery.defaultContextLimit) nearest of each."
      ),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let area: Area?
    let zone: Zone?
    switch CommandSupport.zone(parsed, log: log) {
    case .success(let result): (area, zone) = result
    case .failure(let error): return CommandSupport.usage(error)
    }
    let momentText = parsed.argument("moment") ?? ""
    let moment: Moment
    do { moment = try Moment(parsing: momentText, zone: zone) } catch {
      return CommandSupport.usage(
        parsed.invalidValue(momentText, forArgument: "moment", reason: error.description))
    }
    let asOf: Moment?
    switch CommandSupport.moment(parsed, "as-of", zone: zone) {
    case .success(let value): asOf = value
    case .failure(let error): return CommandSupport.usage(error)
    }
    guard let displayZone = zone ?? log.areas.zones.first else {
      return CommandSupport.fail("the log declares no areas")
    }
    var query = AtQuery(moment: moment, asOf: asOf, area: area, zone: displayZone)
    if parsed.flag("all") { query.contextLimit = nil }
    let answer = query.answer(from: log)
    if parsed.flag("json") {
      StandardStreams.writeOut(AtJSONRenderer(logFile: log.file).render(answer))
    } else {
      var renderer = AtTextRenderer(
        logFile: log.file, areas: log.areas, utcOnly: parsed.flag("utc"))
      renderer.scenarios = CommandSupport.scenarioTitles(parsed)
      StandardStreams.writeOut(renderer.render(answer))
    }
    return .success
  }
}
