import TruceKit

/// `truce log`: list the events, one line each.
enum LogCommand {
  static let spec = CommandSpec(
    name: "log", abstract: "List the events, one line each, in the log's order.",
    options: [
      TruceCommand.logOption,
      .option("from", help: "Only announcements possibly made at or after this moment."),
      .option("to", help: "Only announcements possibly made at or before this moment."),
      .option("as-of", help: "Only what had been announced by this moment."),
      .option("area", help: "Only events about this area, inside or around it."),
      .option(
        "type", help: "Only this event type, or a family such as pause (repeatable).",
        isRepeatable: true),
      .option(
        "actor", help: "Only events announced by someone whose name contains this (repeatable).",
        isRepeatable: true),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let filter: EventFilter
    switch CommandSupport.eventFilter(parsed, log: log) {
    case .success(let result): filter = result.0
    case .failure(let error): return CommandSupport.usage(error)
    }
    let events = log.events.filter { filter.accepts($0, areas: log.areas) }
    let renderer = EventListRenderer(areas: log.areas)
    StandardStreams.writeOut(parsed.flag("json") ? renderer.json(events) : renderer.text(events))
    return .success
  }
}
