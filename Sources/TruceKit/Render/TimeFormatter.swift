/// Writes instants and reported times for people: local time with its offset, then UTC.
///
/// Offsets are printed, never zone abbreviations: they are ambiguous, and the tz database gives
/// Damascus only a numeric one (`+03`) since 2022.
public struct TimeFormatter: Sendable {
  /// The zone for local times.
  public var zone: Zone
  /// Show UTC only.
  public var utcOnly: Bool

  /// UTC, for logs that declare no zone at all.
  public static let fallbackZone: Zone = {
    guard let zone = Zone(identifier: "UTC") else {
      preconditionFailure("the tz database has no UTC")
    }
    return zone
  }()

  /// Creates a formatter.
  public init(zone: Zone, utcOnly: Bool = false) {
    self.zone = zone
    self.utcOnly = utcOnly
  }

  /// `2016-11-04 21:00 +02:00 (19:00Z)`, or `2016-11-04 19:00Z` when showing UTC only.
  public func instant(_ instant: Instant) -> String {
    let utc = instant.civil(atOffset: 0)
    if utcOnly { return TimeText.shownUTC(utc) ?? TimeFormatter.plainUTC(utc) }
    let offset = zone.offset(at: instant)
    let local = instant.civil(atOffset: offset)
    return TimeText.shown(local: local, utc: utc, offset: offset)
      ?? TimeFormatter.plain(local: local, utc: utc, offset: offset)
  }

  /// ``instant(_:)``'s text by interpolation: for years outside 1 to 9999, which ``TimeText``
  /// leaves to it, and for the tests to hold the two to the same text.
  static func plain(local: CivilDateTime, utc: CivilDateTime, offset: Int) -> String {
    let utcText = local.date == utc.date ? "\(utc.timeOfDay)Z" : "\(utc.date) \(utc.timeOfDay)Z"
    return "\(local.date) \(local.timeOfDay) \(formatOffset(offset)) (\(utcText))"
  }

  /// ``instant(_:)``'s text in UTC only, by interpolation.
  static func plainUTC(_ utc: CivilDateTime) -> String { "\(utc.date) \(utc.timeOfDay)Z" }

  /// A moment: the instant, or "the end of" a day (as an as-of moment is read).
  public func moment(_ moment: Moment) -> String {
    switch moment {
    case .instant(let instant, _): return self.instant(instant)
    case .day(let date, _, _): return "the end of \(date)"
    }
  }

  /// A reported time as its source gave it, placed on the timeline.
  public func stamp(_ spec: TimeSpec, range: UncertainInstant) -> String {
    switch spec {
    case .instant:
      return range.earliest.map(instant) ?? spec.description
    case .day(let date): return "\(date) (day only)"
    case .week: return "\(spec) (week only)"
    case .month: return "\(spec) (month only)"
    case .range(let from, let to):
      switch (from, to) {
      case (nil, nil): return "undated"
      case (let from?, nil): return "on or after \(bound(from, range.earliest))"
      case (nil, let to?): return "on or before \(bound(to, range.latest))"
      case (let from?, let to?):
        return "between \(bound(from, range.earliest)) and \(bound(to, range.latest))"
      }
    }
  }

  /// A range of possible instants, with each bound that falls on a local midnight shown as a
  /// day: `between 2016-11-01 and 2016-11-02`, `between 2016-11-01 12:00 +02:00 (10:00Z) and the
  /// end of 2016-11-01`.
  public func range(_ range: UncertainInstant) -> String {
    if range.isExact, let exact = range.earliest { return instant(exact) }
    let upperExclusive = range.latest?.adding(seconds: 1)
    let lowerDay = range.earliest.flatMap(midnightDate)
    let upperDay = upperExclusive.flatMap(midnightDate)?.adding(days: -1)
    if let lowerDay, let upperDay {
      return lowerDay == upperDay ? "\(lowerDay) (day only)" : "between \(lowerDay) and \(upperDay)"
    }
    let lower = range.earliest.map { lowerDay?.description ?? instant($0) }
    let upper = upperExclusive.map { bound in
      upperDay.map { "the end of \($0)" } ?? instant(bound.adding(seconds: -1))
    }
    switch (lower, upper) {
    case (nil, nil): return "at any time"
    case (let lower?, nil): return "on or after \(lower)"
    case (nil, let upper?): return "by \(upper)"
    case (let lower?, let upper?): return "between \(lower) and \(upper)"
    }
  }

  /// The local date of an instant that falls on a local midnight, else `nil`.
  private func midnightDate(_ instant: Instant) -> CivilDate? {
    guard !utcOnly else { return nil }
    let wall = zone.civil(at: instant)
    return wall.hour == 0 && wall.minute == 0 && wall.second == 0 ? wall.date : nil
  }

  private func bound(_ spec: TimeSpec, _ instant: Instant?) -> String {
    if case .instant = spec, let instant { return self.instant(instant) }
    return spec.description
  }
}
