import Foundation
import Testing

@testable import TruceKit

/// The items an answer from the index reads, found through the time orders, against passing
/// every item of the index one by one (as answers did before the orders).
@Suite("Selecting items through the index's time orders")
struct AtIndexSelectionTests {
  /// What a selection chose: the items read, and the nearest of each list with how many were
  /// offered to it.
  struct Chosen: Equatable {
    var read: [Int]
    var notYet: [Int]
    var noLonger: [Int]
    var proposals: [Int]
    var offered: [Int]
  }

  /// Every item passed one by one: the rules the time orders must reproduce.
  static func passingEveryItem(
    _ items: [AtIndexLayout.Item], bounds: AtIndexSelection.Bounds, related: [Bool],
    touched: Set<Int>, limit: Int
  ) -> Chosen {
    var read: [Int] = []
    var notYet = NearestItems(limit: limit, soonestFirst: true)
    var noLonger = NearestItems(limit: limit, soonestFirst: false)
    var proposals = NearestItems(limit: limit, soonestFirst: false)
    for (position, item) in items.enumerated() {
      if touched.contains(position) {
        read.append(position)
        continue
      }
      if let asOf = bounds.asOf {
        // Known, certainly or possibly (with its retractions certainly): as without an as-of.
        // Not known at all: left out. Otherwise (or not folding alone): read, and when its own
        // events lie in several areas, or it is a name the whole log does not list, whatever
        // area is asked about.
        let span = item.announced
        let known = span.latest != Int64.max && span.latest <= asOf
        let unknown = span.earliest != Int64.min && span.earliest > asOf
        let possibly =
          span.allPossibly <= asOf && span.retractionsLatest != Int64.max
          && span.retractionsLatest <= asOf
        let partly = !known && !unknown && !possibly
        let areaMayDiffer = item.areaVaries || item.kind == .unlisted
        guard related[Int(item.area)] || (areaMayDiffer && partly) else { continue }
        if item.answersAlone && !known && unknown { continue }
        if !item.answersAlone || (!known && !possibly) {
          read.append(position)
          continue
        }
      } else {
        guard related[Int(item.area)] else { continue }
      }
      switch item.kind {
      case .unlisted: continue
      case .proposal:
        if item.low == Int64.min || item.low <= bounds.cutoff {
          proposals.offer(key: item.high == Int64.max ? Int64.min : item.high, position: position)
        }
        continue
      case .pause, .corridors, .offensive:
        if item.low != Int64.min && item.low > bounds.upper {
          notYet.offer(key: item.low, position: position)
          continue
        }
        if item.high != Int64.max && item.high < bounds.lower && item.low < bounds.lower {
          noLonger.offer(key: item.high, position: position)
          continue
        }
      }
      read.append(position)
    }
    return Chosen(
      read: read, notYet: notYet.kept, noLonger: noLonger.kept, proposals: proposals.kept,
      offered: [notYet.offered, noLonger.offered, proposals.offered])
  }

  /// Random items around a stretch of days: most short, some long, unbounded on either side,
  /// ending before they start, or sharing their bounds with others.
  static func randomItems(count: Int, areas: Int, random: inout SplitMix64) -> [AtIndexLayout.Item]
  {
    let day: Int64 = 86_400
    let origin: Int64 = 1_470_000_000
    var shared: [Int64] = []
    func instant() -> Int64 {
      if !shared.isEmpty && random.next() % 4 == 0 {
        return shared[Int(random.next() % UInt64(shared.count))]
      }
      let value = origin + Int64(random.next() % UInt64(120 * day))
      shared.append(value)
      return value
    }
    return (0..<count).map { _ in
      var item = AtIndexLayout.Item()
      let kinds: [AtIndexLayout.Kind] = [.pause, .corridors, .offensive, .proposal, .unlisted]
      item.kind = kinds[Int(random.next() % UInt64(kinds.count))]
      item.area = UInt16(random.next() % UInt64(areas))
      let low = instant()
      switch random.next() % 20 {
      case 0: (item.low, item.high) = (Int64.min, low)
      case 1: (item.low, item.high) = (low, Int64.max)
      case 2: (item.low, item.high) = (Int64.min, Int64.max)
      case 3: (item.low, item.high) = (low, low - Int64(random.next() % UInt64(5 * day)))
      case 4: (item.low, item.high) = (low, low + Int64(random.next() % UInt64(60 * day)))
      default: (item.low, item.high) = (low, low + Int64(random.next() % UInt64(3 * day)))
      }
      if item.kind == .unlisted { (item.low, item.high) = (Int64.min, Int64.max) }
      // Its lines announced around its start, some unbounded, with a retraction now and then.
      var span = AnnouncedSpan()
      let announced = instant() - Int64(random.next() % UInt64(10 * day))
      for _ in 0..<(1 + random.next() % 3) {
        let lower = announced + Int64(random.next() % UInt64(10 * day))
        let upper = lower + Int64(random.next() % UInt64(3 * day))
        span.take(
          UncertainInstant(
            earliest: random.next() % 16 == 0 ? nil : Instant(secondsSinceEpoch: lower),
            latest: random.next() % 16 == 0 ? nil : Instant(secondsSinceEpoch: upper)),
          retraction: random.next() % 4 == 0)
      }
      item.announced = span
      item.answersAlone = random.next() % 8 != 0
      item.areaVaries = random.next() % 8 == 0
      return item
    }
  }

  @Test(
    "The time orders select the same items, nearest items and counts as passing every item; with an as-of moment, what was known by then decides first",
    arguments: [1, 2, 3, 4, 5, 6])
  func sameAsPassingEveryItem(seed: UInt64) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    var random = SplitMix64(seed: seed)
    let areas = 1 + Int(random.next() % 5)
    let items = Self.randomItems(
      count: [0, 1, 7, 60, 400, 2_000][Int(seed) % 6], areas: areas, random: &random)
    let image = AtIndexBuilder.image(
      header: AtIndexLayout.Header(), items: items, lines: [], names: [], events: 0
    ) { _ in }
    try Data(image).write(to: URL(fileURLWithPath: AtIndex.path(forLog: scratch.log)))
    let index = try AtIndex(forLog: scratch.log)
    #expect(index.count == items.count)
    let day: Int64 = 86_400
    for round in 0..<300 {
      // Now and then a moment on an item's bound, where the tests' comparisons turn.
      let bound = items.isEmpty ? nil : items[Int(random.next() % UInt64(items.count))]
      let onBound = [bound?.low, bound?.high].compactMap { $0 }.filter {
        $0 != Int64.min && $0 != Int64.max
      }
      let lower =
        round % 3 == 1 && !onBound.isEmpty
        ? onBound[Int(random.next() % UInt64(onBound.count))]
        : 1_470_000_000 - 5 * day + Int64(random.next() % UInt64(130 * day))
      let upper = round % 3 == 0 ? lower + day - 1 : lower
      let cutoff = round % 5 == 0 ? lower - Int64(random.next() % UInt64(10 * day)) : upper
      // Every third round asks as of a moment around it.
      let asOf =
        round % 3 == 2 ? lower - 10 * day + Int64(random.next() % UInt64(20 * day)) : nil
      let bounds = AtIndexSelection.Bounds(
        lower: lower, upper: upper, cutoff: cutoff, asOf: asOf)
      let related =
        round % 2 == 0
        ? [Bool](repeating: true, count: areas) : (0..<areas).map { _ in random.next() % 2 == 0 }
      let touched =
        round % 4 == 0 || items.isEmpty
        ? [] : Set((0..<3).map { _ in Int(random.next() % UInt64(items.count)) })
      let limit = Int(random.next() % 5)
      let selection = try AtIndexSelection(
        from: index, bounds: bounds, related: related, touched: touched, limit: limit)
      let chosen = Chosen(
        read: selection.read, notYet: selection.notYet.kept, noLonger: selection.noLonger.kept,
        proposals: selection.proposals.kept,
        offered: [
          selection.notYet.offered, selection.noLonger.offered, selection.proposals.offered,
        ])
      let expected = Self.passingEveryItem(
        items, bounds: bounds, related: related, touched: touched, limit: limit)
      #expect(chosen == expected, "seed \(seed), round \(round)")
    }
  }

  @Test("Short items go into the time orders, and at most one in a hundred of them is left out")
  func shortItemsAreOrdered() {
    var random = SplitMix64(seed: 9)
    let items = Self.randomItems(count: 3_000, areas: 3, random: &random)
    let orders = AtIndexLayout.TimeOrders(items: items)
    let ordered = orders.itemsByLow.count + orders.proposalsByLow.count
    #expect(ordered + orders.others.count == items.count)
    #expect(orders.itemsByHigh.count == orders.itemsByLow.count)
    #expect(orders.proposalsByHigh.count == orders.proposalsByLow.count)
    let bounded = items.filter {
      $0.kind != .unlisted && $0.low != Int64.min && $0.high != Int64.max && $0.low <= $0.high
    }
    #expect(ordered >= bounded.count * 99 / 100)
    #expect(orders.itemsByLow.map(\.low) == orders.itemsByLow.map(\.low).sorted())
    #expect(orders.itemsByHigh.map(\.high) == orders.itemsByHigh.map(\.high).sorted())
  }

  @Test("An index whose counts of ordered items exceed its items is not opened")
  func inconsistentCountsAreRejected() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    var random = SplitMix64(seed: 3)
    let items = Self.randomItems(count: 20, areas: 2, random: &random)
    var image = AtIndexBuilder.image(
      header: AtIndexLayout.Header(), items: items, lines: [], names: [], events: 0
    ) { _ in }
    // The count of ordered proposals, past every item.
    image.replaceSubrange(120..<128, with: withUnsafeBytes(of: UInt64(21).littleEndian, Array.init))
    try IndexedLogScratch.seal(&image)
    try Data(image).write(to: URL(fileURLWithPath: AtIndex.path(forLog: scratch.log)))
    #expect(throws: IndexMismatch.self) { try AtIndex(forLog: scratch.log) }
  }

  @Test("An order entry naming an item past the records is an error, not a read outside them")
  func entryPastTheItemsIsDamage() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    var item = AtIndexLayout.Item()
    (item.low, item.high, item.kind, item.area) = (1_000, 2_000, .pause, 0)
    var image = AtIndexBuilder.image(
      header: AtIndexLayout.Header(), items: [item], lines: [], names: [], events: 0
    ) { _ in }
    let header = try #require(AtIndexLayout.Header(loadingFrom: image, size: image.count))
    #expect(header.shortItemCount == 1)
    // The first entry in order by earliest start: its position, 0, becomes 7.
    let position = header.ordersOffset + 16
    image.replaceSubrange(
      position..<position + 4, with: withUnsafeBytes(of: UInt32(7).littleEndian, Array.init))
    try IndexedLogScratch.seal(&image)
    try Data(image).write(to: URL(fileURLWithPath: AtIndex.path(forLog: scratch.log)))
    let index = try AtIndex(forLog: scratch.log)
    let bounds = AtIndexSelection.Bounds(lower: 1_500, upper: 1_500, cutoff: 1_500)
    #expect(throws: IndexMismatch.self) {
      try AtIndexSelection(from: index, bounds: bounds, related: [true], touched: [], limit: 3)
    }
  }
}
