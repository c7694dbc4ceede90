/// The order in which announcements are replayed, with the reason each is placed where it is.
///
/// An announcement sorts at the earliest time it can have been made: an exact instant at that
/// instant, one known only to a day (week, month, range) at that period's start. One known only
/// as "on or before" a date has no earliest time and sorts at its latest; an undated one sorts at
/// when its source reported it (or last, when that is unknown too). Announcements placed at the
/// same instant keep the more precise first, then the log's order.
public enum AnnouncementOrder {
  /// Where an event is placed on the announcement axis, and why.
  public struct Placement: Hashable, Sendable, Comparable {
    /// The instant it sorts at.
    public var instant: Instant
    /// How long the announcement's range is, in seconds (0 for an exact instant).
    public var width: Int64
    /// The event's position in the log.
    public var seq: Int
    /// How the placement was chosen, when the announcement is not an exact instant.
    public var rule: Rule

    public static func < (lhs: Placement, rhs: Placement) -> Bool {
      (lhs.instant, lhs.width, lhs.seq) < (rhs.instant, rhs.width, rhs.seq)
    }
  }

  /// How a placement was chosen; the raw value is the stable token written in JSON.
  public enum Rule: String, Hashable, Sendable {
    /// An exact instant.
    case exact
    /// The start of the day, week, month or range it is known to.
    case earliest
    /// Only an upper bound is known: placed at it.
    case latest
    /// Undated: placed at when its source reported it.
    case reported
    /// Nothing is known: placed last.
    case unknown

    /// The rule in words, for people.
    public var explanation: String {
      switch self {
      case .exact: return "an exact time"
      case .earliest: return "placed at the start of the period it is known to"
      case .latest: return "known only as on or before; placed at that bound"
      case .reported: return "placed at when its source reported it"
      case .unknown: return "its source is undated too; placed last"
      }
    }
  }

  /// The placement of one event.
  public static func placement(of event: Event) -> Placement {
    placement(announced: event.announced.range, reported: event.reported.range, seq: event.seq)
  }

  /// The placement of an event with these fields: what ``placement(of:)`` reads, for a caller
  /// that reads them in place (passing a whole event read from a list copied it first).
  static func placement(announced: UncertainInstant, reported: UncertainInstant, seq: Int)
    -> Placement
  {
    let width: Int64 =
      if let earliest = announced.earliest, let latest = announced.latest {
        latest.secondsSinceEpoch - earliest.secondsSinceEpoch
      } else { Int64.max }
    if let earliest = announced.earliest {
      return Placement(
        instant: earliest, width: width, seq: seq, rule: width == 0 ? .exact : .earliest)
    }
    if let latest = announced.latest {
      return Placement(instant: latest, width: width, seq: seq, rule: .latest)
    }
    if let reported = reported.earliest ?? reported.latest {
      return Placement(instant: reported, width: width, seq: seq, rule: .reported)
    }
    return Placement(instant: .distantFuture, width: width, seq: seq, rule: .unknown)
  }

  /// Events in replay order.
  public static func sorted(_ events: [Event]) -> [Event] {
    events.map { (placement(of: $0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
  }
}
