/// Whether something was in force at an instant, as far as the reports allow.
public enum Presence: String, Hashable, Sendable {
  /// In force on every reading of the reports.
  case inForce = "in-force"
  /// In force on some readings: a boundary is known only to the day, or disputed.
  case possibly
  /// Announced, but not yet in force.
  case notYet = "not-yet"
  /// Announced, and no longer in force.
  case noLonger = "no-longer"

  /// Classifies an instant against a start and an end.
  ///
  /// An end not reported leaves the interval open: nothing invents an end. A start not reported
  /// makes the start possible at any time.
  public static func of(start: Boundary, end: Boundary, at instant: Instant) -> Presence {
    let startRange = start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
    if !startRange.isPossibly(atOrBefore: instant) { return .notYet }
    if let endRange = end.possibleRange, endRange.isCertainly(atOrBefore: instant) {
      return .noLonger
    }
    let startCertain = startRange.isCertainly(atOrBefore: instant)
    let endCertainlyLater = end.possibleRange.map { $0.isCertainly(after: instant) } ?? true
    return startCertain && endCertainlyLater ? .inForce : .possibly
  }
}

/// How something stood over a whole local day.
public struct DayPresence: Hashable, Sendable {
  /// The overall verdict.
  public var kind: Kind
  /// The stretches of the day during which it was certainly in force and applying.
  public var certainly: [Span]

  /// The overall verdict for a day.
  public enum Kind: String, Hashable, Sendable {
    /// In force from the day's first to its last second.
    case allDay = "all-day"
    /// Certainly in force for part of the day.
    case partOfDay = "part-of-day"
    /// Possibly in force at some time in the day, never certainly.
    case possibly
    /// Within its interval all or part of the day, but suspended or outside its daily hours.
    case notApplying = "not-applying"
    /// Not yet in force on that day.
    case notYet = "not-yet"
    /// No longer in force on that day.
    case noLonger = "no-longer"
  }

  /// Classifies a local day against a start, an end and the rules of when the item applies.
  public static func of(
    start: Boundary, end: Boundary, rules: Applicability = .always, date: CivilDate, zone: Zone
  ) -> DayPresence {
    let day = Span(start: zone.startOfDay(date), end: zone.startOfDay(date.adding(days: 1)))
    let lastSecond = day.end.adding(seconds: -1)
    let startRange = start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
    let endRange = end.possibleRange
    if !startRange.isPossibly(atOrBefore: lastSecond) {
      return DayPresence(kind: .notYet, certainly: [])
    }
    if let endRange, endRange.isCertainly(atOrBefore: day.start) {
      return DayPresence(kind: .noLonger, certainly: [])
    }
    // Certainly in force: from the latest possible start to the earliest possible end.
    var certainInterval: [Span] = []
    if let latestStart = startRange.latest {
      let earliestEnd = endRange.map { $0.earliest ?? latestStart } ?? day.end
      certainInterval = [Span(start: latestStart, end: earliestEnd)].clipped(to: day)
    }
    let possibleInterval = [
      Span(
        start: startRange.earliest ?? day.start,
        end: endRange.map { $0.latest.map { $0.adding(seconds: 1) } ?? day.end } ?? day.end)
    ].clipped(to: day)
    let certain = rules.certainly(certainInterval, on: date, zone: zone)
    if certain == [day] { return DayPresence(kind: .allDay, certainly: certain) }
    if !certain.isEmpty { return DayPresence(kind: .partOfDay, certainly: certain) }
    if !rules.possibly(possibleInterval, on: date, zone: zone).isEmpty {
      return DayPresence(kind: .possibly, certainly: [])
    }
    return DayPresence(kind: .notApplying, certainly: [])
  }
}
