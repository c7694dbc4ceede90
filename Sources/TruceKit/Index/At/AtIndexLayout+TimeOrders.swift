extension AtIndexLayout {
  /// One item in the index's time orders: when it may be in force (or be announced), where and
  /// what it is, and its position among the item records. 24 bytes.
  ///
  /// The time orders follow the event records: the short items (pauses, corridor groups and
  /// offensives; ``isShort(low:high:kind:area:span:)``) by earliest start, the same by latest
  /// end, the short proposals by earliest announcement, the same by latest, then every other
  /// item in position order. A question then reads only the entries near its moment (and counts
  /// the rest by their place in the orders), where it would otherwise pass every item.
  struct OrderEntry: Equatable {
    var low: Int64
    var high: Int64
    var position: UInt32
    var area: UInt16
    /// `nil` when the entry holds no kind this version knows (a damaged index).
    var kind: Kind?

    init(low: Int64, high: Int64, position: UInt32, area: UInt16, kind: Kind) {
      self.low = low
      self.high = high
      self.position = position
      self.area = area
      self.kind = kind
    }

    @inline(__always)
    init(loadingFrom pointer: UnsafeRawPointer) {
      low = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 0, as: Int64.self))
      high = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: Int64.self))
      position = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
      area = UInt16(littleEndian: pointer.loadUnaligned(fromByteOffset: 20, as: UInt16.self))
      kind = Kind(rawValue: pointer.load(fromByteOffset: 22, as: UInt8.self))
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      pointer.storeBytes(of: low.littleEndian, toByteOffset: 0, as: Int64.self)
      pointer.storeBytes(of: high.littleEndian, toByteOffset: 8, as: Int64.self)
      pointer.storeBytes(of: position.littleEndian, toByteOffset: 16, as: UInt32.self)
      pointer.storeBytes(of: area.littleEndian, toByteOffset: 20, as: UInt16.self)
      pointer.storeBytes(of: kind?.rawValue ?? UInt8.max, toByteOffset: 22, as: UInt8.self)
      pointer.storeBytes(of: UInt8(0), toByteOffset: 23, as: UInt8.self)
    }
  }

  static let orderEntrySize = 24

  /// Whether an item goes into the time orders rather than among the others: a pause, corridor
  /// group, offensive or proposal of a known area, bounded on both sides, whose latest end is not
  /// before its earliest start, and that spans at most `span` seconds.
  ///
  /// For such an item the tests an answer makes reduce to comparisons of one bound each: it is
  /// not yet in force when its earliest start is after the moment, no longer when its latest end
  /// is before it, and otherwise its earliest start lies within `span` of the moment.
  static func isShort(low: Int64, high: Int64, kind: Kind, area: UInt16, span: Int64) -> Bool {
    guard kind != .unlisted, area != UInt16.max, low != Int64.min, high != Int64.max,
      low <= high
    else { return false }
    let (length, overflow) = high.subtractingReportingOverflow(low)
    return !overflow && length <= span
  }

  /// The span that leaves at most one in a hundred of the bounded, ordered items out of the time
  /// orders: long items would widen the stretch every question reads.
  static func shortSpan(of items: [Item]) -> Int64 {
    var lengths: [Int64] = []
    for item in items where item.kind != .unlisted && item.area != UInt16.max {
      guard item.low != Int64.min, item.high != Int64.max, item.low <= item.high else { continue }
      let (length, overflow) = item.high.subtractingReportingOverflow(item.low)
      if !overflow { lengths.append(length) }
    }
    guard !lengths.isEmpty else { return 0 }
    lengths.sort()
    return lengths[(lengths.count - 1) * 99 / 100]
  }

  /// The index's time orders, built from its item records.
  struct TimeOrders: Equatable {
    var span: Int64 = 0
    var itemsByLow: [OrderEntry] = []
    var itemsByHigh: [OrderEntry] = []
    var proposalsByLow: [OrderEntry] = []
    var proposalsByHigh: [OrderEntry] = []
    var others: [OrderEntry] = []

    init(items: [Item]) {
      span = AtIndexLayout.shortSpan(of: items)
      for (position, item) in items.enumerated() {
        let entry = OrderEntry(
          low: item.low, high: item.high, position: UInt32(truncatingIfNeeded: position),
          area: item.area, kind: item.kind)
        guard
          AtIndexLayout.isShort(
            low: item.low, high: item.high, kind: item.kind, area: item.area, span: span)
        else {
          others.append(entry)
          continue
        }
        if item.kind == .proposal {
          proposalsByLow.append(entry)
        } else {
          itemsByLow.append(entry)
        }
      }
      // By earliest, ties by position; by latest, ties by position from the last, so that
      // reading backwards from a bound meets the latest first and, among equals, the first.
      let byLow = { (a: OrderEntry, b: OrderEntry) in (a.low, a.position) < (b.low, b.position) }
      let byHigh = { (a: OrderEntry, b: OrderEntry) in
        a.high != b.high ? a.high < b.high : a.position > b.position
      }
      itemsByHigh = itemsByLow.sorted(by: byHigh)
      itemsByLow.sort(by: byLow)
      proposalsByHigh = proposalsByLow.sorted(by: byHigh)
      proposalsByLow.sort(by: byLow)
    }

    /// The entries in the order they are stored.
    var stored: [OrderEntry] {
      itemsByLow + itemsByHigh + proposalsByLow + proposalsByHigh + others
    }
  }
}
