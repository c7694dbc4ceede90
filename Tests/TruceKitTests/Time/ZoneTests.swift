import Testing

@testable import TruceKit

@Suite("Local time in Aleppo through the tz database")
struct ZoneTests {
  let zone = TestLog.damascus

  @Test(
    "Local wall times resolve with the offset in force then",
    arguments: [
      ("2016-11-04T09:00", "2016-11-04T07:00Z"),  // UTC+2 after 27 October
      ("2016-11-04T19:00", "2016-11-04T17:00Z"),
      ("2016-10-18T10:00", "2016-10-18T07:00Z"),  // UTC+3 in early October
      ("2016-10-27T22:59", "2016-10-27T19:59Z"),
      ("2016-10-28T00:00", "2016-10-27T22:00Z"),
    ])
  func localToUTC(local: String, utc: String) throws {
    let range = try TimeSpec(parsing: local).resolved(in: zone)
    #expect(range.isExact)
    #expect(range.earliest?.iso8601 == utc)
  }

  @Test("The offset changes from +03:00 to +02:00 at 2016-10-27T21:00Z")
  func fallBack() throws {
    #expect(zone.offset(at: try TestLog.instant("2016-10-27T20:59Z")) == 3 * 3600)
    #expect(zone.offset(at: try TestLog.instant("2016-10-27T21:00Z")) == 2 * 3600)
  }

  @Test("A local time in the fall-back hour of 27 October 2016 is ambiguous, not resolved")
  func ambiguousHour() throws {
    let spec = try TimeSpec(parsing: "2016-10-27T23:30")
    #expect(
      throws: TimeSpecError.ambiguousLocalTime(
        "2016-10-27T23:30", zone: "Asia/Damascus", try TestLog.instant("2016-10-27T20:30Z"),
        try TestLog.instant("2016-10-27T21:30Z"))
    ) {
      try spec.resolved(in: zone)
    }
  }

  @Test("A local time skipped when clocks went forward is reported as never having happened")
  func springForwardGap() throws {
    // Damascus went from +02:00 to +03:00 at local midnight starting 25 March 2016.
    let spec = try TimeSpec(parsing: "2016-03-25T00:30")
    let next = try TestLog.instant("2016-03-24T22:00Z")
    #expect(
      throws: TimeSpecError.nonexistentLocalTime(
        "2016-03-25T00:30", zone: "Asia/Damascus", nextValid: next)
    ) {
      try spec.resolved(in: zone)
    }
    let day = try TimeSpec(parsing: "2016-03-25").resolved(in: zone)
    #expect(day.earliest?.iso8601 == "2016-03-24T22:00Z")
  }

  @Test("An instant with Z or an offset needs no zone; a local one does")
  func anchors() throws {
    #expect(
      try TimeSpec(parsing: "2016-11-04T19:00Z").resolved(in: nil).earliest?.iso8601
        == "2016-11-04T19:00Z")
    #expect(
      try TimeSpec(parsing: "2016-11-04T21:00+02:00").resolved(in: nil).earliest?.iso8601
        == "2016-11-04T19:00Z")
    #expect(throws: TimeSpecError.noZone("2016-11-04T21:00")) {
      try TimeSpec(parsing: "2016-11-04T21:00").resolved(in: nil)
    }
  }

  @Test("19:00 GMT and 7 p.m. local on 4 November are different instants")
  func gmtIsNotLocal() throws {
    let gmt = try TimeSpec(parsing: "2016-11-04T19:00Z").resolved(in: zone)
    let local = try TimeSpec(parsing: "2016-11-04T19:00").resolved(in: zone)
    #expect(gmt != local)
    #expect(gmt.earliest?.secondsSinceEpoch == (local.earliest?.secondsSinceEpoch ?? 0) + 7200)
  }

  @Test("An unknown zone is not a zone")
  func unknownZone() {
    #expect(Zone(identifier: "Asia/Atlantis") == nil)
    #expect(Zone(identifier: "Asia/Damascus") != nil)
    #expect(Zone(identifier: "UTC") != nil)
    #expect(Zone(identifier: "GMT+0500") == nil)
    #expect(Zone(identifier: "asia/damascus") == nil)
  }
}

@Suite("Precision and ranges")
struct PrecisionTests {
  let zone = TestLog.damascus

  @Test(
    "Coarse times cover their whole local period",
    arguments: [
      ("2016-11-04", "2016-11-03T22:00Z", "2016-11-04T21:59:59Z"),
      ("2016-10-18", "2016-10-17T21:00Z", "2016-10-18T20:59:59Z"),
      ("2016-10", "2016-09-30T21:00Z", "2016-10-31T21:59:59Z"),
      ("2016-W44", "2016-10-30T22:00Z", "2016-11-06T21:59:59Z"),
      ("2016-10-20/2016-10-21", "2016-10-19T21:00Z", "2016-10-21T20:59:59Z"),
    ])
  func coarseBounds(text: String, earliest: String, latest: String) throws {
    let range = try TimeSpec(parsing: text).resolved(in: zone)
    #expect(range.earliest?.iso8601 == earliest)
    #expect(range.latest?.iso8601 == latest)
  }

  @Test("Open-ended ranges have no bound on their open side")
  func openRanges() throws {
    let before = try TimeSpec(parsing: "../2016-11-04").resolved(in: zone)
    #expect(before.earliest == nil)
    #expect(before.latest?.iso8601 == "2016-11-04T21:59:59Z")
    let after = try TimeSpec(parsing: "2016-11-16/..").resolved(in: zone)
    #expect(after.earliest?.iso8601 == "2016-11-15T22:00Z")
    #expect(after.latest == nil)
    let undated = try TimeSpec(parsing: "../..").resolved(in: zone)
    #expect(undated.earliest == nil && undated.latest == nil)
  }

  @Test("Reports of one instant agree when their ranges overlap and dispute when they do not")
  func agreement() throws {
    let day = try TimeSpec(parsing: "2016-11-04").resolved(in: zone)
    let gmt = try TimeSpec(parsing: "2016-11-04T19:00Z").resolved(in: zone)
    let local = try TimeSpec(parsing: "2016-11-04T19:00").resolved(in: zone)
    #expect(day.intersection(gmt) == gmt)
    #expect(gmt.intersection(local) == nil)
    #expect(gmt.hull(local) == UncertainInstant(earliest: local.earliest, latest: gmt.latest))
  }
}
