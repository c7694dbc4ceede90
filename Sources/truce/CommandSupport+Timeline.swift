import TruceKit

extension CommandSupport {
  /// Reads the log for `timeline`: with `--area`, as ``areaQuestion(_:events:index:)`` does;
  /// with both `--from` and `--to` and no area, as-of moment, scenario or comparison, only the
  /// lines the span's timeline rests on, through the index beside the log when it vouches for
  /// them (``IndexedLogReader/log(forTimelineFrom:to:)``); the whole log otherwise.
  static func timelineQuestion(_ parsed: ParsedCommand) throws(Reported) -> AreaQuestion {
    guard parsed.value("area") == nil, parsed.value("as-of") == nil,
      parsed.values("scenario").isEmpty, !parsed.flag("compare"),
      parsed.value("from") != nil, parsed.value("to") != nil
    else { return try areaQuestion(parsed, events: true) }
    let path = parsed.value("log") ?? BundledLog.locate()
    if let indexed = IndexedLogReader(path: path) {
      switch eventFilter(parsed, areas: indexed.areas) {
      case .failure(let error): throw Reported(code: usage(error))
      case .success(let (filter, zone)):
        if let from = filter.from, let to = filter.to {
          let window = Timeline.window(from: from, to: to.adding(seconds: 1))
          if let read = indexed.log(forTimelineFrom: window.start, to: window.end) {
            return AreaQuestion(
              log: read.log, filter: filter, zone: zone, readWholeForIndex: false,
              items: read.items)
          }
        }
      }
    }
    let (log, filter, zone) = try logAndFilter(parsed)
    return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: true)
  }
}
