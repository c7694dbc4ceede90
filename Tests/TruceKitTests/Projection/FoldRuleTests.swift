import Testing

@testable import TruceKit

@Suite("Folding pauses")
struct FoldRuleTests {
  private func declare(
    _ seq: Int, _ id: String, announced: String, source: String = "Wire A", window: String
  ) -> String {
    TestLog.event(
      seq, id, "pause.declared", announced: announced, source: source,
      #""pause":"p","kind":"humanitarian-pause","window":\#(window)"#)
  }

  private func presence(_ log: EventLog, _ instant: String, asOf: String? = nil) throws -> Presence
  {
    let knowledge = Knowledge(asOf: try asOf.map { try TestLog.instant($0) })
    let track = try #require(Projection(log: log, knowledge: knowledge).pause("p"))
    return Presence.of(start: track.start, end: track.end, at: try TestLog.instant(instant))
  }

  @Test("A pause is in force from its start until its end, not at the end itself")
  func halfOpenInterval() throws {
    let log = try TestLog.parse([
      declare(
        1, "d", announced: "2016-11-02",
        window: #"{"start":"2016-11-04T09:00","end":"2016-11-04T19:00"}"#)
    ])
    #expect(try presence(log, "2016-11-04T06:59Z") == .notYet)
    #expect(try presence(log, "2016-11-04T07:00Z") == .inForce)
    #expect(try presence(log, "2016-11-04T16:59Z") == .inForce)
    #expect(try presence(log, "2016-11-04T17:00Z") == .noLonger)
  }

  @Test("A boundary known only to the day makes that day 'possibly'")
  func dayPrecision() throws {
    let log = try TestLog.parse([
      declare(1, "d", announced: "2016-10-18", window: #"{"start":"2016-10-18"}"#)
    ])
    #expect(try presence(log, "2016-10-18T12:00Z") == .possibly)
    #expect(try presence(log, "2016-10-19T12:00Z") == .inForce)
    #expect(try presence(log, "2016-10-17T12:00Z") == .notYet)
  }

  @Test("Something with no end reported stays open; nothing invents an end")
  func openEnded() throws {
    let log = try TestLog.parse([
      declare(1, "d", announced: "2016-10-18", window: #"{"start":"2016-10-18T10:00"}"#)
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(track.end.state == .notReported)
    #expect(try presence(log, "2030-01-01T00:00Z") == .inForce)
  }

  @Test("An extension certainly announced later supersedes the earlier end")
  func extensionSupersedes() throws {
    let log = try TestLog.parse([
      declare(
        1, "d", announced: "2016-11-01",
        window: #"{"start":"2016-11-01T09:00","end":"2016-11-02T19:00"}"#),
      TestLog.event(
        2, "x", "pause.extended", announced: "2016-11-02", #""pause":"p","end":"2016-11-04T19:00Z""#
      ),
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(track.end.reports.map(\.eventID) == ["x"])
    #expect(try presence(log, "2016-11-03T12:00Z") == .inForce)
    #expect(try presence(log, "2016-11-03T12:00Z", asOf: "2016-11-01T20:00Z") == .noLonger)
  }

  @Test("An extension whose new end is not reported leaves the pause open")
  func extensionWithoutEnd() throws {
    let log = try TestLog.parse([
      declare(
        1, "d", announced: "2016-11-01",
        window: #"{"start":"2016-11-01T09:00","end":"2016-11-02T19:00"}"#),
      TestLog.event(2, "x", "pause.extended", announced: "2016-11-02", #""pause":"p","end":null"#),
    ])
    #expect(try #require(Projection(log: log).pause("p")).end.state == .notReported)
  }

  @Test("Reports of one end that cannot be ordered and differ are disputed, each kept")
  func disputedEnd() throws {
    let log = try TestLog.parse([
      declare(1, "d", announced: "2016-11-01", window: #"{"start":"2016-11-02"}"#),
      TestLog.event(
        2, "gmt", "pause.extended", announced: "2016-11-02", source: "Wire A",
        #""pause":"p","end":"2016-11-04T19:00Z""#),
      TestLog.event(
        3, "local", "pause.extended", announced: "2016-11-01/2016-11-03", source: "Wire B",
        #""pause":"p","end":"2016-11-04T19:00""#),
    ])
    let projection = Projection(log: log)
    let track = try #require(projection.pause("p"))
    #expect(track.end.isDisputed)
    #expect(Set(track.end.reports.map(\.eventID)) == ["gmt", "local"])
    #expect(try presence(log, "2016-11-04T16:00Z") == .inForce)
    #expect(try presence(log, "2016-11-04T18:00Z") == .possibly)
    #expect(try presence(log, "2016-11-04T19:30Z") == .noLonger)
    #expect(
      projection.disputes.contains {
        $0.subject == "p" && $0.aspect == "end" && $0.versions.count == 2
      })
  }

  @Test("Reports that differ only in precision agree on the tighter one")
  func refinement() throws {
    let log = try TestLog.parse([
      declare(
        1, "d", announced: "2016-11-01", source: "Wire A",
        window: #"{"start":"2016-11-02","end":"2016-11-04"}"#),
      declare(
        2, "e", announced: "2016-11-01", source: "Wire B",
        window: #"{"start":"2016-11-02","end":"2016-11-04T19:00Z"}"#),
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(!track.end.isDisputed)
    #expect(
      track.end.state
        == .agreed(UncertainInstant(exactly: try TestLog.instant("2016-11-04T19:00Z"))))
  }

  @Test("A reported ending takes precedence over the planned end")
  func endingOverridesPlan() throws {
    let log = try TestLog.parse([
      declare(
        1, "d", announced: "2016-11-01", window: #"{"start":"2016-11-01T09:00","end":"2016-11-10"}"#
      ),
      TestLog.event(
        2, "c", "pause.ended", announced: "2016-11-03",
        #""pause":"p","at":"2016-11-03T12:00","how":"collapsed""#),
    ])
    let track = try #require(Projection(log: log).pause("p"))
    #expect(track.endings == [.collapsed])
    #expect(try presence(log, "2016-11-05T12:00Z") == .noLonger)
  }

  @Test(
    "A declaration of the same announcement as an extension disputes what was announced, not the start"
  )
  func recharacterization() throws {
    let log = try TestLog.parse([
      declare(1, "halt", announced: "2016-10-18", window: #"{"start":"2016-10-18"}"#),
      TestLog.event(
        2, "ext", "pause.extended", announced: "2016-11-02",
        #""pause":"p","end":"2016-11-04T19:00Z""#),
      TestLog.event(
        3, "new", "pause.declared", announced: "2016-11-01/2016-11-04", source: "Wire B",
        extra: #""sameAnnouncementAs":["ext"]"#,
        #""pause":"p","kind":"humanitarian-pause","window":{"start":"2016-11-04T09:00","end":"2016-11-04T19:00"}"#
      ),
    ])
    let projection = Projection(log: log)
    let track = try #require(projection.pause("p"))
    #expect(track.start.reports.map(\.eventID) == ["halt"])
    #expect(track.end.isDisputed)
    let dispute = try #require(projection.disputes.first { $0.aspect == "what was announced" })
    #expect(dispute.versions.map(\.eventIDs) == [["new"], ["ext"]])
    #expect(try presence(log, "2016-11-03T12:00Z") == .inForce)
  }

  @Test("A suspension interrupts a pause at an instant")
  func suspension() throws {
    let log = try TestLog.parse([
      declare(1, "d", announced: "2016-11-01", window: #"{"start":"2016-11-01T09:00"}"#),
      TestLog.event(
        2, "s", "pause.suspended", announced: "2016-11-02", #""pause":"p","at":"2016-11-02T12:00""#),
      TestLog.event(
        3, "r", "pause.resumed", announced: "2016-11-02", #""pause":"p","at":"2016-11-02T15:00""#),
    ])
    let area = try #require(log.areas["aleppo"])
    func qualifier(_ text: String) throws -> String? {
      let moment = try Moment(parsing: text, zone: TestLog.damascus)
      let answer = AtQuery(moment: moment, area: area, zone: TestLog.damascus).answer(from: log)
      return answer.items.first { $0.id == "p" }?.qualifier
    }
    #expect(try qualifier("2016-11-02T13:00") == "suspended")
    let moment = try Moment(parsing: "2016-11-02T13:00", zone: TestLog.damascus)
    let answer = AtQuery(moment: moment, zone: TestLog.damascus).answer(from: log)
    #expect(answer.items.first?.section == .notApplying)
    #expect(try qualifier("2016-11-02T16:00") == nil)
  }
}
