/// Writes instants and reported times for people: local time with its offset, then UTC.
///
/// Offsets are printed, never zone abbreviations (Foundation's are wrong for Damascus).
public struct TimeFormatter: Sendable {
  /// The zone for local times.
  public var zone: Zone
  /// Show UTC only.
  public var utcOnly: Bool

  /// Creates a formatter.
  public init(zone: Zone, utcOnly: Bool = false) {
    self.zone = zone
    self.utcOnly = utcOnly
  }

  /// `2016-11-04 21:00 +02:00 (19:00Z)`, or `2016-11-04 19:00Z` when showing UTC only.
  public func instant(_ instant: Instant) -> String {
    let utc = instant.civil(atOffset: 0)
    if utcOnly { return "\(utc.date) \(utc.timeOfDay)Z" }
    let offset = zone.offset(at: instant)
    let local = instant.civil(atOffset: offset)
    let utcText = local.date == utc.date ? "\(utc.timeOfDay)Z" : "\(utc.date) \(utc.timeOfDay)Z"
    return "\(local.date) \(local.timeOfDay) \(formatOffset(offset)) (\(utcText))"
  }

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

  /// A range of possible instants: in days when both its bounds fall on local midnights,
  /// otherwise as instants.
  public func range(_ range: UncertainInstant) -> String {
    if range.isExact, let exact = range.earliest { return instant(exact) }
    let upperExclusive = range.latest?.adding(seconds: 1)
    let alignedToDays =
      !utcOnly
      && [range.earliest, upperExclusive].allSatisfy { bound in
        guard let bound else { return true }
        let wall = zone.civil(at: bound)
        return wall.hour == 0 && wall.minute == 0 && wall.second == 0
      }
    let lower = range.earliest.map {
      alignedToDays ? zone.civil(at: $0).date.description : instant($0)
    }
    let upper = upperExclusive.map { bound in
      alignedToDays
        ? zone.civil(at: bound).date.adding(days: -1).description
        : instant(bound.adding(seconds: -1))
    }
    switch (lower, upper) {
    case (nil, nil): return "at any time"
    case (let lower?, nil): return "on or after \(lower)"
    case (nil, let upper?): return "on or before \(upper)"
    case (let lower?, let upper?):
      return lower == upper ? "\(lower) (day only)" : "between \(lower) and \(upper)"
    }
  }

  private func bound(_ spec: TimeSpec, _ instant: Instant?) -> String {
    if case .instant = spec, let instant { return self.instant(instant) }
    return spec.description
  }
}
