import TruceKit

extension CommandSupport {
  /// Reads the log for `timeline`. With `--from`, `--to` or both (with or without an as-of
  /// moment; no scenario or comparison), only the lines the span's timeline rests on (of the
  /// area, with `--area`), through the index beside the log when it vouches for them
  /// (``IndexedLogReader/log(forTimelineFrom:to:area:asOf:)``; the span a single bound leaves
  /// open is fitted from the index, ``IndexedLogReader/fittedTimelineSpan(from:to:area:asOf:)``);
  /// otherwise as
  /// ``areaQuestion(_:events:index:)`` reads it: with `--area`, the lines of the area, through the
  /// index, or the whole log.
  static func timelineQuestion(_ parsed: ParsedCommand) throws(Reported) -> AreaQuestion {
    let bounds = ["from", "to"].filter { parsed.value($0) != nil }.count
    guard parsed.values("scenario").isEmpty, !parsed.flag("compare"), bounds >= 1 else {
      return try areaQuestion(parsed, events: true)
    }
    let path = parsed.value("log") ?? BundledLog.locate()
    if let indexed = IndexedLogReader(path: path) {
      switch eventFilter(parsed, areas: indexed.areas) {
      case .failure(let error): throw Reported(code: usage(error))
      case .success(let (filter, zone)):
        let to = filter.to.map(Timeline.end(through:))
        let window =
          if let from = filter.from, let to {
            Timeline.window(from: from, to: to)
          } else {
            indexed.fittedTimelineSpan(
              from: filter.from, to: to, area: filter.area, asOf: filter.asOf)
          }
        if let window,
          let read = indexed.log(
            forTimelineFrom: window.start, to: window.end, area: filter.area, asOf: filter.asOf)
        {
          return AreaQuestion(
            log: read.log, filter: filter, zone: zone, readWholeForIndex: false,
            items: read.items, span: window)
        }
      }
    }
    if parsed.value("area") != nil { return try areaQuestion(parsed, events: true) }
    let (log, filter, zone) = try logAndFilter(parsed)
    return AreaQuestion(log: log, filter: filter, zone: zone, readWholeForIndex: true)
  }
}
