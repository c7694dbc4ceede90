/// A wall-clock date and time with no zone: what a clock on a wall in some place showed.
///
/// Hour, minute and second are kept in a byte each: setting one to a value that does not fit
/// clamps it; the failable initializer admits only real times.
public struct CivilDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The calendar date.
  public var date: CivilDate
  private var storedHour: UInt8
  private var storedMinute: UInt8
  private var storedSecond: UInt8

  /// The hour, 0 to 23.
  public var hour: Int {
    get { Int(storedHour) }
    set { storedHour = UInt8(clamping: newValue) }
  }
  /// The minute, 0 to 59.
  public var minute: Int {
    get { Int(storedMinute) }
    set { storedMinute = UInt8(clamping: newValue) }
  }
  /// The second, 0 to 59.
  public var second: Int {
    get { Int(storedSecond) }
    set { storedSecond = UInt8(clamping: newValue) }
  }

  /// Creates a wall time, or returns `nil` when the hour, minute or second is out of range.
  public init?(date: CivilDate, hour: Int, minute: Int, second: Int = 0) {
    guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else {
      return nil
    }
    self.date = date
    storedHour = UInt8(hour)
    storedMinute = UInt8(minute)
    storedSecond = UInt8(second)
  }

  /// The wall time that an instant shows when its seconds are read as if in UTC.
  init(secondsSinceEpochAsIfUTC seconds: Int64) {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let rest = Int(seconds - days * 86_400)
    date = CivilDate(daysSinceEpoch: days)
    storedHour = UInt8(rest / 3600)
    storedMinute = UInt8(rest / 60 % 60)
    storedSecond = UInt8(rest % 60)
  }

  /// Seconds since the epoch if this wall time were UTC; subtract an offset to get an instant.
  public var secondsSinceEpochAsIfUTC: Int64 {
    date.daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + second)
  }

  /// The time of day as `09:00` (with `:SS` when the seconds are not zero).
  public var timeOfDay: String {
    second == 0
      ? "\(pad(hour, 2)):\(pad(minute, 2))" : "\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
  }

  /// The wall time as `2016-11-04T09:00`.
  public var iso8601: String { TimeText.wall(self, utc: false) ?? "\(date)T\(timeOfDay)" }

  public var description: String { iso8601 }

  public static func < (lhs: CivilDateTime, rhs: CivilDateTime) -> Bool {
    lhs.secondsSinceEpochAsIfUTC < rhs.secondsSinceEpochAsIfUTC
  }
}
