/// Why a time could not be read or placed on the timeline.
public enum TimeSpecError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not one of the accepted forms.
  case malformed(String)
  /// The date does not exist, such as 2016-02-30.
  case nonexistentDate(String)
  /// The local wall time happened twice (clocks went back); both instants are given.
  case ambiguousLocalTime(String, zone: String, Instant, Instant)
  /// The local wall time never happened (clocks went forward); the first instant after the gap
  /// is given.
  case nonexistentLocalTime(String, zone: String, nextValid: Instant)
  /// The hour, minute or second is out of range (such as `24:00`).
  case invalidTimeOfDay(String)
  /// A range whose end is before its start.
  case endBeforeStart(String)
  /// A local time or period given where no zone is known.
  case noZone(String)

  public var description: String {
    switch self {
    case .malformed(let text):
      return "'\(text)' is not a time: expected 2016-11-04T19:00Z, 2016-11-04T09:00+02:00, "
        + "2016-11-04T09:00 (local), 2016-11-04, 2016-W44, 2016-11, or a range such as "
        + "2016-10-20/2016-10-21, ../2016-11-04 or 2016-11-16/.."
    case .nonexistentDate(let text):
      return "'\(text)' is not a date in the calendar"
    case .ambiguousLocalTime(let text, let zone, let first, let second):
      return "local time '\(text)' happened twice in \(zone) (clocks went back): it is either "
        + "\(first.iso8601) or \(second.iso8601); give an offset"
    case .nonexistentLocalTime(let text, let zone, let next):
      return "local time '\(text)' never happened in \(zone) (clocks went forward; the next "
        + "valid instant is \(next.iso8601)); give an offset"
    case .invalidTimeOfDay(let text):
      return "'\(text)' is not a time of day: hours run 00 to 23, minutes and seconds 00 to 59"
    case .endBeforeStart(let text):
      return "'\(text)' ends before it starts"
    case .noZone(let text):
      return "'\(text)' is a local time, but no zone is known for it: give an offset or an area"
    }
  }
}
