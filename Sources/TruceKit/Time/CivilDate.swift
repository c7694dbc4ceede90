/// A calendar date in the proleptic Gregorian calendar, with no zone.
///
/// Kept in 6 bytes (every event holds several dates): the year in 32 bits, month and day in 8.
/// Setting a field to a value that does not fit clamps it (a day of 300 reads back 255); the
/// failable initializer admits only real dates.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  private var storedYear: Int32
  private var storedMonth: UInt8
  private var storedDay: UInt8

  /// The year, e.g. 2016.
  public var year: Int {
    get { Int(storedYear) }
    set { storedYear = Int32(clamping: newValue) }
  }
  /// The month, 1 to 12.
  public var month: Int {
    get { Int(storedMonth) }
    set { storedMonth = UInt8(clamping: newValue) }
  }
  /// The day of the month, 1 to 31.
  public var day: Int {
    get { Int(storedDay) }
    set { storedDay = UInt8(clamping: newValue) }
  }

  /// Creates a date, or returns `nil` if the date does not exist (2016-02-30, month 13).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.init(unchecked: year, month, day)
  }

  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    storedYear = Int32(clamping: year)
    storedMonth = UInt8(clamping: month)
    storedDay = UInt8(clamping: day)
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in a month.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 1970-01-01 (negative before it).
  ///
  /// Howard Hinnant's `days_from_civil`, exact over the whole Gregorian range.
  public var daysSinceEpoch: Int64 { Self.daysSinceEpoch(year: year, month: month, day: day) }

  /// Days since 1970-01-01 of a year, month and day, not checked (a day past the month's end
  /// counts on into the next).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
    // Years from 1 on, months of the calendar and days from the first, as every date a log
    // writes: counted without eras, in unsigned arithmetic (a division by a constant is then a
    // multiplication, with no correction for a negative dividend).
    if year >= 1, (1...12).contains(month), day >= 1 {
      let countedYear = UInt64(month <= 2 ? year - 1 : year)
      let monthFromMarch = UInt64(month <= 2 ? month + 9 : month - 3)
      let dayOfCountedYear = (153 * monthFromMarch + 2) / 5 + UInt64(day) - 1
      let days =
        countedYear * 365 + countedYear / 4 - countedYear / 100 + countedYear / 400
        + dayOfCountedYear
      // 719,468 days run from 0000-03-01 to 1970-01-01.
      return Int64(days) - 719_468
    }
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The date `daysSinceEpoch` days after 1970-01-01.
  public init(daysSinceEpoch days: Int64) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    self.init(unchecked: Int(year), Int(month), Int(day))
  }

  /// The date `count` days later (earlier when negative).
  public func adding(days count: Int) -> CivilDate {
    CivilDate(daysSinceEpoch: daysSinceEpoch + Int64(count))
  }

  /// The day of the week.
  public var weekday: Weekday {
    // 1970-01-01 was a Thursday.
    let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
    return Weekday.allCases[Int(index)]
  }

  /// The date as `2016-11-04`.
  public var description: String {
    TimeText.date(self) ?? "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// A day of the week, Monday first as in ISO 8601.
public enum Weekday: String, CaseIterable, Sendable {
  case monday, tuesday, wednesday, thursday, friday, saturday, sunday

  /// The English name, capitalised: "Friday".
  public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}

/// Left-pads a non-negative number with zeros to `width` digits.
func pad(_ value: Int, _ width: Int) -> String {
  let digits = String(value)
  return digits.count >= width
    ? digits : String(repeating: "0", count: width - digits.count) + digits
}
