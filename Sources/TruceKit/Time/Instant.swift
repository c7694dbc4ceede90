#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A point on the UTC timeline, to the second.
///
/// Instants are what the projection compares; every ``TimeSpec`` in the log resolves to one or
/// to a range of them through the zone it was given in.
public struct Instant: Hashable, Comparable, Sendable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var secondsSinceEpoch: Int64

  /// Creates an instant from seconds since the Unix epoch.
  public init(secondsSinceEpoch: Int64) {
    self.secondsSinceEpoch = secondsSinceEpoch
  }

  public static func < (lhs: Instant, rhs: Instant) -> Bool {
    lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
  }

  /// The system clock's time now, to the second (rounded down).
  public static func now() -> Instant {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return Instant(secondsSinceEpoch: Int64(time.tv_sec))
  }

  /// An instant before any the log can name, for open-ended spans.
  public static let distantPast = Instant(secondsSinceEpoch: -(1 << 50))
  /// An instant after any the log can name, for open-ended spans.
  public static let distantFuture = Instant(secondsSinceEpoch: 1 << 50)

  /// The instant `seconds` later (or earlier, when negative).
  public func adding(seconds: Int64) -> Instant {
    Instant(secondsSinceEpoch: secondsSinceEpoch + seconds)
  }

  /// The civil date and time this instant shows at a fixed UTC offset.
  ///
  /// - Parameter offsetSeconds: The offset east of UTC, in seconds.
  public func civil(atOffset offsetSeconds: Int) -> CivilDateTime {
    CivilDateTime(secondsSinceEpochAsIfUTC: secondsSinceEpoch + Int64(offsetSeconds))
  }

  /// The instant as `2016-11-04T07:00Z` (seconds shown only when not zero).
  public var iso8601: String {
    let wall = civil(atOffset: 0)
    return TimeText.wall(wall, utc: true) ?? wall.iso8601 + "Z"
  }
}
