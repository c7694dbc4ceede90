/// Which items an answer drawn from the index reads, and which it only counts: the items whose
/// time in force cannot reach the moment are counted as not yet or no longer in force (and the
/// nearest of them read), proposals announced after the cut-off are left out (and the latest of
/// the others read), and every other item of the areas asked about is read.
///
/// The time orders (``AtIndexLayout/TimeOrders``) let it look only near the moment: the items
/// not yet in force are those past a point in the order by earliest start, those no longer in
/// force those before a point in the order by latest end, and the rest lie within the orders'
/// span before the moment. Items out of order (unbounded, ending before they start, or long)
/// are passed one by one, as are those the lines appended since touch. It must select exactly
/// what passing every item would; the tests compare the two on generated indexes.
///
/// With an as-of moment, every item is passed, and what its lines' announcements
/// (``AnnouncedSpan``) say was known by then decides first: an item only partly known is read,
/// one not yet known at all left out.
struct AtIndexSelection {
  /// The moment's first and last second, the cut-off for announcements, and the as-of moment.
  struct Bounds {
    var lower: Int64
    var upper: Int64
    var cutoff: Int64
    /// The moment of knowledge (``Knowledge/asOf``), in seconds since the epoch; `nil` when
    /// everything the log holds is known.
    var asOf: Int64? = nil
  }

  /// The positions of the items to read and classify, ascending.
  private(set) var read: [Int] = []
  private(set) var notYet: NearestItems
  private(set) var noLonger: NearestItems
  private(set) var proposals: NearestItems

  private let index: AtIndex
  private let bounds: Bounds
  /// Whether each of the header's areas is asked about.
  private let related: [Bool]
  private let everyArea: Bool
  /// Items the appended lines touch: read whatever the index says of them.
  private let touched: Set<Int>

  /// Selects from an index.
  ///
  /// - Parameters:
  ///   - index: The index.
  ///   - bounds: The moment's bounds.
  ///   - related: Whether each of the header's areas is asked about.
  ///   - touched: The positions of the items the appended lines touch.
  ///   - limit: How many of the nearest items not in force, and of the latest proposals, to read.
  /// - Throws: ``IndexMismatch`` when an entry met names no area or kind the index knows.
  init(
    from index: AtIndex, bounds: Bounds, related: [Bool], touched: Set<Int>, limit: Int
  ) throws(IndexMismatch) {
    self.index = index
    self.bounds = bounds
    self.related = related
    everyArea = !related.contains(false)
    self.touched = touched
    notYet = NearestItems(limit: limit, soonestFirst: true)
    noLonger = NearestItems(limit: limit, soonestFirst: false)
    proposals = NearestItems(limit: limit, soonestFirst: false)
    for position in touched.sorted() where position < index.count {
      let item = index.summary(position)
      guard Int(item.area) < related.count, item.kind != nil else { throw damaged }
      read.append(position)
    }
    if let asOf = bounds.asOf {
      try selectKnown(asOf: asOf)
    } else {
      try selectOthers()
      try selectShortItems()
      try selectShortProposals()
    }
    read.sort()
  }

  /// The positions to read: the items selected, then the nearest not yet and no longer in
  /// force, then the latest proposals.
  var positions: [Int] { read + notYet.kept + noLonger.kept + proposals.kept }

  private var damaged: IndexMismatch { IndexMismatch(reason: "the index is damaged") }

  /// Whether an entry counts for the question: of an area asked about, and not touched by the
  /// appended lines (those are read already).
  ///
  /// - Throws: ``IndexMismatch`` for an entry naming no item, area or kind the index holds (a
  ///   damaged index, which must not lead a read outside the item records).
  @inline(__always)
  private func counts(_ entry: AtIndexLayout.OrderEntry) throws(IndexMismatch) -> Bool {
    guard Int(entry.position) < index.count, Int(entry.area) < related.count, entry.kind != nil
    else { throw damaged }
    return related[Int(entry.area)] && (touched.isEmpty || !touched.contains(Int(entry.position)))
  }

  /// The items out of order, each tested as every item once was.
  private mutating func selectOthers() throws(IndexMismatch) {
    let others = index.order(.others)
    for offset in 0..<others.count {
      let item = others[offset]
      guard try counts(item), let kind = item.kind else { continue }
      select(Int(item.position), kind: kind, low: item.low, high: item.high)
    }
  }

  /// Sorts out one item of the areas asked about by when it may be in force (or, for a
  /// proposal, announced), as the whole log has it: counted as not yet or no longer in force,
  /// offered among the proposals, or read.
  private mutating func select(_ position: Int, kind: AtIndexLayout.Kind, low: Int64, high: Int64) {
    switch kind {
    case .unlisted: return
    case .proposal:
      // The latest announced, as ``AtQuery`` keeps them: those with no latest last.
      if low == Int64.min || low <= bounds.cutoff {
        proposals.offer(key: high == Int64.max ? Int64.min : high, position: position)
      }
      return
    case .pause, .corridors, .offensive:
      if low != Int64.min && low > bounds.upper {
        notYet.offer(key: low, position: position)
        return
      }
      // Ended before the moment, and began before it too (an end reported before a start
      // leaves the item not yet in force, which only the fold can tell).
      if high != Int64.max && high < bounds.lower && low < bounds.lower {
        noLonger.offer(key: high, position: position)
        return
      }
    }
    read.append(position)
  }

  /// With an as-of moment, every item is passed. What it rests on must fold alone (an event
  /// elsewhere that touches it could be unknown by then): otherwise it is read, and the answer
  /// left to the whole log. One whose events were all announced by then, certainly or possibly
  /// (with its retractions certainly), folds as in the whole log and is sorted out as without
  /// one (the fold marks what rests on the possibly known, which shows only on items read); one
  /// whose events none had possibly been is not there at all; any other is read, as the lines
  /// appended since are, and classified by the fold, even a name the whole log does not list (a
  /// corridor whose opening is retracted only later).
  private mutating func selectKnown(asOf: Int64) throws(IndexMismatch) {
    let touchedPositions = touched
    for position in 0..<index.count where !touchedPositions.contains(position) {
      let item = index.summary(position)
      guard Int(item.area) < related.count, let kind = item.kind else { throw damaged }
      let knowledge = item.announced.knowledge(asOf: asOf)
      // An item whose own events lie in several areas takes the area of the first known by
      // then, and an unlisted name has only the area of its first line (which may be another
      // item's, or as written before an erratum moved it): when only part of their events is,
      // they may belong to an area asked about.
      let areaMayDiffer = item.areaVaries || kind == .unlisted
      guard related[Int(item.area)] || (areaMayDiffer && knowledge == .partly) else {
        continue
      }
      guard item.answersAlone else {
        read.append(position)
        continue
      }
      switch knowledge {
      case .known, .possibly: select(position, kind: kind, low: item.low, high: item.high)
      case .unknown: continue
      case .partly: read.append(position)
      }
    }
  }

  /// The pauses, corridor groups and offensives in the time orders: not yet in force past the
  /// moment's last second in the order by start, no longer in force before its first second in
  /// the order by end, and otherwise within the span before it.
  private mutating func selectShortItems() throws(IndexMismatch) {
    let byLow = index.order(.itemsByLow)
    let byHigh = index.order(.itemsByHigh)
    let lower = bounds.lower
    let upper = bounds.upper
    let afterUpper = byLow.partitionPoint { $0.low > upper }
    let fromLower = byHigh.partitionPoint { $0.high >= lower }
    let start = byLow.partitionPoint { $0.low >= saturatingSubtract(lower, index.header.shortSpan) }
    for offset in start..<max(start, afterUpper) {
      let item = byLow[offset]
      if try counts(item), item.high >= lower { read.append(Int(item.position)) }
    }
    try offer(
      from: byLow, offsets: afterUpper..<byLow.count, to: &notYet, byLow: true,
      touchedIn: { $0.kind != .proposal && $0.low > upper })
    try offer(
      from: byHigh, offsets: (0..<fromLower).reversed(), to: &noLonger, byLow: false,
      touchedIn: { $0.kind != .proposal && $0.high < lower })
  }

  /// The proposals in the time orders: announced by the cut-off when their latest announcement
  /// is by then, or when their earliest is and their latest after (within the span before it);
  /// the latter are the latest.
  private mutating func selectShortProposals() throws(IndexMismatch) {
    let byLow = index.order(.proposalsByLow)
    let byHigh = index.order(.proposalsByHigh)
    let cutoff = bounds.cutoff
    let start = byLow.partitionPoint {
      $0.low >= saturatingSubtract(cutoff, index.header.shortSpan)
    }
    let end = byLow.partitionPoint { $0.low > cutoff }
    for offset in start..<max(start, end) {
      let item = byLow[offset]
      if try counts(item), item.high > cutoff {
        proposals.offer(key: item.high, position: Int(item.position))
      }
    }
    let atOrBeforeCutoff = byHigh.partitionPoint { $0.high > cutoff }
    try offer(
      from: byHigh, offsets: (0..<atOrBeforeCutoff).reversed(), to: &proposals, byLow: false,
      touchedIn: { $0.kind == .proposal && $0.high <= cutoff })
  }

  /// Offers the entries at `offsets` (best first) that count for the question, by their earliest
  /// start or their latest end.
  ///
  /// Asked about every area, only the first `limit` that count are offered: those after cannot
  /// be kept. The rest are counted: all of them but the touched items among them (`touchedIn`
  /// tells which items of the list those are, from their records).
  private func offer<Offsets: Collection<Int>>(
    from order: TimeOrder, offsets: Offsets, to nearest: inout NearestItems,
    byLow: Bool,
    touchedIn: (AtIndexLayout.OrderEntry) -> Bool
  ) throws(IndexMismatch) {
    guard everyArea else {
      for offset in offsets {
        let item = order[offset]
        if try counts(item) {
          nearest.offer(key: byLow ? item.low : item.high, position: Int(item.position))
        }
      }
      return
    }
    var passed: [Int] = []
    var offered = 0
    for offset in offsets {
      if offered >= nearest.limit { break }
      passed.append(offset)
      let item = order[offset]
      if try counts(item) {
        nearest.offer(key: byLow ? item.low : item.high, position: Int(item.position))
        offered += 1
      }
    }
    // Of those not passed, every one counts but the touched items among them.
    var touchedLeft = 0
    if !touched.isEmpty {
      for position in touched where position < index.count {
        let summary = index.summary(position)
        guard let kind = summary.kind,
          AtIndexLayout.isShort(
            low: summary.low, high: summary.high, kind: kind, area: summary.area,
            span: index.header.shortSpan)
        else { continue }
        let entry = AtIndexLayout.OrderEntry(
          low: summary.low, high: summary.high, position: UInt32(truncatingIfNeeded: position),
          area: summary.area, kind: kind)
        if touchedIn(entry) { touchedLeft += 1 }
      }
      // The touched items among those passed were left out there already.
      for offset in passed where touched.contains(Int(order[offset].position)) {
        touchedLeft -= 1
      }
    }
    // (Never below none: only an index whose orders disagree with its records could make it so.)
    nearest.countUnoffered(max(0, offsets.count - passed.count - touchedLeft))
  }

  private func saturatingSubtract(_ value: Int64, _ amount: Int64) -> Int64 {
    let (difference, overflow) = value.subtractingReportingOverflow(amount)
    return overflow ? Int64.min : difference
  }
}
