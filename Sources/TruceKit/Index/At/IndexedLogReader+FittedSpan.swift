extension IndexedLogReader {
  /// The span a timeline given only its start or only its end (and no as-of moment) is drawn
  /// over, found from the index rather than from every item of the log: the window
  /// ``Timeline`` fits to the first and last instants its items' starts and ends may name
  /// (``Timeline/fitted(from:to:bounds:)``), a day before and after them. With the span, the
  /// timeline then reads only its lines (``log(forTimelineFrom:to:area:asOf:)``).
  ///
  /// - Parameters:
  ///   - from: The timeline's first instant, if given.
  ///   - to: The end of the timeline (the instant after its last), if given.
  ///   - area: The area the timeline is restricted to, if any.
  /// - Returns: `nil` when lines were appended since the index was built (their items may
  ///   reach further), when the index holds an item of an area its header does not list, or
  ///   when it is damaged: the whole log must be read.
  public func fittedTimelineSpan(from: Instant?, to: Instant?, area: Area?) -> Span? {
    guard tail.byteCount == 0 else { return nil }
    let areas = header.areas
    let related = area.map { area in areas.areas.map { areas.areRelated($0.id, area.id) } }
    var bounds: (first: Instant, last: Instant)? = nil
    for position in 0..<index.count {
      let item = index.summary(position)
      guard let kind = item.kind else { return nil }
      guard kind == .pause || kind == .corridors || kind == .offensive else { continue }
      guard Int(item.area) < areas.areas.count else { return nil }
      if let related, !related[Int(item.area)] { continue }
      guard item.reachFirst <= item.reachLast else { continue }
      let first = Instant(secondsSinceEpoch: item.reachFirst)
      let last = Instant(secondsSinceEpoch: item.reachLast)
      bounds = (min(bounds?.first ?? first, first), max(bounds?.last ?? last, last))
    }
    let fitted = Timeline.fitted(from: from, to: to, bounds: bounds)
    return Span(start: fitted.first, end: fitted.last)
  }
}
