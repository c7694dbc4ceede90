import TruceKit

/// `truce replay`: walk the log in announcement order, one announcement at a time.
enum ReplayCommand {
  static let spec = CommandSpec(
    name: "replay",
    abstract: "Replay the log in announcement order, saying what each announcement changed.",
    discussion: """
      An announcement known only to a day (week, month, range) is placed at the start of that \
      period; one known only as "on or before" a date at that date; an undated one at when its \
      source reported it. Ties keep the more precise first, then the log's order; each step says \
      how it was placed.
      """,
    options: [
      TruceCommand.logOption,
      .option("from", help: "Show only announcements possibly made at or after this moment."),
      .option("to", help: "Show only announcements possibly made at or before this moment."),
      .option("as-of", help: "Use only what had been announced by this moment."),
      .option("area", help: "Show only announcements about this area, inside or around it."),
      .option(
        "type", help: "Show only this event type, or a family such as pause (repeatable).",
        isRepeatable: true),
      .option(
        "actor", help: "Show only announcements by someone whose name contains this (repeatable).",
        isRepeatable: true),
      .flag("utc", help: "Show times in UTC only."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let filter: EventFilter
    let zone: Zone
    switch CommandSupport.eventFilter(parsed, log: log) {
    case .success(let result): (filter, zone) = result
    case .failure(let error): return CommandSupport.usage(error)
    }
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    let renderer = ReplayRenderer(
      areas: log.areas, time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    if parsed.flag("json") {
      for step in steps { StandardStreams.writeOut(renderer.json(step) + "\n") }
    } else {
      StandardStreams.writeOut(steps.map(renderer.text).joined(separator: "\n"))
    }
    return .success
  }
}
