extension TimeSpec {
  /// Places the spec on the UTC timeline as the range of instants it may name.
  ///
  /// Local times and periods resolve through `zone`. A local wall time that happened twice or
  /// never is an error, not a guess.
  ///
  /// - Parameter zone: The zone of the event's area; needed for local forms.
  /// - Throws: ``TimeSpecError/ambiguousLocalTime(_:zone:_:_:)``,
  ///   ``TimeSpecError/nonexistentLocalTime(_:zone:nextValid:)``, ``TimeSpecError/noZone(_:)``, or
  ///   ``TimeSpecError/endBeforeStart(_:)`` for a range that ends before it starts.
  public func resolved(in zone: Zone?) throws(TimeSpecError) -> UncertainInstant {
    switch self {
    case .instant(let wall, let anchor):
      if let offset = anchor.fixedOffset {
        return UncertainInstant(
          exactly: Instant(secondsSinceEpoch: wall.secondsSinceEpochAsIfUTC - Int64(offset)))
      }
      guard let zone else { throw .noZone(description) }
      switch zone.resolve(wall) {
      case .unique(let instant): return UncertainInstant(exactly: instant)
      case .ambiguous(let first, let second):
        throw .ambiguousLocalTime(description, zone: zone.identifier, first, second)
      case .nonexistent(let next):
        throw .nonexistentLocalTime(description, zone: zone.identifier, nextValid: next)
      }
    case .day(let date):
      return try TimeSpec.period(from: date, to: date.adding(days: 1), zone, description)
    case .week(let year, let week):
      let monday = TimeSpec.isoWeekMonday(year: year, week: week)
      return try TimeSpec.period(from: monday, to: monday.adding(days: 7), zone, description)
    case .month(let year, let month):
      guard let first = CivilDate(year: year, month: month, day: 1) else {
        throw .nonexistentDate(description)
      }
      let next = first.adding(days: CivilDate.daysIn(month: month, year: year))
      return try TimeSpec.period(from: first, to: next, zone, description)
    case .range(let from, let to):
      let lower = try from?.resolved(in: zone).earliest
      let upper = try to?.resolved(in: zone).latest
      if let lower, let upper, upper < lower { throw .endBeforeStart(description) }
      return UncertainInstant(earliest: lower, latest: upper)
    }
  }

  private static func period(
    from start: CivilDate, to end: CivilDate, _ zone: Zone?, _ text: String
  ) throws(TimeSpecError) -> UncertainInstant {
    guard let zone else { throw .noZone(text) }
    return UncertainInstant(
      earliest: zone.startOfDay(start), latest: zone.startOfDay(end).adding(seconds: -1))
  }

  /// The Monday that starts an ISO 8601 week.
  static func isoWeekMonday(year: Int, week: Int) -> CivilDate {
    // 4 January is always in week 1.
    let january4 = CivilDate(
      daysSinceEpoch: (CivilDate(year: year, month: 1, day: 4)?.daysSinceEpoch ?? 0))
    let mondayOfWeek1 = january4.adding(
      days: -(Weekday.allCases.firstIndex(of: january4.weekday) ?? 0))
    return mondayOfWeek1.adding(days: (week - 1) * 7)
  }
}
