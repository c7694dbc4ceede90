extension ZoneResolver {
  /// One zone's offset changes, read from its ``Zone`` one stretch of time at a time and kept,
  /// so that the zone's offset at an instant is a short scan, mostly within the window last
  /// used.
  ///
  /// Time is cut into stretches of 2^25 seconds (about 388 days). A stretch is filled on first
  /// use by following ``Zone/nextTransition(after:)`` from its start and reading
  /// ``Zone/offset(at:)`` at each change, so that offsets and changes are exactly those the
  /// reference sees (which passes over changes that keep the total offset).
  ///
  /// A stretch whose changes do not agree with the offsets read around them, or one outside the
  /// years 0 to 10000 (which parsed text never reaches), is not cached: its offsets and changes
  /// are read from the zone every time, at the instants asked for.
  struct TransitionTable: Sendable {
    /// The zone whose changes these are.
    let zone: Zone
    /// The stretches filled so far, in the order they were first used.
    private var stretches: [Stretch] = []
    /// Where each stretch is in `stretches`, by its number (its start divided by its length).
    private var stretchIndices: [Int64: Int] = [:]
    /// The number of the stretch used last, checked first.
    private var lastNumber = Int64.min
    /// The index of the stretch used last.
    private var lastIndex = 0
    /// The instants of all cached changes, stretch after stretch; each stretch's run is sorted.
    private var changeInstants: [Int64] = []
    /// The offset east of UTC, in seconds, from each change in `changeInstants` on.
    private var changeOffsets: [Int] = []
    /// The span of time, within one cached stretch, around the instant last looked up, over which
    /// the offset is known not to change: from `window.lowerBound` to before `window.upperBound`.
    private(set) var window: Range<Int64> = 0..<0
    /// The offset over `window`.
    private(set) var windowOffset = 0

    /// A table with nothing read yet.
    init(zone: Zone) { self.zone = zone }

    /// Each stretch is 2^`stretchShift` seconds long.
    private static let stretchShift: Int64 = 25
    /// The numbers of the stretches that are cached: those from 0000-01-01T00:00Z
    /// (-62,167,219,200) to 10001-01-01T00:00Z (253,433,923,200).
    private static let cachedNumbers: ClosedRange<Int64> =
      (-62_167_219_200 >> stretchShift)...(253_433_923_200 >> stretchShift)

    /// The offset changes of one stretch of time.
    struct Stretch: Sendable {
      /// The offset at the stretch's first second.
      var initialOffset: Int
      /// The stretch's changes are `changeInstants[firstChange..<endChange]`.
      var firstChange: Int
      /// Just past the stretch's last change.
      var endChange: Int
      /// The zone's first change at or after the stretch's end; `nil` when there is none.
      var nextChange: Int64?
      /// Whether the stretch is read from the zone every time instead of from the table.
      var isLive: Bool
    }

    /// The zone's offset east of UTC, in seconds, at an instant (seconds since the epoch): what
    /// ``Zone/offset(at:)`` says.
    mutating func offset(at instant: Int64) -> Int {
      if window.contains(instant) { return windowOffset }
      let index = stretchIndex(containing: instant)
      let stretch = stretches[index]
      if stretch.isLive { return zone.offset(at: Instant(secondsSinceEpoch: instant)) }
      var offset = stretch.initialOffset
      var from = (instant >> TransitionTable.stretchShift) << TransitionTable.stretchShift
      var until = from + (1 << TransitionTable.stretchShift)
      for change in stretch.firstChange..<stretch.endChange {
        if changeInstants[change] > instant {
          until = changeInstants[change]
          break
        }
        offset = changeOffsets[change]
        from = changeInstants[change]
      }
      window = from..<until
      windowOffset = offset
      return offset
    }

    /// The zone's first change strictly after an instant: what ``Zone/nextTransition(after:)``
    /// says.
    mutating func nextChange(after instant: Int64) -> Int64? {
      let index = stretchIndex(containing: instant)
      let stretch = stretches[index]
      if stretch.isLive {
        return zone.nextTransition(after: Instant(secondsSinceEpoch: instant))?.secondsSinceEpoch
      }
      for change in stretch.firstChange..<stretch.endChange where changeInstants[change] > instant {
        return changeInstants[change]
      }
      return stretch.nextChange
    }

    /// The index in `stretches` of the stretch holding an instant, filled on first use.
    private mutating func stretchIndex(containing instant: Int64) -> Int {
      let number = instant >> TransitionTable.stretchShift
      if number == lastNumber { return lastIndex }
      let index: Int
      if let known = stretchIndices[number] {
        index = known
      } else {
        index = stretches.count
        stretches.append(fill(number: number))
        stretchIndices[number] = index
      }
      lastNumber = number
      lastIndex = index
      return index
    }

    /// Reads a stretch's changes from the zone, checking that each one is where the offset
    /// changes.
    private mutating func fill(number: Int64) -> Stretch {
      let start = number << TransitionTable.stretchShift
      let end = (number + 1) << TransitionTable.stretchShift
      let live = Stretch(
        initialOffset: 0, firstChange: 0, endChange: 0, nextChange: nil, isLive: true)
      guard TransitionTable.cachedNumbers.contains(number) else { return live }
      let firstChange = changeInstants.count
      let initialOffset = zone.offset(at: Instant(secondsSinceEpoch: start))
      var offset = initialOffset
      var cursor = start
      var next: Int64?
      while true {
        next = zone.nextTransition(after: Instant(secondsSinceEpoch: cursor))?.secondsSinceEpoch
        guard let change = next, change < end else { break }
        guard change > cursor, zone.offset(at: Instant(secondsSinceEpoch: change - 1)) == offset
        else { return abandon(from: firstChange, live) }
        offset = zone.offset(at: Instant(secondsSinceEpoch: change))
        changeInstants.append(change)
        changeOffsets.append(offset)
        cursor = change
      }
      guard zone.offset(at: Instant(secondsSinceEpoch: end - 1)) == offset else {
        return abandon(from: firstChange, live)
      }
      return Stretch(
        initialOffset: initialOffset, firstChange: firstChange, endChange: changeInstants.count,
        nextChange: next, isLive: false)
    }

    /// Drops the changes read for a stretch that turned out inconsistent, and returns `live`.
    private mutating func abandon(from firstChange: Int, _ live: Stretch) -> Stretch {
      changeInstants.removeSubrange(firstChange...)
      changeOffsets.removeSubrange(firstChange...)
      return live
    }
  }
}
