import TruceKit

extension CommandSupport {
  /// Reads the log for `replay` (not walking the calendar, nor stepping in a terminal). Without
  /// `--area` but with `--from`, `--to`, `--as-of`, `--type` or `--actor` (and no scenario),
  /// only the lines the steps shown rest on, through the index beside the log when it vouches
  /// for them (``IndexedLogReader/log(forReplay:)``); otherwise as ``areaQuestion(_:events:index:)``
  /// reads it: with `--area`, the lines of the area, through the index, or the whole log.
  static func replayQuestion(_ parsed: ParsedCommand) throws(Reported) -> AreaQuestion {
    let narrows =
      ["from", "to", "as-of"].contains { parsed.value($0) != nil }
      || !parsed.values("type").isEmpty || !parsed.values("actor").isEmpty
    guard parsed.values("scenario").isEmpty, parsed.value("area") == nil, narrows else {
      return try areaQuestion(parsed, events: true)
    }
    let path = parsed.value("log") ?? BundledLog.locate()
    if let indexed = IndexedLogReader(path: path) {
      switch eventFilter(parsed, areas: indexed.areas) {
      case .failure(let error): throw Reported(code: usage(error))
      case .success(let (filter, zone)):
        if let log = indexed.log(forReplay: filter) {
          return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: false)
        }
      }
    }
    let (log, filter, zone) = try logAndFilter(parsed)
    return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: true)
  }

  /// Reads the log for `replay --calendar` (not stepping in a terminal). With `--from` or `--to`,
  /// and without `--area`, `--as-of`, `--type`, `--actor` or a scenario, only the lines of the
  /// items whose entries may fall within the span, through the index beside the log when it
  /// vouches for them (``IndexedLogReader/log(forCalendarFrom:to:)``); otherwise as
  /// ``areaQuestion(_:events:index:)`` reads it: with `--area`, the lines of the area, through
  /// the index, or the whole log.
  static func calendarQuestion(_ parsed: ParsedCommand) throws(Reported) -> AreaQuestion {
    guard parsed.values("scenario").isEmpty, parsed.value("area") == nil,
      parsed.value("as-of") == nil, parsed.values("type").isEmpty,
      parsed.values("actor").isEmpty, parsed.value("from") != nil || parsed.value("to") != nil
    else { return try areaQuestion(parsed, events: false) }
    let path = parsed.value("log") ?? BundledLog.locate()
    if let indexed = IndexedLogReader(path: path) {
      switch eventFilter(parsed, areas: indexed.areas) {
      case .failure(let error): throw Reported(code: usage(error))
      case .success(let (filter, zone)):
        if let read = indexed.log(forCalendarFrom: filter.from, to: filter.to) {
          return AreaQuestion(
            log: read.log, filter: filter, zone: zone, readWholeForIndex: false, items: read.items)
        }
      }
    }
    let (log, filter, zone) = try logAndFilter(parsed)
    return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: true)
  }
}
