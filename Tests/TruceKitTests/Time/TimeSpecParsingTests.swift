import Testing

@testable import TruceKit

@Suite("Reading times")
struct TimeSpecParsingTests {
  @Test(
    "Every accepted form reads and writes back unchanged",
    arguments: [
      "2016-11-04T19:00Z", "2016-11-04T09:00+02:00", "2016-11-04T09:00-05:30", "2016-11-04T09:00",
      "2016-11-04T09:00:30", "2016-11-04", "2016-W44", "2016-11", "2016-10-20/2016-10-21",
      "../2016-11-04", "2016-11-16/..", "../..", "2016-09/2016-10-05",
    ])
  func roundTrips(text: String) throws {
    #expect(try TimeSpec(parsing: text).description == text)
  }

  @Test(
    "Impossible dates are rejected, not rolled over",
    arguments: [
      "2016-02-30", "2015-02-29", "2016-04-31", "2016-13", "2016-00", "2016-11-00", "2016-W54",
      "0000-W38", "0000-05", "0000-01-04",
    ])
  func impossibleDates(text: String) {
    #expect(throws: TimeSpecError.nonexistentDate(text)) { try TimeSpec(parsing: text) }
  }

  @Test(
    "Text in no accepted form is malformed",
    arguments: [
      "", "yesterday", "2016-11-04 12:00", "2016-11-4", "16-11-04", "2016-11-04T9:00",
      "2016-11-04T19:00GMT",
      "2016-11-04T19:00+2", "2016-11-04T19:00+15:00",
      "2016/11/04",
      "2016-11-04T19:00Zjunk", "2016-11-04T09:00Z+02:00", "2016-11-04T09:00+14:01",
    ])
  func malformed(text: String) {
    #expect(throws: TimeSpecError.self) { try TimeSpec(parsing: text) }
  }

  @Test(
    "A time of day out of range is named as such",
    arguments: ["2016-11-04T24:00", "2016-11-04T12:60"])
  func invalidTimeOfDay(text: String) {
    #expect(throws: TimeSpecError.invalidTimeOfDay(text)) { try TimeSpec(parsing: text) }
  }

  @Test("A range of fixed instants that ends before it starts is rejected")
  func rangeBackwards() {
    #expect(throws: TimeSpecError.endBeforeStart("2016-11-04T19:00Z/2016-11-04T18:00Z")) {
      try TimeSpec(parsing: "2016-11-04T19:00Z/2016-11-04T18:00Z")
    }
  }

  @Test("29 February exists in leap years only")
  func leapDay() throws {
    #expect(
      try TimeSpec(parsing: "2016-02-29")
        == .day(try #require(CivilDate(year: 2016, month: 2, day: 29))))
    #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
    #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
  }
}

@Suite("Calendar arithmetic")
struct CivilDateTests {
  @Test(
    "Weekdays of the dates the articles name",
    arguments: [
      ("2016-10-18", Weekday.tuesday), ("2016-10-20", .thursday), ("2016-10-21", .friday),
      ("2016-11-01", .tuesday), ("2016-11-02", .wednesday), ("2016-11-04", .friday),
      ("2016-11-16", .wednesday),
      ("1970-01-01", .thursday), ("2000-02-29", .tuesday),
    ])
  func weekdays(text: String, weekday: Weekday) throws {
    guard case .day(let date) = try TimeSpec(parsing: text) else {
      Issue.record("\(text) is not a day")
      return
    }
    #expect(date.weekday == weekday)
  }

  @Test(
    "Days since the epoch convert both ways", arguments: [-800_000, -1, 0, 1, 17_109, 2_932_896])
  func daysRoundTrip(days: Int64) {
    #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
  }

  @Test("Every date from year 1 to 9999 is one day after the date before it")
  func everyDateCounted() {
    // The dates of a log's years take a shorter way than the dates before year 1.
    var expected = CivilDate.daysSinceEpoch(year: 0, month: 12, day: 31)
    var mismatches: [String] = []
    for year in 1...9999 {
      for month in 1...12 {
        let last = TimeTextScanner.Gregorian.dayCount(month: month, year: year)
        for day in 1...last {
          expected += 1
          let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
          // Each month's ends read back as the same dates, by the other way of counting.
          let readBack =
            (day > 1 && day < last)
            || CivilDate(daysSinceEpoch: days) == CivilDate(year: year, month: month, day: day)
          if days != expected || !readBack { mismatches.append("\(year)-\(month)-\(day)") }
        }
      }
    }
    #expect(mismatches.isEmpty)
    #expect(expected == CivilDate(year: 9999, month: 12, day: 31)?.daysSinceEpoch)
  }

  @Test(
    "A day past the end of its month counts on into the next",
    arguments: [(2016, 2, 30, 2016, 3, 1), (2015, 2, 29, 2015, 3, 1), (2016, 12, 32, 2017, 1, 1)])
  func dayPastMonthEnd(year: Int, month: Int, day: Int, nextYear: Int, nextMonth: Int, nextDay: Int)
  {
    #expect(
      CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        == CivilDate.daysSinceEpoch(year: nextYear, month: nextMonth, day: nextDay))
  }
}
