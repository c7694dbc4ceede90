import TruceKit

/// `truce log`: list the events, one line each.
enum LogCommand {
  static let spec = CommandSpec(
    name: "log", abstract: "List the events, one line each, in the log's order.",
    options: [TruceCommand.logOption, CommandSupport.scenarioOption] + CommandSupport.filterOptions
      + [TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    // Without scenarios, and while the index beside the log matches it, only the lines the
    // filter may take are read; otherwise the whole log, which is then indexed in the
    // background.
    let path = parsed.value("log") ?? BundledLog.locate()
    if parsed.values("scenario").isEmpty, let indexed = IndexedLogReader(path: path) {
      switch CommandSupport.eventFilter(parsed, areas: indexed.areas) {
      case .failure(let error): return CommandSupport.usage(error)
      case .success(let (filter, _)):
        if let events = indexed.events(matching: filter) {
          return render(events, parsed, areas: indexed.areas, hypothetical: [])
        }
      }
    }
    let (log, filter, _): (EventLog, EventFilter, Zone)
    do { (log, filter, _) = try CommandSupport.logAndFilter(parsed) } catch { return error.code }
    let events = log.events.filter { filter.accepts($0, areas: log.areas) }
    let code = render(events, parsed, areas: log.areas, hypothetical: log.hypothetical)
    CommandSupport.indexInBackgroundIfStale(log, path: path, parsed)
    return code
  }

  private static func render(
    _ events: [Event], _ parsed: ParsedCommand, areas: AreaRegistry, hypothetical: Set<String>
  ) -> ExitCode {
    let renderer = EventListRenderer(areas: areas)
    if parsed.flag("json") {
      renderer.writeJSON(events, hypothetical: hypothetical) {
        StandardStreams.writeOut(bytes: $0)
      }
    } else {
      renderer.writeText(events, hypothetical: hypothetical) { StandardStreams.writeOut($0) }
    }
    return .success
  }
}
