/// The moment a question is about: an instant, or a whole local calendar day.
public enum Moment: Hashable, Sendable {
  /// An instant, with the text it was given as.
  case instant(Instant, given: TimeSpec)
  /// A local calendar day, from its first instant up to (not including) the next day's first.
  case day(CivilDate, start: Instant, nextStart: Instant)

  /// Reads a moment: `2016-11-04T12:00` (local), `2016-11-04T10:00Z`, `…+02:00`, or `2016-11-04`.
  ///
  /// - Parameters:
  ///   - text: The moment as typed.
  ///   - zone: The zone for local times and days; `nil` when none could be chosen.
  /// - Throws: ``MomentError`` when the text is not a moment or cannot be placed in the zone.
  public init(parsing text: String, zone: Zone?) throws(MomentError) {
    let spec: TimeSpec
    do { spec = try TimeSpec(parsing: text) } catch { throw .notATime(error) }
    switch spec {
    case .instant(_, let anchor):
      if anchor == .local && zone == nil { throw .needsZone }
      do {
        guard let instant = try spec.resolved(in: zone).earliest else {
          throw MomentError.notAMoment
        }
        self = .instant(instant, given: spec)
      } catch let error as TimeSpecError {
        throw .notATime(error)
      } catch {
        throw .notAMoment
      }
    case .day(let date):
      guard let zone else { throw .needsZone }
      self = .day(
        date, start: zone.startOfDay(date), nextStart: zone.startOfDay(date.adding(days: 1)))
    case .week, .month, .range:
      throw .notAMoment
    }
  }

  /// The instant knowledge is taken at when this moment is an as-of: a day means its end.
  public var asOfInstant: Instant {
    switch self {
    case .instant(let instant, _): return instant
    case .day(_, _, let nextStart): return nextStart.adding(seconds: -1)
    }
  }
}

/// Why a moment could not be read.
public enum MomentError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not a time, or not one that can be placed.
  case notATime(TimeSpecError)
  /// The text is a week, month or range rather than an instant or a day.
  case notAMoment
  /// A local time or day was given, but the log's areas have several zones and no area was named.
  case needsZone

  public var description: String {
    switch self {
    case .notATime(let error): return error.description
    case .notAMoment:
      return "a moment is an instant (2016-11-04T12:00, 2016-11-04T10:00Z, 2016-11-04T12:00+02:00) "
        + "or a day (2016-11-04)"
    case .needsZone:
      return
        "the log's areas lie in several time zones: give an offset (Z or +02:00) or pick an area "
        + "with --area"
    }
  }
}
