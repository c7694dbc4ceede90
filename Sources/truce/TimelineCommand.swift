import TruceKit

/// `truce timeline`: the record drawn across time, in the terminal or as an HTML page.
enum TimelineCommand {
  static let spec = CommandSpec(
    name: "timeline", abstract: "Draw the pauses, corridors and offensives across time.",
    discussion: """
      In the terminal, a row per pause, corridor group and offensive, fitted to the width. With \
      --html, one self-contained HTML file with an SVG timeline.
      """,
    options: [
      TruceCommand.logOption,
      CommandSupport.scenarioOption,
      .option(
        "from",
        help:
          "Start the chart at this moment (default: a day before the first start or --to, whichever is earlier)."
      ),
      .option("to", help: "End the chart at this moment (default: a day after the last boundary)."),
      .option("as-of", help: "Draw only what had been announced by this moment."),
      .option("area", help: "Only items in this area, inside it or around it."),
      .option("width", help: "The chart's width in columns (default: the terminal's)."),
      .option("html", help: "Write a self-contained HTML page with an SVG timeline to this file."),
      .flag("compare", help: "With --scenario: show the record and the scenario row by row."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    // With --area, only the area's events and the lines its items rest on are read when the
    // index beside the log vouches for them (its announcements are drawn as markers); with
    // --from and --to (or one of them without --as-of), only the lines of the span's items and
    // announcements;
    // --compare reads the whole log with its scenario.
    let question: CommandSupport.AreaQuestion
    do {
      question = try CommandSupport.timelineQuestion(parsed)
    } catch { return error.code }
    defer { CommandSupport.indexIfReadWhole(question, parsed) }
    let (log, filter, zone) = (question.log, question.filter, question.zone)
    var width = StandardStreams.terminalWidth
    if let text = parsed.value("width") {
      guard let value = Int(text), value >= 40 else {
        return CommandSupport.usage(
          parsed.invalidValue(text, forOption: "width", reason: "at least 40 columns"))
      }
      width = value
    }
    let projection = Projection(log: log, knowledge: Knowledge(asOf: filter.asOf))
    // (A span read through the index is the one the whole log's timeline would fit.)
    let from = question.span?.start ?? filter.from
    let to = question.span?.end ?? filter.to.map(Timeline.end(through:))
    let timeline: Timeline
    if parsed.flag("compare") {
      guard !parsed.values("scenario").isEmpty else {
        return CommandSupport.usage(
          parsed.validationError("--compare needs a --scenario to compare with."))
      }
      guard case .success(let loaded) = CommandSupport.loadBaseAndLayered(parsed) else {
        return .failure
      }
      timeline = Timeline.comparing(
        record: Projection(log: loaded.base, knowledge: Knowledge(asOf: filter.asOf)),
        scenario: projection,
        from: from, to: to, area: filter.area, areas: log.areas)
    } else {
      timeline = Timeline(
        projection: projection, from: from, to: to, area: filter.area, areas: log.areas,
        only: question.items)
    }
    if let file = parsed.value("html") {
      return writeHTML(timeline, log: log, zone: zone, to: file)
    }
    if parsed.flag("json") {
      StandardStreams.writeOut(TimelineJSON.value(timeline).serialized(pretty: true) + "\n")
    } else {
      StandardStreams.writeOut(TimelineChart(width: width, zone: zone).render(timeline))
    }
    return .success
  }

  private static func writeHTML(_ timeline: Timeline, log: EventLog, zone: Zone, to file: String)
    -> ExitCode
  {
    let title = log.header.title ?? log.file
    let page = TimelineHTML(timeline: timeline, areas: log.areas, zone: zone, title: title)
    do {
      try page.write(toFile: file)
    } catch {
      return CommandSupport.fail("cannot write \(file): \(error.description)")
    }
    let count = timeline.rows.count
    StandardStreams.writeOut("Wrote \(file) (\(count) row\(count == 1 ? "" : "s")).\n")
    return .success
  }
}
