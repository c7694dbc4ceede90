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
    let id = parsed.argument("id") ?? ""
    let path = parsed.value("log") ?? BundledLog.locate()
    // Through the index beside the log when it holds every line the event's links need, or
    // can tell that no event has the id.
    if let indexed = IndexedLogReader(path: path) {
      if let log = indexed.log(showing: id) { return show(id, in: log, parsed) }
      if let similar = indexed.similarEventIDs(toUnknown: id, limit: 5) {
        return unknown(id, similar: similar, parsed)
      }
    }
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let code = show(id, in: log, parsed)
    if code == .success { CommandSupport.indexInBackgroundIfStale(log, path: path, parsed) }
    return code
  }

  /// Writes the event with this id and its links, from a log that holds every line they need.
  private static func show(_ id: String, in log: EventLog, _ parsed: ParsedCommand) -> ExitCode {
    guard let event = log.events.first(where: { $0.id == id }) else {
      let similar = log.events.map(\.id).filter { $0.hasPrefix(String(id.prefix(4))) }.prefix(5)
      return unknown(id, similar: Array(similar), parsed)
    }
    guard let zone = log.areas[event.area]?.zone ?? log.areas.zones.first else {
      return CommandSupport.fail("the log declares no areas")
    }
    let renderer = EventDetailRenderer(
      log: log, time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    StandardStreams.writeOut(parsed.flag("json") ? renderer.json(event) : renderer.text(event))
    return .success
  }

  /// The usage error for an id no event has, naming those that begin alike.
  private static func unknown(_ id: String, similar: [String], _ parsed: ParsedCommand)
    -> ExitCode
  {
    let hint =
      similar.isEmpty
      ? "see 'truce log' for the ids" : "similar ids: " + similar.joined(separator: ", ")
    return CommandSupport.usage(
      parsed.invalidValue(id, forArgument: "id", reason: "no event has this id (\(hint))"))
  }
}
