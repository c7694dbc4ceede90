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
  /// When it was certainly in force within the day, if at all.
  public var certainlyFrom: Instant?
  /// When it was certainly in force until (exclusive), within the day.
  public var certainlyUntil: Instant?

  /// The overall verdict for a day.
  public enum Kind: String, Hashable, Sendable {
    /// In force from the day's first to its last second.
    case allDay = "all-day"
    /// Certainly in force for part of the day.
    case partOfDay = "part-of-day"
    /// Possibly in force at some time in the day, never certainly.
    case possibly
    /// Not yet in force on that day.
    case notYet = "not-yet"
    /// No longer in force on that day.
    case noLonger = "no-longer"
  }

  /// Classifies a day, `[dayStart, nextDayStart)`, against a start and an end.
  public static func of(
    start: Boundary, end: Boundary, dayStart: Instant, nextDayStart: Instant
  ) -> DayPresence {
    let startRange = start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
    let endRange = end.possibleRange
    let lastSecond = nextDayStart.adding(seconds: -1)
    if !startRange.isPossibly(atOrBefore: lastSecond) {
      return DayPresence(kind: .notYet, certainlyFrom: nil, certainlyUntil: nil)
    }
    if let endRange, endRange.isCertainly(atOrBefore: dayStart) {
      return DayPresence(kind: .noLonger, certainlyFrom: nil, certainlyUntil: nil)
    }
    // The stretch certainly in force: from the latest possible start to the earliest possible end.
    let certainStart = startRange.latest.map { max($0, dayStart) }
    let certainEnd =
      endRange.map { range in range.earliest.map { min($0, nextDayStart) } ?? dayStart }
      ?? nextDayStart
    if let certainStart, certainStart < certainEnd {
      let whole = certainStart == dayStart && certainEnd == nextDayStart
      return DayPresence(
        kind: whole ? .allDay : .partOfDay, certainlyFrom: certainStart, certainlyUntil: certainEnd)
    }
    return DayPresence(kind: .possibly, certainlyFrom: nil, certainlyUntil: nil)
  }
}
