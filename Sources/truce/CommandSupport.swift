import TruceKit

/// What every command does the same way: find and read the log, report failures.
enum CommandSupport {
  /// After a command read the whole log, has `truce index` run in the background when the index
  /// beside it does not match it (and the log is one that can be indexed: as recorded, chained,
  /// whole), so that the next questions need not read it all.
  static func indexInBackgroundIfStale(_ log: EventLog, path: String, _ parsed: ParsedCommand) {
    // Whether the index is current is asked last: it checks every block of one that matches.
    guard parsed.values("scenario").isEmpty, AtIndexing.indexesInBackground,
      AtIndexing.canIndex(log), !AtIndexing.isCurrent(for: log, path: path)
    else { return }
    AtIndexing.startInBackground(logPath: path)
  }

  /// Leaves a value for the system to reclaim when the process exits, rather than freeing it
  /// piece by piece when the command returns: freeing a million events one by one took about a
  /// second, for memory the process was about to give back whole.
  static func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(KeptUntilExit(value))
  }

  /// Reads the log named by `--log`, or the bundled one, checking its tail and head; what a
  /// reader should know (a torn last line, a head that does not match) is written to standard
  /// error as a warning, and the answer comes from the complete events. With `--scenario`, the
  /// scenarios are layered on it, in order, in memory: the file is never written.
  ///
  /// The log read is left for the system to reclaim at exit (``keepUntilExit(_:)``), unless
  /// `keptUntilExit` is `false` (for a caller that hands its events over, and keeps it itself).
  /// Without scenarios, `holdingRecords` holds the events as records (``ReadOptions/holdsRecords``)
  /// for a caller that only folds them.
  static func loadLog(
    _ parsed: ParsedCommand, keptUntilExit: Bool = true, holdingRecords: Bool = false
  ) -> Result<EventLog, LoadFailure> {
    loadLayered(
      parsed, scenarioPaths: parsed.values("scenario"), keptUntilExit: keptUntilExit,
      holdingRecords: holdingRecords
    ).map { $0.layered?.log ?? $0.base }
  }

  /// The base log and the log with the `--scenario` files layered on it (the same log when there
  /// are none).
  static func loadBaseAndLayered(_ parsed: ParsedCommand, keptUntilExit: Bool = true) -> Result<
    (base: EventLog, layered: EventLog), LoadFailure
  > {
    loadLayered(
      parsed, scenarioPaths: parsed.values("scenario"), keptUntilExit: keptUntilExit
    ).map {
      ($0.base, $0.layered?.log ?? $0.base)
    }
  }

  /// Reads scenarios and their base (`--log`, else the scenarios' shared `base`, else the bundled
  /// history) and layers them on it.
  static func loadLayered(
    _ parsed: ParsedCommand, scenarioPaths: [String], keptUntilExit: Bool = true,
    holdingRecords: Bool = false
  ) -> Result<(base: EventLog, layered: LayeredLog?), LoadFailure> {
    var scenarios: [Scenario] = []
    for path in scenarioPaths {
      do { scenarios.append(try Scenario.read(path: path)) } catch {
        return .failure(.scenario(error))
      }
    }
    let path: String
    do {
      path = try Scenario.basePath(of: scenarios, log: parsed.value("log")) ?? BundledLog.locate()
    } catch {
      return .failure(.scenario(error))
    }
    let log: EventLog
    do {
      let (read, warnings) = try LogReading.read(
        path: path, holdingRecords: holdingRecords && scenarios.isEmpty)
      for warning in warnings { StandardStreams.writeError("warning: \(warning)\n") }
      log = read
      if keptUntilExit { keepUntilExit(log) }
    } catch {
      if parsed.value("log") == nil, let scenario = scenarios.first(where: { $0.base != nil }) {
        return .failure(
          .scenario(
            ScenarioError(
              file: scenario.file, line: nil, path: "base",
              message: "cannot read the base log: \(error)")))
      }
      return .failure(.log(error))
    }
    guard !scenarios.isEmpty else { return .success((log, nil)) }
    do {
      return .success(
        (log, try ScenarioLayer.apply(scenarios, to: log, headerLine: log.headerLine)))
    } catch {
      return .failure(.scenario(error))
    }
  }

  /// The titles of the scenarios named by `--scenario` (already read by ``loadLog(_:)``).
  static func scenarioTitles(_ parsed: ParsedCommand) -> [String] {
    parsed.values("scenario").compactMap { try? Scenario.read(path: $0).title }
  }

  /// The option that layers a scenario on the log.
  static let scenarioOption = OptionSpec.option(
    "scenario", help: "Layer a what-if scenario file on the log (repeatable; applied in order).",
    isRepeatable: true)

  /// Why a log could not be loaded.
  enum LoadFailure: Error, CustomStringConvertible {
    case log(LogError)
    case scenario(ScenarioError)

    var description: String {
      switch self {
      case .log(let error): return error.description
      case .scenario(let error): return error.description
      }
    }
  }

  /// Writes `Error: …` to standard error and returns the failure exit code.
  static func fail(_ message: String) -> ExitCode {
    StandardStreams.writeError("Error: \(message)\n")
    return .failure
  }

  /// Writes a usage error (with the command's usage line) and returns exit code 64.
  static func usage(_ error: UsageError) -> ExitCode {
    StandardStreams.writeError(error.rendered())
    return error.exitCode
  }

  /// The zone to read moments in: the `--area`'s, or the log's only one.
  static func zone(_ parsed: ParsedCommand, log: EventLog) -> Result<(Area?, Zone?), UsageError> {
    zone(parsed, areas: log.areas)
  }

  /// The area named by `--area` (if any), and the zone its local times are read in.
  static func zone(_ parsed: ParsedCommand, areas: AreaRegistry) -> Result<
    (Area?, Zone?), UsageError
  > {
    var area: Area?
    if let name = parsed.value("area") {
      guard let found = areas.area(named: name) else {
        let known = areas.areas.map(\.id).joined(separator: ", ")
        return .failure(
          parsed.invalidValue(
            name, forOption: "area", reason: "no such area in the log (areas: \(known))"))
      }
      area = found
    }
    let zones = areas.zones
    return .success((area, area?.zone ?? (zones.count == 1 ? zones.first : nil)))
  }

  /// Reads a moment option (`--from`, `--to`, `--as-of`) in a zone.
  static func moment(_ parsed: ParsedCommand, _ option: String, zone: Zone?) -> Result<
    Moment?, UsageError
  > {
    guard let text = parsed.value(option) else { return .success(nil) }
    do { return .success(try Moment(parsing: text, zone: zone)) } catch {
      return .failure(parsed.invalidValue(text, forOption: option, reason: error.description))
    }
  }

  /// The event filter the listing commands share: --from, --to, --as-of, --area, --type, --actor.
  static func eventFilter(_ parsed: ParsedCommand, log: EventLog) -> Result<
    (EventFilter, Zone), UsageError
  > {
    eventFilter(parsed, areas: log.areas)
  }

  /// The event filter the listing commands share, read in these areas and their zones.
  static func eventFilter(_ parsed: ParsedCommand, areas: AreaRegistry) -> Result<
    (EventFilter, Zone), UsageError
  > {
    let area: Area?
    let zone: Zone?
    switch self.zone(parsed, areas: areas) {
    case .success(let result): (area, zone) = result
    case .failure(let error): return .failure(error)
    }
    var moments: [String: Moment] = [:]
    for option in ["from", "to", "as-of"] {
      switch moment(parsed, option, zone: zone) {
      case .success(let value): if let value { moments[option] = value }
      case .failure(let error): return .failure(error)
      }
    }
    for type in parsed.values("type") where !EventFilter.knownTypePrefixes.contains(type) {
      return .failure(
        parsed.invalidValue(
          type, forOption: "type",
          reason: "not an event type (\(EventFilter.knownTypePrefixes.joined(separator: ", ")))"))
    }
    if let from = moments["from"], let to = moments["to"], from.asOfInstant > to.asOfInstant {
      return .failure(parsed.validationError("--from must not be after --to."))
    }
    let filter = EventFilter(
      from: moments["from"].map { moment in
        if case .day(_, let start, _) = moment { return start }
        return moment.asOfInstant
      },
      to: moments["to"]?.asOfInstant, asOf: moments["as-of"]?.asOfInstant, area: area,
      types: parsed.values("type"), actors: parsed.values("actor"))
    guard let displayZone = zone ?? areas.zones.first else {
      return .failure(parsed.validationError("The log declares no areas."))
    }
    return .success((filter, displayZone))
  }

  /// The options of the commands that take a selection of events.
  static let filterOptions: [OptionSpec] = [
    .option("from", help: "Only announcements possibly made at or after this moment."),
    .option("to", help: "Only announcements possibly made at or before this moment."),
    .option("as-of", help: "Use only what had been announced by this moment."),
    .option("area", help: "Only what concerns this area, inside or around it."),
    .option(
      "type", help: "Only this event type, or a family such as pause (repeatable).",
      isRepeatable: true),
    .option(
      "actor", help: "Only announcements by someone whose name contains this (repeatable).",
      isRepeatable: true),
  ]

  /// A failure already reported to the user, with the exit code to return.
  struct Reported: Error {
    let code: ExitCode
  }

  /// With `--area` (and no scenario), the log of just the lines the area's items rest on (and,
  /// with `events`, all its events), read through the index beside the log
  /// (``IndexedLogReader/log(forArea:events:)``), with the filter options; `nil` when there is
  /// no usable index or it cannot vouch for the area, and the whole log must be read. A misused
  /// filter option is reported, and throws ``Reported``.
  private static func areaLogAndFilter(_ parsed: ParsedCommand, events: Bool) throws(Reported) -> (
    EventLog, EventFilter, Zone
  )? {
    guard parsed.values("scenario").isEmpty, parsed.value("area") != nil else { return nil }
    let path = parsed.value("log") ?? BundledLog.locate()
    guard let indexed = IndexedLogReader(path: path) else { return nil }
    switch eventFilter(parsed, areas: indexed.areas) {
    case .failure(let error): throw Reported(code: usage(error))
    case .success(let (filter, zone)):
      guard let area = filter.area, let log = indexed.log(forArea: area, events: events) else {
        return nil
      }
      return (log, filter, zone)
    }
  }

  /// A log read for a question that may name an area (or, for a timeline, a span of time):
  /// through the index when `--area` is given and the index vouches for it
  /// (``areaLogAndFilter(_:events:)``, or ``timelineQuestion(_:)``), the whole log otherwise.
  struct AreaQuestion {
    let log: EventLog
    let filter: EventFilter
    let zone: Zone
    /// Whether the whole log was read for a question the index could not answer for: then the
    /// index is built in the background once answered (``indexIfReadWhole(_:_:)``).
    let readWholeForIndex: Bool
    /// For a timeline of a span read through the index, the items whose lines the log holds
    /// whole: only these are drawn (the log holds others in part).
    var items: Set<String>? = nil
    /// For a timeline read through the index, the span it is drawn over (one bound given, the
    /// other fitted from the index, ``IndexedLogReader/fittedTimelineSpan(from:to:area:asOf:)``).
    var span: Span? = nil
  }

  /// Reads the log for a question that may name an area; `index` false reads the whole log.
  static func areaQuestion(_ parsed: ParsedCommand, events: Bool, index: Bool = true)
    throws(Reported) -> AreaQuestion
  {
    if index, let (log, filter, zone) = try areaLogAndFilter(parsed, events: events) {
      return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: false)
    }
    let (log, filter, zone) = try logAndFilter(parsed)
    return AreaQuestion(
      log: log, filter: filter, zone: zone, readWholeForIndex: filter.area != nil)
  }

  /// After a question the index could have answered that read the whole log, has the index
  /// built in the background, so that the next one need not.
  static func indexIfReadWhole(_ question: AreaQuestion, _ parsed: ParsedCommand) {
    guard question.readWholeForIndex else { return }
    indexInBackgroundIfStale(
      question.log, path: parsed.value("log") ?? BundledLog.locate(), parsed)
  }

  /// Reads the log and the filter options; on failure reports it and throws ``Reported``.
  static func logAndFilter(_ parsed: ParsedCommand) throws(Reported) -> (
    EventLog, EventFilter, Zone
  ) {
    let log: EventLog
    switch loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): throw Reported(code: fail(error.description))
    }
    switch eventFilter(parsed, log: log) {
    case .success(let (filter, zone)): return (log, filter, zone)
    case .failure(let error): throw Reported(code: usage(error))
    }
  }
}

/// A value kept alive until the process exits (see ``CommandSupport/keepUntilExit(_:)``).
private final class KeptUntilExit<Value> {
  let value: Value

  init(_ value: Value) { self.value = value }
}
