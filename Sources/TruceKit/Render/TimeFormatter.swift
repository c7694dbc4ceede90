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

  /// A range of possible instants, in days where it is day-aligned.
  public func range(_ range: UncertainInstant) -> String {
    if range.isExact, let exact = range.earliest { return instant(exact) }
    let lower = range.earliest.map { dayOrInstant($0, isEnd: false) }
    let upper = range.latest.map { dayOrInstant($0.adding(seconds: 1), isEnd: true) }
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

  private func dayOrInstant(_ instant: Instant, isEnd: Bool) -> String {
    let local = zone.civil(at: instant)
    if !utcOnly && local.hour == 0 && local.minute == 0 && local.second == 0 {
      return (isEnd ? local.date.adding(days: -1) : local.date).description
    }
    return self.instant(isEnd ? instant.adding(seconds: -1) : instant)
  }
}
