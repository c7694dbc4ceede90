import TruceKit

/// `truce log`: list the events, one line each.
enum LogCommand {
  static let spec = CommandSpec(
    name: "log", abstract: "List the events, one line each, in the log's order.",
    options: [TruceCommand.logOption, CommandSupport.scenarioOption] + CommandSupport.filterOptions
      + [TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let (log, filter, _): (EventLog, EventFilter, Zone)
    do { (log, filter, _) = try CommandSupport.logAndFilter(parsed) } catch { return error.code }
    let events = log.events.filter { filter.accepts($0, areas: log.areas) }
    let renderer = EventListRenderer(areas: log.areas)
    StandardStreams.writeOut(
      parsed.flag("json")
        ? renderer.json(events, hypothetical: log.hypothetical)
        : renderer.text(events, hypothetical: log.hypothetical))
    return .success
  }
}
