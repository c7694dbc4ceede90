import Testing

@testable import TruceKit

@Suite("Corrections and the as-of axis")
struct CorrectionAndKnowledgeTests {
  let declared = TestLog.event(
    1, "d", "pause.declared", announced: "2016-11-02",
    #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00","end":"2016-11-04T19:00"}"#)

  @Test("An erratum replaces the fields it sets, at every as-of moment")
  func erratumSets() throws {
    let log = try TestLog.parse([
      declared,
      TestLog.event(
        2, "fix", "correction.erratum", announced: "2016-12-01",
        #""corrects":"d","set":{"window":{"start":"2016-11-02T09:00","end":"2016-11-04T19:00Z"}}"#),
    ])
    for asOf in [nil, "2016-11-03T00:00Z"] {
      let knowledge = Knowledge(asOf: try asOf.map { try TestLog.instant($0) })
      let track = try #require(Projection(log: log, knowledge: knowledge).pause("p"))
      #expect(
        track.end.possibleRange
          == UncertainInstant(exactly: try TestLog.instant("2016-11-04T19:00Z")))
    }
    #expect(log.events.count == 2)
  }

  @Test("An erratum can void an event; the event stays in the file")
  func erratumVoids() throws {
    let log = try TestLog.parse([
      declared,
      TestLog.event(
        2, "fix", "correction.erratum", announced: "2016-12-01", #""corrects":"d","void":true"#),
    ])
    #expect(Projection(log: log).pause("p") == nil)
    #expect(log.events.map(\.id) == ["d", "fix"])
  }

  @Test("A retraction applies only from when it was announced")
  func retractionFromAnnouncement() throws {
    let log = try TestLog.parse([
      declared,
      TestLog.event(2, "r", "correction.retraction", announced: "2016-11-10", #""retracts":"d""#),
    ])
    #expect(Projection(log: log).pause("p") == nil)
    #expect(
      Projection(log: log, knowledge: Knowledge(asOf: try TestLog.instant("2016-11-05T00:00Z")))
        .pause("p") != nil)
    let straddling = Projection(
      log: log, knowledge: Knowledge(asOf: try TestLog.instant("2016-11-10T12:00Z")))
    #expect(straddling.possiblyRetracted["d"] == "r")
  }

  @Test(
    "As of a moment, an event is known, possibly known or unknown by its announcement",
    arguments: [
      ("2016-11-01T12:00Z", EventKnowledge.unknown), ("2016-11-02T12:00Z", .possiblyKnown),
      ("2016-11-02T21:59:59Z", .known), ("2016-11-05T00:00Z", .known),
    ])
  func knowledgeOfADayOnlyAnnouncement(asOf: String, expected: EventKnowledge) throws {
    let log = try TestLog.parse([declared])
    let event = try #require(log.events.first)
    #expect(Knowledge(asOf: try TestLog.instant(asOf)).status(of: event) == expected)
  }

  @Test("As of a day, knowledge is taken at the end of that local day")
  func asOfDay() throws {
    let moment = try Moment(parsing: "2016-11-01", zone: TestLog.damascus)
    #expect(moment.asOfInstant.iso8601 == "2016-11-01T21:59:59Z")
  }

  @Test("Facts resting on possibly known announcements are marked")
  func possiblyKnownMarked() throws {
    let log = try TestLog.parse([declared])
    let moment = try Moment(parsing: "2016-11-03T12:00", zone: TestLog.damascus)
    let asOf = try Moment(parsing: "2016-11-02T12:00", zone: TestLog.damascus)
    let answer = AtQuery(moment: moment, asOf: asOf, zone: TestLog.damascus).answer(from: log)
    #expect(answer.items.first?.possiblyKnown == true)
    let before = try Moment(parsing: "2016-11-01", zone: TestLog.damascus)
    #expect(
      AtQuery(moment: moment, asOf: before, zone: TestLog.damascus).answer(from: log).items.isEmpty)
  }
}
