import TruceKit

/// `truce show <id>`: one event in full, and everything linked to it.
enum ShowCommand {
  static let spec = CommandSpec(
    name: "show", abstract: "Show one event in full, with the events linked to it.",
    arguments: [ArgumentSpec("id", help: "The event's id.")],
    options: [
      TruceCommand.logOption, .flag("utc", help: "Show times in UTC only."), TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let id = parsed.argument("id") ?? ""
    guard let event = log.events.first(where: { $0.id == id }) else {
      let near = log.events.map(\.id).filter { $0.hasPrefix(String(id.prefix(4))) }.prefix(5)
      let hint =
        near.isEmpty
        ? "see 'truce log' for the ids" : "similar ids: " + near.joined(separator: ", ")
      return CommandSupport.usage(
        parsed.invalidValue(id, forArgument: "id", reason: "no event has this id (\(hint))"))
    }
    guard let zone = log.areas[event.area]?.zone ?? log.areas.zones.first else {
      return CommandSupport.fail("the log declares no areas")
    }
    let renderer = EventDetailRenderer(
      log: log, time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    StandardStreams.writeOut(parsed.flag("json") ? renderer.json(event) : renderer.text(event))
    return .success
  }
}
