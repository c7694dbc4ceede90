extension IndexedLogReader {
  /// The span a timeline given only its start or only its end is drawn over, found from the
  /// index rather than from every item of the log: the window ``Timeline`` fits to the first
  /// and last instants its items' starts and ends may name
  /// (``Timeline/fitted(from:to:bounds:)``), a day before and after them. With the span, the
  /// timeline then reads only its lines (``log(forTimelineFrom:to:area:asOf:)``).
  ///
  /// Each item's record keeps those two instants as the whole log has them. With an as-of
  /// moment, what had been announced of each item by then decides (``AnnouncedSpan``): an item
  /// none of whose events had possibly been announced is not drawn; one whose events all had
  /// been (certainly or possibly, with its retractions certainly) is drawn as without one; the
  /// others (and the names the whole log does not list, which may be listed then) are read,
  /// whole, and folded as of that moment, and reach as they do then.
  ///
  /// - Parameters:
  ///   - from: The timeline's first instant, if given.
  ///   - to: The end of the timeline (the instant after its last), if given.
  ///   - area: The area the timeline is restricted to, if any.
  ///   - asOf: The moment of knowledge (``Knowledge/asOf``), if any.
  /// - Returns: `nil` when lines were appended since the index was built (their items may
  ///   reach further), when the index holds an item of an area its header does not list, when
  ///   an item known only in part does not fold alone or its lines would be too many, or when
  ///   the index is damaged: the whole log must be read.
  public func fittedTimelineSpan(from: Instant?, to: Instant?, area: Area?, asOf: Instant? = nil)
    -> Span?
  {
    guard tail.byteCount == 0 else { return nil }
    let areas = header.areas
    let related = area.map { area in areas.areas.map { areas.areRelated($0.id, area.id) } }
    var bounds: (first: Instant, last: Instant)? = nil
    func take(_ first: Instant, _ last: Instant) {
      bounds = (min(bounds?.first ?? first, first), max(bounds?.last ?? last, last))
    }
    var partlyKnown: [Int] = []
    for position in 0..<index.count {
      let item = index.summary(position)
      guard let kind = item.kind else { return nil }
      let drawable = kind == .pause || kind == .corridors || kind == .offensive
      guard drawable || (kind == .unlisted && asOf != nil) else { continue }
      switch asOf.map({ item.announced.knowledge(asOf: $0.secondsSinceEpoch) }) ?? .known {
      case .unknown: continue
      case .partly:
        partlyKnown.append(position)
        continue
      case .known, .possibly: guard drawable else { continue }
      }
      guard Int(item.area) < areas.areas.count else { return nil }
      if let related, !related[Int(item.area)] { continue }
      guard item.reachFirst <= item.reachLast else { continue }
      take(
        Instant(secondsSinceEpoch: item.reachFirst), Instant(secondsSinceEpoch: item.reachLast))
    }
    if let asOf, !partlyKnown.isEmpty {
      let reach: (first: Instant, last: Instant)?
      do { reach = try partlyKnownReach(partlyKnown, asOf: asOf, area: area) } catch {
        return nil
      }
      if let reach { take(reach.first, reach.last) }
    }
    let fitted = Timeline.fitted(from: from, to: to, bounds: bounds)
    return vouched(Span(start: fitted.first, end: fitted.last))
  }

  /// The first and last instants the items at these positions may reach as of `asOf`, drawn
  /// in `area` as the whole log draws them then: their lines, read whole, folded as of that
  /// moment; `nil` when none of them reaches any.
  ///
  /// - Throws: ``IndexMismatch`` when one does not fold alone, their lines would be too many
  ///   (``windowLineShare``), or the index is damaged.
  private func partlyKnownReach(_ positions: [Int], asOf: Instant, area: Area?)
    throws(IndexMismatch) -> (first: Instant, last: Instant)?
  {
    var selection = IndexSelection(index: index, lines: [])
    for position in positions {
      guard try selection.include(position) else {
        throw IndexMismatch(reason: "an item known in part does not fold alone")
      }
    }
    guard try selection.includeCorridorGroups() else {
      throw IndexMismatch(reason: "a corridor group does not fold alone")
    }
    let lines = LogSubset.inLogOrder(selection.lines)
    guard lines.count <= lineLimit(share: IndexedLogReader.windowLineShare) else {
      throw IndexMismatch(reason: "too many lines")
    }
    let log = try LogSubset.log(file: file, header: header, lines: lines, reader: reader)
    // The timeline's own items and bounds, for the items read whole.
    return Timeline.bounds(
      of: Timeline.items(
        of: Projection(log: log, knowledge: Knowledge(asOf: asOf)), area: area,
        areas: header.areas, only: selection.names))
  }
}
