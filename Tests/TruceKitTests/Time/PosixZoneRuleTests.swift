import Testing

@testable import TruceKit

@Suite("POSIX TZ strings: the rules that continue a zone after its last listed change")
struct PosixZoneRuleTests {
  /// Seconds since the epoch of a UTC wall time.
  static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0)
    -> Int64
  {
    CivilDate.daysSinceEpoch(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600)
      + Int64(minute * 60)
  }

  @Test(
    "Offsets either side of each year's changes",
    arguments: [
      // Kyiv: last Sunday of March 03:00 local (01:00Z), last Sunday of October 04:00 (01:00Z).
      ("EET-2EEST,M3.5.0/3,M10.5.0/4", utc(2030, 3, 31, 0, 59), 7200),
      ("EET-2EEST,M3.5.0/3,M10.5.0/4", utc(2030, 3, 31, 1), 10_800),
      ("EET-2EEST,M3.5.0/3,M10.5.0/4", utc(2030, 10, 27, 0, 59), 10_800),
      ("EET-2EEST,M3.5.0/3,M10.5.0/4", utc(2030, 10, 27, 1), 7200),
      // New York: second Sunday of March, first Sunday of November, 02:00 local by default.
      ("EST5EDT,M3.2.0,M11.1.0", utc(2040, 3, 11, 6, 59), -18_000),
      ("EST5EDT,M3.2.0,M11.1.0", utc(2040, 3, 11, 7), -14_400),
      ("EST5EDT,M3.2.0,M11.1.0", utc(2040, 11, 4, 5, 59), -14_400),
      ("EST5EDT,M3.2.0,M11.1.0", utc(2040, 11, 4, 6), -18_000),
      // Lord Howe: half an hour of daylight-saving time, in the southern summer.
      ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", utc(2040, 1, 15), 39_600),
      ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", utc(2040, 6, 15), 37_800),
      ("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", utc(2040, 12, 31, 23), 39_600),
      // Fixed offsets, west and east.
      ("<+03>-3", utc(2100, 7, 1), 10_800),
      ("<-0430>4:30", utc(2100, 7, 1), -16_200),
      ("UTC0", utc(2100, 7, 1), 0),
      // Day numbers: J60 is always 1 March; 59 (from 0) is 29 February in a leap year.
      ("AAA0BBB,J60/0,J300/0", utc(2040, 2, 29, 23, 59), 0),
      ("AAA0BBB,J60/0,J300/0", utc(2040, 3, 1), 3600),
      ("AAA0BBB,59/0,300/0", utc(2040, 2, 29), 3600),
      ("AAA0BBB,59/0,300/0", utc(2041, 2, 28, 23, 59), 0),
      // Times past midnight and before it (RFC 8536): 25:00 is 01:00 the next day.
      ("AAA0BBB,M3.5.0/25,M10.5.0/-1", utc(2030, 4, 1, 0, 59), 0),
      ("AAA0BBB,M3.5.0/25,M10.5.0/-1", utc(2030, 4, 1, 1), 3600),
    ])
  func offsets(rule: String, instant: Int64, expected: Int) throws {
    #expect(try PosixZoneRule(rule).offset(at: instant) == expected)
  }

  @Test("The next change is the first after the instant, across the year's end")
  func nextChanges() throws {
    let kyiv = try PosixZoneRule("EET-2EEST,M3.5.0/3,M10.5.0/4")
    #expect(kyiv.nextChange(after: Self.utc(2030, 1, 1)) == Self.utc(2030, 3, 31, 1))
    #expect(kyiv.nextChange(after: Self.utc(2030, 3, 31, 1)) == Self.utc(2030, 10, 27, 1))
    #expect(kyiv.nextChange(after: Self.utc(2030, 11, 1)) == Self.utc(2031, 3, 30, 1))
    // A daylight-saving time that ends two days into the next year (RFC 8536 allows 48:00):
    // the end of the year before is the first change of the year.
    let late = try PosixZoneRule("AAA0BBB,J300/0,J365/48")
    #expect(late.offset(at: Self.utc(2040, 1, 1, 12)) == 3600)
    #expect(late.nextChange(after: Self.utc(2040, 1, 1)) == Self.utc(2040, 1, 1, 23))
    let fixed = try PosixZoneRule("<+03>-3")
    #expect(fixed.nextChange(after: 0) == nil)
    // Daylight-saving time all year (RFC 8536's example): the rules' changes change nothing.
    let allYear = try PosixZoneRule("EST5EDT4,0/0,J365/25")
    #expect(allYear.offset(at: Self.utc(2040, 7, 1)) == -14_400)
    #expect(allYear.nextChange(after: Self.utc(2040, 7, 1)) == nil)
  }

  @Test(
    "Strings outside the grammar are refused",
    arguments: [
      "", "E", "EST", "EST5EDT", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0",
      "EST5EDT,M3.6.0,M11.1.0", "EST5EDT,M3.2.7,M11.1.0", "EST5EDT,J0,J365", "EST25",
      "<+03-3", "<>-3", "EST5EDT,M3.2.0,M11.1.0x", "EST5:60",
    ])
  func malformed(rule: String) {
    #expect(throws: TZifError.self) { try PosixZoneRule(rule) }
  }
}
