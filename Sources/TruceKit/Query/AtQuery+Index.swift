extension AtQuery {
  /// The answer drawn from the index beside the log, reading only the lines of the items it
  /// lists; `nil` when the index cannot give exactly the answer reading the whole log gives.
  ///
  /// Items whose time in force cannot reach the moment are sorted out from the index alone: they
  /// are counted as not yet or no longer in force, and only the nearest of them are read. Every
  /// other item of the area is read and classified as ``answer(from:)`` classifies it, from a
  /// log of just the lines it rests on. Lines appended since the index was built are folded
  /// beside those, and the items they touch are read whatever the index says of them
  /// (``TailOverlay``).
  ///
  /// - Returns: `nil` for a question with an as-of moment or asking for every item, or one that
  ///   needs an item whose lines alone do not fold as the whole log does.
  func answer(
    from index: AtIndex, file: String, header: LogHeader, reader: LogLineReader,
    tail: TailOverlay = TailOverlay()
  ) throws(IndexMismatch) -> AtAnswer? {
    guard asOf == nil, let limit = contextLimit else { return nil }
    let first: Instant
    let last: Instant
    switch moment {
    case .instant(let instant, _): (first, last) = (instant, instant)
    case .day(_, let start, let nextStart): (first, last) = (start, nextStart.adding(seconds: -1))
    }
    // The bounds are those ``Presence`` and ``DayPresence`` test: an item whose earliest start
    // is after the moment's last second is not yet in force; one whose latest end is before its
    // first second (and that may have started by then) is no longer. Anything at the bounds
    // themselves is read and classified by the fold.
    let lower = first.secondsSinceEpoch
    let upper = last.secondsSinceEpoch
    let cutoff = moment.asOfInstant.secondsSinceEpoch
    let related = header.areas.areas.map { candidate in
      area.map { header.areas.relation(of: candidate.id, to: $0.id) != nil } ?? true
    }
    var read: [Int] = []
    var notYet = NearestItems(limit: limit, soonestFirst: true)
    var noLonger = NearestItems(limit: limit, soonestFirst: false)
    var proposals = NearestItems(limit: limit, soonestFirst: false)
    // Only when, where and what each item is are read here, straight from the mapped records:
    // the scan passes every item of the log, and reads whole only those it keeps.
    let touched = tail.touched
    for position in 0..<index.count {
      let item = index.summary(position)
      guard Int(item.area) < related.count, let kind = item.kind else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      // An item the appended lines touch is read whatever its area: another item may rest on
      // it (a corridor group of the area asked about on its pause elsewhere), and the answer
      // lists only the items of the area.
      if !touched.isEmpty && touched.contains(position) {
        read.append(position)
        continue
      }
      guard related[Int(item.area)] else { continue }
      switch kind {
      case .unlisted: continue
      case .proposal:
        // The latest announced, as ``latest(_:limit:)`` keeps them: those with no latest last.
        if item.low == Int64.min || item.low <= cutoff {
          proposals.offer(key: item.high == Int64.max ? Int64.min : item.high, position: position)
        }
        continue
      case .pause, .corridors, .offensive:
        if item.low != Int64.min && item.low > upper {
          notYet.offer(key: item.low, position: position)
          continue
        }
        // Ended before the moment, and began before it too (an end reported before a start
        // leaves the item not yet in force, which only the fold can tell).
        if item.high != Int64.max && item.high < lower && item.low < lower {
          noLonger.offer(key: item.high, position: position)
          continue
        }
      }
      read.append(position)
    }
    read += notYet.kept + noLonger.kept + proposals.kept
    var lines = tail.lines
    var kept = Kept(items: tail.newItems, proposals: tail.proposals)
    for position in read {
      guard let item = index.item(position), item.answersAlone else { return nil }
      guard let id = index.name(of: item), index.appendLines(of: item, to: &lines) else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      if item.kind == .proposal { kept.proposals.insert(id) } else { kept.items.insert(id) }
    }
    let log = try LogSubset.log(
      file: file, header: header, lines: LogSubset.inLogOrder(lines), reader: reader)
    var answer = self.answer(from: log, keeping: kept)
    for (section, nearest) in [(ItemStatus.Section.notYet, notYet), (.noLonger, noLonger)]
    where nearest.offered > nearest.kept.count {
      answer.omitted[section, default: 0] += nearest.offered - nearest.kept.count
    }
    answer.omittedProposals += proposals.offered - proposals.kept.count
    return answer
  }
}

/// The items nearest to a moment among those that cannot reach it, as ``AtQuery`` lists them:
/// the soonest to start (or the latest to end), ties in the order the projection lists them.
private struct NearestItems {
  let limit: Int
  let soonestFirst: Bool
  /// How many were offered.
  private(set) var offered = 0
  /// The best so far, best first.
  private var best: [(key: Int64, position: Int)] = []

  init(limit: Int, soonestFirst: Bool) {
    self.limit = limit
    self.soonestFirst = soonestFirst
  }

  /// The positions of the items kept.
  var kept: [Int] { best.map(\.position) }

  /// Offers the item at `position`, ordered by `key`.
  mutating func offer(key: Int64, position: Int) {
    offered += 1
    func before(_ a: (key: Int64, position: Int), _ b: (key: Int64, position: Int)) -> Bool {
      if a.key != b.key { return soonestFirst ? a.key < b.key : a.key > b.key }
      return a.position < b.position
    }
    if best.count == limit, let worst = best.last, !before((key, position), worst) { return }
    let index = best.firstIndex { !before($0, (key, position)) } ?? best.count
    best.insert((key, position), at: index)
    if best.count > limit { best.removeLast() }
  }
}
