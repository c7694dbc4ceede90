/// When a pause or corridor group applies within its interval: its daily hours and the
/// stretches it was suspended.
///
/// A corridor group applies only when its pause does, so its rules include its pause's. Daily
/// hours reported differently by different sources are all kept: the strictest reading decides
/// what certainly applies, the widest what possibly does.
public struct Applicability: Hashable, Sendable {
  /// Daily hours, each version with its sources; empty when it applies all day.
  public var dailyHours: [Cited<DailyHours>]
  /// Suspensions.
  public var suspensions: [Suspension]

  /// Rules that never restrict.
  public static let always = Applicability(dailyHours: [], suspensions: [])

  /// Creates rules.
  public init(dailyHours: [Cited<DailyHours>], suspensions: [Suspension]) {
    self.dailyHours = dailyHours
    self.suspensions = suspensions
  }

  /// These rules together with another's (a corridor's and its pause's).
  public func combined(with other: Applicability) -> Applicability {
    Applicability(
      dailyHours: dailyHours + other.dailyHours, suspensions: suspensions + other.suspensions)
  }

  /// Why the rules stop the item applying at an instant: `nil` when they do not, a reason
  /// starting with "possibly" when only some readings stop it.
  public func restriction(at instant: Instant, zone: Zone) -> String? {
    let wall = zone.civil(at: instant)
    let minute = wall.hour * 60 + wall.minute
    let outside = dailyHours.filter { !$0.value.contains(minuteOfDay: minute) }
    if !outside.isEmpty {
      let hours = outside.map(\.value.description).joined(separator: ", ")
      return outside.count == dailyHours.count
        ? "outside its daily hours (\(hours) local)"
        : "possibly outside its daily hours (\(hours) local)"
    }
    for suspension in suspensions {
      switch Presence.of(start: suspension.from, end: suspension.to, at: instant) {
      case .inForce: return "suspended"
      case .possibly: return "possibly suspended"
      case .notYet, .noLonger: continue
      }
    }
    return nil
  }

  /// The parts of `spans` inside a day during which the rules certainly let the item apply:
  /// inside every version of its daily hours, outside every stretch it may have been suspended.
  func certainly(_ spans: [Span], on date: CivilDate, zone: Zone) -> [Span] {
    var result = spans
    for hours in dailyHours {
      result = result.clipped(to: window(hours.value, on: date, zone: zone))
    }
    for suspension in suspensions {
      guard let from = suspension.from.possibleRange else { continue }
      let until = suspension.to.possibleRange.map {
        $0.latest?.adding(seconds: 1) ?? .distantFuture
      }
      result = result.removing(
        Span(start: from.earliest ?? .distantPast, end: until ?? .distantFuture))
    }
    return result
  }

  /// The parts of `spans` during which the rules possibly let the item apply: inside some version
  /// of its daily hours, outside the stretches it was certainly suspended.
  func possibly(_ spans: [Span], on date: CivilDate, zone: Zone) -> [Span] {
    var result = spans
    if !dailyHours.isEmpty {
      result = dailyHours.flatMap { result.clipped(to: window($0.value, on: date, zone: zone)) }
    }
    for suspension in suspensions {
      guard let from = suspension.from.possibleRange?.latest else { continue }
      var until = Instant.distantFuture
      if let to = suspension.to.possibleRange {
        guard let earliest = to.earliest else { continue }
        until = earliest
      }
      result = result.removing(Span(start: from, end: until))
    }
    return result
  }

  private func window(_ hours: DailyHours, on date: CivilDate, zone: Zone) -> Span {
    Span(
      start: instant(of: hours.fromMinute, on: date, zone: zone),
      end: instant(of: hours.toMinute, on: date, zone: zone))
  }

  private func instant(of minute: Int, on date: CivilDate, zone: Zone) -> Instant {
    if minute >= 1440 { return zone.startOfDay(date.adding(days: 1)) }
    guard let wall = CivilDateTime(date: date, hour: minute / 60, minute: minute % 60) else {
      return zone.startOfDay(date)
    }
    switch zone.resolve(wall) {
    case .unique(let instant), .ambiguous(let instant, _): return instant
    case .nonexistent(let next): return next
    }
  }
}
