/// When something happened, exactly as precisely as its source said it.
///
/// An instant keeps the anchor its source gave: `19:00Z` ("1900 GMT") and `19:00` local
/// ("7 p.m. local time") are different instants. A day, week or month stays that coarse; a
/// range covers what the source's words allow ("on or before 2 November", or both dates when a
/// weekday contradicts its printed date). Nothing here imputes a time the source did not give.
///
/// Text forms, as written in the log and accepted on the command line:
///
/// | form | meaning |
/// | --- | --- |
/// | `2016-11-04T19:00Z` | an instant in UTC (GMT) |
/// | `2016-11-04T09:00+02:00` | an instant at a stated UTC offset |
/// | `2016-11-04T09:00` | an instant in the area's local time (its tz zone) |
/// | `2016-11-04` | a local calendar day, known to the day only |
/// | `2016-W44` | an ISO 8601 week (Monday to Sunday), local |
/// | `2016-11` | a calendar month, local |
/// | `2016-10-20/2016-10-21` | somewhere from the start of the first to the end of the second |
/// | `../2016-11-04` | on or before (the end of) 4 November |
/// | `2016-11-16/..` | on or after (the start of) 16 November |
/// | `../..` | not dated at all |
public enum TimeSpec: Hashable, Sendable, CustomStringConvertible {
  /// A wall time with its anchor.
  case instant(CivilDateTime, Anchor)
  /// A local calendar day.
  case day(CivilDate)
  /// An ISO 8601 week of a week-based year, local.
  case week(year: Int, week: Int)
  /// A calendar month, local.
  case month(year: Int, month: Int)
  /// Somewhere between two bounds, either of which may be open.
  indirect case range(from: TimeSpec?, to: TimeSpec?)

  /// How a wall time is tied to the UTC timeline.
  public enum Anchor: Hashable, Sendable {
    /// UTC, written `Z` (sources say "GMT").
    case utc
    /// A fixed offset east of UTC, in seconds.
    case offset(Int)
    /// The local time of the event's area, through its tz zone and historical rules.
    case local
  }

  /// The spec in its text form.
  public var description: String {
    if let text = TimeText.spec(self) { return text }
    switch self {
    case .instant(let wall, .utc): return wall.iso8601 + "Z"
    case .instant(let wall, .offset(let seconds)): return wall.iso8601 + formatOffset(seconds)
    case .instant(let wall, .local): return wall.iso8601
    case .day(let date): return date.description
    case .week(let year, let week): return "\(pad(year, 4))-W\(pad(week, 2))"
    case .month(let year, let month): return "\(pad(year, 4))-\(pad(month, 2))"
    case .range(let from, let to):
      return "\(from?.description ?? "..")/\(to?.description ?? "..")"
    }
  }

  /// Whether the spec names a single instant (no uncertainty).
  public var isExact: Bool {
    if case .instant = self { return true }
    return false
  }

  /// Whether the spec is a local wall time or a local calendar period, which needs a zone.
  public var needsZone: Bool {
    switch self {
    case .instant(_, .local), .day, .week, .month: return true
    case .instant: return false
    case .range(let from, let to): return (from?.needsZone ?? false) || (to?.needsZone ?? false)
    }
  }
}
