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

      With --step in a terminal, one step at a time with the state so far: space, enter or → for \
      the next, b or ← for the one before, g to go to a date, q to quit (Ctrl-C exits with status \
      130). Piped, or with --json, every step is written as without --step.

      With --calendar, the timeline itself is walked: each start, end and change of intensity in \
      time order (placed at its earliest possible time), with when it had been announced.
      """,
    options: [TruceCommand.logOption, CommandSupport.scenarioOption] + CommandSupport.filterOptions
      + [
        .flag("utc", help: "Show times in UTC only."),
        .flag("step", help: "Step through the replay one announcement at a time, in a terminal."),
        .flag(
          "calendar",
          help:
            "Walk the timeline instead: things in the order they came into and went out of force."
        ),
        TruceCommand.jsonFlag,
      ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    // With --area, only the area's lines are read when the index beside the log vouches for
    // them: its events (each a step) and the lines its items rest on, or, walking the calendar,
    // its items' lines. Without it, a replay narrowed by time, type or announcer reads the
    // events it may show and the lines their items rest on, and a walk of the calendar over a
    // span the lines of the items it may list. Stepping in a terminal shows the whole state, and
    // reads the whole log.
    let stepping = parsed.flag("step") && !parsed.flag("json") && StepBrowserSession.canRun
    let question: CommandSupport.AreaQuestion
    do {
      if !stepping && !parsed.flag("calendar") {
        question = try CommandSupport.replayQuestion(parsed)
      } else if !stepping {
        question = try CommandSupport.calendarQuestion(parsed)
      } else {
        question = try CommandSupport.areaQuestion(
          parsed, events: !parsed.flag("calendar"), index: !stepping)
      }
    } catch { return error.code }
    defer { CommandSupport.indexIfReadWhole(question, parsed) }
    let (log, filter, zone) = (question.log, question.filter, question.zone)
    if parsed.flag("calendar") {
      if !filter.types.isEmpty || !filter.actors.isEmpty {
        return CommandSupport.usage(
          parsed.validationError(
            "--calendar walks items, not announcements: it takes no --type or --actor."))
      }
      return calendar(log, filter, zone, parsed, only: question.items)
    }
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    let renderer = ReplayRenderer(
      areas: log.areas, time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    if stepping {
      let browser = StepBrowser(steps: steps, renderer: renderer, zone: zone)
      do {
        switch try StepBrowserSession.run(browser) {
        case .quit, .closed: return .success
        case .interrupted: TerminalMode.exitInterrupted()
        }
      } catch {
        // The terminal refused key mode: write every step, as when piped.
        StandardStreams.writeError("warning: cannot step interactively: \(error)\n")
      }
    }
    if parsed.flag("json") {
      var pieces = TextPieces { StandardStreams.writeOut($0) }
      for step in steps { pieces.append(renderer.json(step) + "\n") }
      pieces.flush()
    } else if steps.isEmpty {
      StandardStreams.writeOut("No announcements match.\n")
    } else {
      // A piece at a time: a long replay's text is never held whole.
      var pieces = TextPieces { StandardStreams.writeOut($0) }
      for (index, step) in steps.enumerated() {
        pieces.append(index == 0 ? renderer.text(step) : "\n" + renderer.text(step))
      }
      pieces.flush()
    }
    return .success
  }

  /// `--calendar`: the timeline's boundaries in time order.
  /// `only`: the items to walk, when the log was read through the index for a span and holds
  /// others in part.
  private static func calendar(
    _ log: EventLog, _ filter: EventFilter, _ zone: Zone, _ parsed: ParsedCommand,
    only: Set<String>?
  ) -> ExitCode {
    let projection = Projection(log: log, knowledge: Knowledge(asOf: filter.asOf))
    let entries = CalendarReplay.entries(
      projection, filter: filter, areas: log.areas, only: only)
    let renderer = ReplayRenderer(
      areas: log.areas, time: TimeFormatter(zone: zone, utcOnly: parsed.flag("utc")))
    let count = entries.count
    var pieces = TextPieces { StandardStreams.writeOut($0) }
    for (index, entry) in entries.enumerated() {
      if parsed.flag("json") {
        pieces.append(renderer.json(entry, number: index + 1, of: count) + "\n")
      } else {
        let text = renderer.text(entry, number: index + 1, of: count)
        pieces.append(index == 0 ? text : "\n" + text)
      }
    }
    pieces.flush()
    return .success
  }
}
