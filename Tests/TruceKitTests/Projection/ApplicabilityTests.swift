import Testing

@testable import TruceKit

@Suite("Daily hours, suspensions and closures")
struct ApplicabilityTests {
  let hoursPause = TestLog.event(
    1, "d", "pause.declared", announced: "2016-11-01",
    #""pause":"p","kind":"pause","window":{"start":"2016-11-01T00:00"},"dailyHours":{"from":"09:00","to":"17:00"}"#
  )

  private func answer(_ log: EventLog, _ moment: String) throws -> AtAnswer {
    let zone = TestLog.damascus
    return AtQuery(moment: try Moment(parsing: moment, zone: zone), zone: zone).answer(from: log)
  }

  private func item(_ answer: AtAnswer, _ id: String) throws -> ItemStatus {
    try #require(answer.items.first { $0.id == id })
  }

  @Test("A pause with daily hours applies inside them only, at an instant and over a day")
  func dailyHours() throws {
    let log = try TestLog.parse([hoursPause])
    #expect(try item(answer(log, "2016-11-04T12:00"), "p").section == .inForce)
    let evening = try item(answer(log, "2016-11-04T20:00"), "p")
    #expect(evening.section == .notApplying)
    #expect(evening.qualifier == "outside its daily hours (09:00–17:00 local)")
    let day = try item(answer(log, "2016-11-04"), "p")
    #expect(day.section == .partOfDay)
    #expect(
      day.day?.certainly == [
        Span(
          start: try TestLog.instant("2016-11-04T07:00Z"),
          end: try TestLog.instant("2016-11-04T15:00Z"))
      ])
  }

  @Test("Differing daily hours are a dispute; outside only one version is 'possibly'")
  func disputedHours() throws {
    let log = try TestLog.parse([
      hoursPause,
      TestLog.event(
        2, "e", "pause.declared", announced: "2016-11-01", source: "Wire B",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-01T00:00"},"dailyHours":{"from":"08:00","to":"20:00"}"#
      ),
    ])
    let answer = try answer(log, "2016-11-04T18:00")
    #expect(try item(answer, "p").section == .possibly)
    #expect(answer.disputes.contains { $0.subject == "p" && $0.aspect == "daily hours" })
  }

  @Test("A suspension with no resumption stops the pause applying, over whole days too")
  func openSuspension() throws {
    let log = try TestLog.parse([
      hoursPause,
      TestLog.event(
        2, "s", "pause.suspended", announced: "2016-11-03", #""pause":"p","at":"2016-11-03T12:00""#),
      TestLog.event(
        3, "c", "corridor.opened", announced: "2016-11-01",
        #""corridor":"cs","pause":"p","users":["civilians"]"#),
    ])
    #expect(try item(answer(log, "2016-11-04"), "p").section == .notApplying)
    let third = try item(answer(log, "2016-11-03"), "p")
    #expect(third.section == .partOfDay)
    #expect(third.day?.certainly.map(\.end) == [try TestLog.instant("2016-11-03T10:00Z")])
    let corridor = try item(answer(log, "2016-11-04T12:00"), "cs")
    #expect(corridor.section == .notApplying)
    #expect(corridor.qualifier == "suspended")
  }

  @Test("Closed corridors are no longer in force after their closure")
  func closure() throws {
    let log = try TestLog.parse([
      hoursPause,
      TestLog.event(
        2, "c", "corridor.opened", announced: "2016-11-01",
        #""corridor":"cs","pause":"p","users":["civilians"]"#),
      TestLog.event(
        3, "x", "corridor.closed", announced: "2016-11-05",
        #""corridor":"cs","at":"2016-11-05T10:00""#),
    ])
    #expect(try item(answer(log, "2016-11-05T09:30"), "cs").section == .inForce)
    #expect(try item(answer(log, "2016-11-05T10:30"), "cs").section == .noLonger)
  }

  @Test("A second declaration giving another end is weighed, not taken over the first")
  func redeclarationCompetes() throws {
    let log = try TestLog.parse([
      TestLog.event(
        1, "a", "pause.declared", announced: "2016-11-01",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-01","end":"2016-11-05T19:00"}"#),
      TestLog.event(
        2, "b", "pause.declared", announced: "2016-11-02", source: "Wire B",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-01","end":"2016-11-04T19:00"}"#),
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(track.end.isDisputed)
    #expect(try item(answer(log, "2016-11-04T20:00"), "p").section == .possibly)
  }

  @Test("With no start given, a pause starts with the announcement certainly made first")
  func derivedStart() throws {
    let log = try TestLog.parse([
      TestLog.event(
        1, "late", "pause.declared", announced: "2016-11-03", #""pause":"p","kind":"pause""#),
      TestLog.event(
        2, "early", "pause.declared", announced: "2016-11-01", source: "Wire B",
        #""pause":"p","kind":"pause""#),
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(track.start.reports.map(\.eventID) == ["early"])
    #expect(try item(answer(log, "2016-11-02T12:00"), "p").section == .inForce)
  }
}
