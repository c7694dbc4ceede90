extension IndexedLogReader {
  /// The most lines a question about a span of time reads through the index, as a share of the
  /// log's events (with at least ``windowLineFloor``): past it, reading lines one by one costs
  /// more than reading the whole log.
  static let windowLineShare = 0.3
  /// The lines a question about a span of time may always read through the index.
  static let windowLineFloor = 50_000

  /// The most lines a question reads through the index: this share of the log's events, and
  /// at least ``windowLineFloor``.
  func lineLimit(share: Double) -> Int {
    max(IndexedLogReader.windowLineFloor, Int(Double(index.header.eventCount) * share))
  }

  /// The most lines a question may take before they are read, for a limit of `limit` read:
  /// items share lines, so the lines taken are counted once only when they are read; until
  /// then, twice the limit gives up early.
  static func takenLimit(_ limit: Int) -> Int {
    limit.multipliedReportingOverflow(by: 2).overflow ? Int.max : limit * 2
  }

  /// A log of only the lines a timeline over a span of time rests on, and the items it holds
  /// whole, which draw that span as the whole log does
  /// (``Timeline/init(projection:from:to:area:areas:only:)`` with those items and the same
  /// area): what `timeline --from … --to …` reads instead of the whole log.
  ///
  /// It holds the lines of every pause, corridor group and offensive that may be drawn within the
  /// span (by when the index says each may be in force; with `area`, those of the area and the
  /// areas inside and around it), every event a timeline marks within it (where the index says
  /// errata place it) with its errata and retractions and the event it corrects, the lines of
  /// every item among whose lines one of those events is (with `area`, every such item of those
  /// areas), the corridor groups that share a line with a pause taken, and the lines appended
  /// since the index was built (``TailOverlay``). An item is taken whole, so that it folds as in
  /// the whole log, or the whole log is read. The lines of an item taken may hold part of
  /// another (a report of another pause that a statement about it disputes): the timeline draws
  /// only the items taken whole.
  ///
  /// With an as-of moment (`timeline --as-of`), what each item's lines had been announced by
  /// then decides first, as for `at --as-of` (``AnnouncedSpan``): an item none of whose events
  /// had possibly been announced is not taken; one whose events all had been (certainly or
  /// possibly, with its retractions certainly) is taken as without one, by when it may be in
  /// force; any other is taken whatever its times (an end not yet announced leaves it open), and
  /// so is a name the whole log does not list (a pause whose declaration is retracted) when only
  /// partly known; with `area`, an item whose events lie in several areas, or an unlisted name,
  /// is taken when only partly known whatever the area the index gives it. The events
  /// marked in the span are taken as without one: the fold leaves out those not yet announced.
  ///
  /// - Parameters:
  ///   - from: The span's first instant, as ``Timeline`` takes it.
  ///   - to: The end of the span, as ``Timeline`` takes it (the instant after its last).
  ///   - area: The area the timeline is restricted to, if any.
  ///   - asOf: The moment of knowledge (``Knowledge/asOf``), if any.
  /// - Returns: `nil` when the index cannot vouch for it or the lines would be too many (more
  ///   than three in ten of the log's, and more than 50,000), and the whole log must be read:
  ///   an item whose lines alone were not found to fold as the whole log does, an announcement in
  ///   the span about a name the index holds but whose lines were not read, appended lines the
  ///   overlay does not take, or an index that does not match the log.
  public func log(
    forTimelineFrom from: Instant, to: Instant, area: Area? = nil, asOf: Instant? = nil
  ) -> WindowLog? {
    vouched(
      log(
        forTimelineFrom: from, to: to, area: area, asOf: asOf,
        lineLimit: lineLimit(share: IndexedLogReader.windowLineShare)))
  }

  /// ``log(forTimelineFrom:to:area:asOf:)`` reading at most `lineLimit` lines.
  func log(
    forTimelineFrom from: Instant, to: Instant, area: Area? = nil, asOf: Instant? = nil,
    lineLimit: Int
  ) -> WindowLog? {
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    let areas = header.areas
    let related = area.map { area in areas.areas.map { areas.areRelated($0.id, area.id) } }
    return
      (try? windowLog(
        from: from, to: to, related: related, asOf: asOf?.secondsSinceEpoch, overlay: overlay,
        limit: lineLimit)) ?? nil
  }

  /// - Parameters:
  ///   - related: For a timeline of an area, whether each of the header's areas (in order) is
  ///     related to it; `nil` for all areas.
  ///   - asOf: The moment of knowledge, in seconds since the epoch, if any.
  private func windowLog(
    from: Instant, to: Instant, related: [Bool]?, asOf: Int64?, overlay: TailOverlay, limit: Int
  ) throws(IndexMismatch) -> WindowLog? {
    // Whether an item of this area (a position among the header's areas) may be drawn; one of
    // an area the header does not declare is taken, for its fold to decide.
    func isDrawn(area: UInt16) -> Bool {
      guard let related, Int(area) < related.count else { return true }
      return related[Int(area)]
    }
    let first = from.secondsSinceEpoch
    let last = to.secondsSinceEpoch
    let takenLimit = IndexedLogReader.takenLimit(limit)
    var selection = IndexSelection(index: index, overlay: overlay)
    guard try selection.includeTouched(by: overlay) else { return nil }
    // The items that may be drawn: every stretch of an item lies within its earliest possible
    // start and the second after its latest possible end (``Timeline/segments(start:end:from:to:)``),
    // and an unbounded one reaches the span's edge.
    for position in 0..<index.count {
      let item = index.summary(position)
      guard let kind = item.kind else { throw IndexMismatch(reason: "the index is damaged") }
      // A name the whole log does not list (a pause whose declaration is retracted) may be
      // listed as of a moment before the retraction was announced.
      let unlisted = kind == .unlisted
      guard kind == .pause || kind == .corridors || kind == .offensive || (unlisted && asOf != nil)
      else { continue }
      let knowledge = asOf.map { item.announced.knowledge(asOf: $0) } ?? .known
      // An item whose own events lie in several areas takes the area of the first known by
      // then, and an unlisted name has only the area of its first line (which may be another
      // item's, or as written before an erratum moved it): when only part of their events is
      // known, they may belong to the area drawn.
      guard
        isDrawn(area: item.area) || ((item.areaVaries || unlisted) && knowledge == .partly)
      else { continue }
      let startsInTime = item.low == Int64.min || item.low <= last
      let endsInTime = item.high == Int64.max || item.high >= first.subtractingSaturated(1)
      let taken =
        switch knowledge {
        case .known, .possibly: !unlisted && startsInTime && endsInTime
        case .unknown: false
        case .partly: true
        }
      if taken && !selection.included.contains(position) {
        guard try selection.include(position) else { return nil }
        guard selection.lines.count <= takenLimit else { return nil }
      }
    }
    // The events a timeline marks within the span (where errata place them), with their
    // corrections.
    let announced = try selection.includeEvents { _, record throws(IndexMismatch) in
      record.placed >= first && record.placed < last
    }
    guard selection.lines.count <= takenLimit else { return nil }
    // Every item among whose lines one of those events is: what the events change, folded
    // whole.
    guard
      try selection.includeItems(
        holding: announced, limit: takenLimit,
        where: { isDrawn(area: index.summary($0).area) })
    else { return nil }
    guard try selection.includeCorridorGroups() else { return nil }
    // An announcement within the span is drawn when it is about an item drawn from these lines:
    // every name such an announcement is about must be one the index does not hold, one whose
    // lines were taken, or (with an area) one of an item elsewhere. Most are among the lines of
    // the item they are about, taken above; a violation report is among no item's lines, so its
    // pause or offensive is found here, by name.
    for _ in 0..<3 {
      let lines = LogSubset.inLogOrder(selection.lines)
      guard lines.count <= limit else { return nil }
      let log = try LogSubset.log(file: file, header: header, lines: lines, reader: reader)
      var missing = Set<String>()
      for event in log.effectiveEvents {
        guard let subject = event.subject, !selection.names.contains(subject) else { continue }
        let instant = AnnouncementOrder.placement(of: event).instant
        if instant >= from && instant < to { missing.insert(subject) }
      }
      guard !missing.isEmpty else { return WindowLog(log: log, items: selection.names) }
      var grew = false
      for positions in index.positions(named: missing).values {
        for position in positions
        where !selection.included.contains(position) && isDrawn(area: index.summary(position).area)
        {
          guard try selection.include(position) else { return nil }
          grew = true
        }
      }
      guard grew else { return WindowLog(log: log, items: selection.names) }
      guard try selection.includeCorridorGroups() else { return nil }
    }
    return nil
  }
}

extension Int64 {
  /// `self - amount`, or `Int64.min` when that would overflow.
  fileprivate func subtractingSaturated(_ amount: Int64) -> Int64 {
    let (result, overflow) = subtractingReportingOverflow(amount)
    return overflow ? Int64.min : result
  }
}
