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
      .option(
        "as-of", help: "Use only what had been announced by this moment (a day means its end)."),
      .option("area", help: "Restrict the answer to an area, with the areas inside and around it."),
      .flag("utc", help: "Show times in UTC only."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    var area: Area?
    if let name = parsed.value("area") {
      guard let found = log.areas.area(named: name) else {
        let known = log.areas.areas.map(\.id).joined(separator: ", ")
        return CommandSupport.usage(
          parsed.invalidValue(
            name, forOption: "area", reason: "no such area in the log (areas: \(known))"))
      }
      area = found
    }
    let zones = log.areas.zones
    let zone = area?.zone ?? (zones.count == 1 ? zones.first : nil)
    let momentText = parsed.argument("moment") ?? ""
    let moment: Moment
    do { moment = try Moment(parsing: momentText, zone: zone) } catch {
      return CommandSupport.usage(
        parsed.invalidValue(momentText, forArgument: "moment", reason: error.description))
    }
    var asOf: Moment?
    if let asOfText = parsed.value("as-of") {
      do { asOf = try Moment(parsing: asOfText, zone: zone) } catch {
        return CommandSupport.usage(
          parsed.invalidValue(asOfText, forOption: "as-of", reason: error.description))
      }
    }
    guard let displayZone = zone ?? zones.first else {
      return CommandSupport.fail("the log declares no areas")
    }
    let answer = AtQuery(moment: moment, asOf: asOf, area: area, zone: displayZone).answer(
      from: log)
    if parsed.flag("json") {
      StandardStreams.writeOut(AtJSONRenderer(logFile: log.file).render(answer))
    } else {
      let renderer = AtTextRenderer(
        logFile: log.file, areas: log.areas, utcOnly: parsed.flag("utc"))
      StandardStreams.writeOut(renderer.render(answer))
    }
    return .success
  }
}
