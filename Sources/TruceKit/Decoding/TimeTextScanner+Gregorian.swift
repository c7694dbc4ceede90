extension TimeTextScanner {
  /// The proleptic Gregorian calendar's rules, as the scanner checks dates against them.
  ///
  /// These are the scanner's own, not ``CivilDate``'s, so that the two readers of times check
  /// each other in the tests.
  enum Gregorian {
    /// Whether a year has a 29 February: every fourth year, except centuries not divisible by 400.
    static func isLeap(_ year: Int) -> Bool {
      year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Whether `year-month-day` is a date of the calendar, for years 1 to 9999.
    static func isDate(year: Int, month: Int, day: Int) -> Bool {
      guard year >= 1, year <= 9999, month >= 1, month <= 12 else { return false }
      return day >= 1 && day <= dayCount(month: month, year: year)
    }

    /// The number of days in a month (1 to 12) of a year.
    static func dayCount(month: Int, year: Int) -> Int {
      switch month {
      case 2: return isLeap(year) ? 29 : 28
      case 4, 6, 9, 11: return 30
      default: return 31
      }
    }

    /// The number of ISO 8601 weeks (52 or 53) in a week-based year from 1 to 9999.
    ///
    /// A year has 53 weeks when it starts on a Thursday (the year before ends on a Wednesday) or
    /// ends on one (a leap year that starts on a Wednesday).
    static func isoWeekCount(year: Int) -> Int {
      weekdayOfDecember31(year) == 4 || weekdayOfDecember31(year - 1) == 3 ? 53 : 52
    }

    /// The weekday of 31 December of a year (0 or later), 0 for Sunday through 6 for Saturday.
    private static func weekdayOfDecember31(_ year: Int) -> Int {
      (year + year / 4 - year / 100 + year / 400) % 7
    }
  }
}
