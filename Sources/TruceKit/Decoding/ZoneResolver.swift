/// Places ``TimeSpec``s on the UTC timeline as ``TimeSpec/resolved(in:)`` does, but fast: each
/// zone's offset changes are fetched from the tz database once per stretch of about a year and
/// kept, so resolving a local time is a short search near the last one.
///
/// It gives exactly the answers and errors of ``TimeSpec/resolved(in:)`` and shares no code
/// with it. The rules, written again here:
/// - An instant at `Z` or at an offset needs no zone.
/// - A local wall time is tried with every offset the zone used within a day either side of it;
///   the offsets that give back the same wall time are its instants. Two or more: the wall time
///   is ambiguous (the earliest and the latest are named). None: it fell in a gap, and the next
///   valid instant is the zone's first offset change at or after the wall time read with the
///   largest of those offsets.
/// - A local day starts at its midnight (the earlier one when midnight happened twice, the end of
///   the gap when it never happened) and ends a second before the next day starts. A week is
///   the ISO 8601 week from its Monday, a month runs from its 1st, both local.
/// - A range takes the start of its lower bound and the end of its upper bound; an open bound
///   stays open; an end before the start is an error.
///
/// One resolver serves one decoding thread: it is a value, and resolving fills its cache.
struct ZoneResolver: Sendable {
  /// The cached offset changes, one table per zone seen.
  private var tables: [TransitionTable] = []
  /// Each table's zone, by the identity of its rules and its identifier, in `tables`' order: a
  /// log names a few dozen zones at most, so a scan comparing pointers first beats hashing the
  /// identifier.
  private var tableZones: [(rules: ObjectIdentifier, identifier: String)] = []
  /// The index of the table used last, checked first: a log's lines mostly share a zone.
  private var lastTable = -1

  /// Creates a resolver with nothing cached yet.
  init() {}

  /// Places a spec on the UTC timeline as the range of instants it may name.
  ///
  /// - Parameters:
  ///   - spec: The time, period or range to place.
  ///   - zone: The zone of the event's area; needed for local forms.
  /// - Returns: What `spec.resolved(in: zone)` returns.
  /// - Throws: What `spec.resolved(in: zone)` throws:
  ///   ``TimeSpecError/ambiguousLocalTime(_:zone:_:_:)``,
  ///   ``TimeSpecError/nonexistentLocalTime(_:zone:nextValid:)``, ``TimeSpecError/noZone(_:)``,
  ///   ``TimeSpecError/nonexistentDate(_:)`` for a month outside the calendar, or
  ///   ``TimeSpecError/endBeforeStart(_:)`` for a range that ends before it starts.
  mutating func resolve(
    _ spec: TimeSpec, in zone: Zone?
  ) throws(TimeSpecError) -> UncertainInstant {
    switch spec {
    case .instant(let wall, .utc):
      return UncertainInstant(exactly: Instant(secondsSinceEpoch: wall.secondsSinceEpochAsIfUTC))
    case .instant(let wall, .offset(let offset)):
      return UncertainInstant(
        exactly: Instant(secondsSinceEpoch: wall.secondsSinceEpochAsIfUTC - Int64(offset)))
    case .instant(let wall, .local):
      guard let table = tableIndex(for: zone) else { throw .noZone(spec.description) }
      switch tables[table].resolve(asIfUTC: wall.secondsSinceEpochAsIfUTC) {
      case .unique(let instant):
        return UncertainInstant(exactly: instant)
      case .ambiguous(let first, let second):
        throw .ambiguousLocalTime(
          spec.description, zone: tables[table].zone.identifier, first, second)
      case .nonexistent(let next):
        throw .nonexistentLocalTime(
          spec.description, zone: tables[table].zone.identifier, nextValid: next)
      }
    case .day(let date):
      return try localDays(from: date.daysSinceEpoch, count: 1, zone, spec)
    case .week(let year, let week):
      return try localDays(
        from: ZoneResolver.isoWeekMonday(year: year, week: week), count: 7, zone, spec)
    case .month(let year, let month):
      guard (1...9999).contains(year), (1...12).contains(month) else {
        throw .nonexistentDate(spec.description)
      }
      let first = CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
      return try localDays(
        from: first, count: Int64(TimeTextScanner.Gregorian.dayCount(month: month, year: year)),
        zone, spec)
    case .range(let from, let to):
      let lower = try from.map { bound throws(TimeSpecError) in try resolve(bound, in: zone) }
      let upper = try to.map { bound throws(TimeSpecError) in try resolve(bound, in: zone) }
      if let start = lower?.earliest, let end = upper?.latest, end < start {
        throw .endBeforeStart(spec.description)
      }
      return UncertainInstant(earliest: lower?.earliest, latest: upper?.latest)
    }
  }

  /// The local calendar days `first` to `first + count - 1` (days since 1970-01-01), from the
  /// start of the first to the second before the day after the last starts.
  private mutating func localDays(
    from first: Int64, count: Int64, _ zone: Zone?, _ spec: TimeSpec
  ) throws(TimeSpecError) -> UncertainInstant {
    guard let table = tableIndex(for: zone) else { throw .noZone(spec.description) }
    let start = tables[table].startOfDay(daysSinceEpoch: first)
    let next = tables[table].startOfDay(daysSinceEpoch: first + count)
    return UncertainInstant(earliest: start, latest: next.adding(seconds: -1))
  }

  /// The index of the zone's table in `tables`, made on first use; `nil` when there is no zone.
  private mutating func tableIndex(for zone: Zone?) -> Int? {
    guard let zone else { return nil }
    let rules = zone.rulesIdentity
    if lastTable >= 0, tableZones[lastTable].rules == rules,
      tableZones[lastTable].identifier == zone.identifier
    {
      return lastTable
    }
    if let index = tableZones.firstIndex(where: {
      $0.rules == rules && $0.identifier == zone.identifier
    }) {
      lastTable = index
    } else {
      tables.append(TransitionTable(zone: zone))
      tableZones.append((rules, zone.identifier))
      lastTable = tables.count - 1
    }
    return lastTable
  }

  /// The Monday that starts an ISO 8601 week, in days since 1970-01-01.
  ///
  /// Week 1 is the week with 4 January in it. For a year outside 1 to 9999, which parsed text
  /// never gives, 1970-01-01 stands in for 4 January, as in the reference.
  static func isoWeekMonday(year: Int, week: Int) -> Int64 {
    let january4 =
      (1...9999).contains(year)
      ? CivilDate.daysSinceEpoch(year: year, month: 1, day: 4) : 0
    // 1970-01-01 was a Thursday, three days after a Monday.
    let daysSinceMonday = ((january4 % 7) + 7 + 3) % 7
    return january4 - daysSinceMonday + Int64(week - 1) * 7
  }
}
