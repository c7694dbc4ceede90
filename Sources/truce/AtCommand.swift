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
          "List every item announced for later or already ended, every possible conflict and every proposal, not only the \(AtQuery.defaultContextLimit) nearest (or latest) of each."
      ),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    // Without scenarios, and only when the index matches the log (and what was appended since
    // was checked on append), the answer comes from the index beside the log; otherwise from
    // the whole log, and `truce index` then runs in the background.
    let path = parsed.value("log") ?? BundledLog.locate()
    if parsed.values("scenario").isEmpty, let indexed = IndexedLogReader(path: path) {
      switch question(parsed, areas: indexed.areas) {
      case .failure(let error): return error.report()
      case .success(let query):
        if let answer = indexed.answer(query) {
          CommandSupport.keepUntilExit(answer)
          // Unmapping the index and closing the log are left to the exit too.
          CommandSupport.keepUntilExit(indexed)
          let code = write(answer, parsed, logFile: indexed.file, areas: indexed.areas)
          // Lines appended since the index was built are read with every answer: past a few,
          // index the log again.
          if indexed.wantsRebuild { AtIndexing.startInBackground(logPath: path) }
          return code
        }
      }
    }
    var log: EventLog
    // Folded only, and a few events shown: the events are held as records, and those shown read
    // again from their lines.
    switch CommandSupport.loadLog(parsed, keptUntilExit: false, holdingRecords: true) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let query: AtQuery
    switch question(parsed, areas: log.areas) {
    case .success(let asked): query = asked
    case .failure(let error): return error.report()
    }
    // The answer folds the log's own events (the log keeps its other fields).
    let answer = query.answer(consuming: &log)
    CommandSupport.keepUntilExit(answer)
    CommandSupport.keepUntilExit(log)
    let code = write(answer, parsed, logFile: log.file, areas: log.areas)
    // The next questions need not read the whole log: index it, without keeping this answer
    // waiting.
    CommandSupport.indexInBackgroundIfStale(log, path: path, parsed)
    return code
  }

  /// The question the arguments ask, read in the log's areas and zones.
  private static func question(_ parsed: ParsedCommand, areas: AreaRegistry) -> Result<
    AtQuery, QuestionError
  > {
    let area: Area?
    let zone: Zone?
    switch CommandSupport.zone(parsed, areas: areas) {
    case .success(let result): (area, zone) = result
    case .failure(let error): return .failure(.usage(error))
    }
    let momentText = parsed.argument("moment") ?? ""
    let moment: Moment
    do { moment = try Moment(parsing: momentText, zone: zone) } catch {
      return .failure(
        .usage(parsed.invalidValue(momentText, forArgument: "moment", reason: error.description)))
    }
    let asOf: Moment?
    switch CommandSupport.moment(parsed, "as-of", zone: zone) {
    case .success(let value): asOf = value
    case .failure(let error): return .failure(.usage(error))
    }
    guard let displayZone = zone ?? areas.zones.first else { return .failure(.noAreas) }
    var query = AtQuery(moment: moment, asOf: asOf, area: area, zone: displayZone)
    if parsed.flag("all") { query.contextLimit = nil }
    return .success(query)
  }

  /// Why the arguments ask no question of this log.
  private enum QuestionError: Error {
    case usage(UsageError)
    case noAreas

    func report() -> ExitCode {
      switch self {
      case .usage(let error): return CommandSupport.usage(error)
      case .noAreas: return CommandSupport.fail("the log declares no areas")
      }
    }
  }

  /// Renders the answer and writes it, unless an event it shows could not be read again from the
  /// log (``Projection/rereadFailure``): then nothing is written but the error.
  private static func write(
    _ answer: AtAnswer, _ parsed: ParsedCommand, logFile: String, areas: AreaRegistry
  ) -> ExitCode {
    let output: [UInt8]
    if parsed.flag("json") {
      output = AtJSONRenderer(logFile: logFile).renderedBytes(answer)
    } else {
      var renderer = AtTextRenderer(logFile: logFile, areas: areas, utcOnly: parsed.flag("utc"))
      renderer.scenarios = CommandSupport.scenarioTitles(parsed)
      output = Array(renderer.render(answer).utf8)
    }
    if let failure = answer.projection.rereadFailure {
      return CommandSupport.fail(failure.description)
    }
    StandardStreams.writeOut(bytes: output)
    return .success
  }
}
