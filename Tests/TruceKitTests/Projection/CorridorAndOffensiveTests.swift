import Testing

@testable import TruceKit

@Suite("Folding corridors, offensives and statements")
struct CorridorAndOffensiveTests {
  let pause = TestLog.event(
    1, "d", "pause.declared", announced: "2016-11-02",
    #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00","end":"2016-11-04T19:00Z"}"#)

  @Test("Corridors with no end of their own end with their pause, marked as derived")
  func corridorEndsWithPause() throws {
    let log = try TestLog.parse([
      pause,
      TestLog.event(
        2, "c", "corridor.opened", announced: "2016-11-02", area: "east-aleppo",
        #""corridor":"cs","pause":"p","count":6,"users":["civilians","sick-and-wounded"]"#),
    ])
    let corridor = try #require(Projection(log: log).corridors.first)
    #expect(corridor.end.reports.count == 1)
    #expect(corridor.end.reports.first?.derivation != nil)
    #expect(
      corridor.end.possibleRange
        == UncertainInstant(exactly: try TestLog.instant("2016-11-04T19:00Z")))
    #expect(corridor.start.reports.first?.derivation != nil)
  }

  @Test("A corridor's own hours are used, and one reported with different hours is disputed")
  func corridorOwnHours() throws {
    let log = try TestLog.parse([
      pause,
      TestLog.event(
        2, "c1", "corridor.opened", announced: "2016-11-02", source: "Wire A",
        #""corridor":"cs","pause":"p","count":2,"users":["fighters-with-weapons"],"window":{"start":"2016-11-04T09:00","end":"2016-11-04T19:00"}"#
      ),
      TestLog.event(
        3, "c2", "corridor.opened", announced: "2016-11-02", source: "Wire B",
        #""corridor":"cs","pause":"p","count":3,"users":["fighters"]"#),
    ])
    let projection = Projection(log: log)
    let corridor = try #require(projection.corridors.first)
    #expect(corridor.end.isDisputed)
    #expect(corridor.counts.map(\.value) == [2, 3])
    #expect(projection.disputes.contains { $0.subject == "cs" && $0.aspect == "count" })
    #expect(corridor.users == [.fightersWithWeapons, .fighters])
  }

  @Test("An offensive's launch reports with different days dispute its start")
  func offensiveStartDisputed() throws {
    let log = try TestLog.parse([
      TestLog.event(
        1, "o1", "offensive.launched", announced: "2016-09-22", source: "Wire A",
        #""offensive":"o","at":"2016-09-22","parties":["army"]"#),
      TestLog.event(
        2, "o2", "offensive.launched", announced: "2016-09-23/..", source: "Wire B",
        #""offensive":"o","at":"2016-09-23","parties":["government"]"#),
      TestLog.event(
        3, "s", "offensive.scaled-back", announced: "2016-10-05",
        #""offensive":"o","at":"2016-10-05""#),
    ])
    let offensive = try #require(Projection(log: log).offensives.first)
    #expect(offensive.start.isDisputed)
    #expect(offensive.phases.map(\.change) == [.scaledBack])
    #expect(offensive.end.state == .notReported)
  }

  @Test("A pause and an offensive in force at once in related areas are both shown and flagged")
  func conflict() throws {
    let log = try TestLog.parse([
      pause,
      TestLog.event(
        2, "o", "offensive.launched", announced: "2016-09-22", area: "east-aleppo",
        #""offensive":"off","at":"2016-09-22","parties":["army"]"#),
      TestLog.event(
        3, "far", "offensive.launched", announced: "2016-09-22", area: "idlib",
        #""offensive":"elsewhere","at":"2016-09-22","parties":["army"]"#),
    ])
    let moment = try Moment(parsing: "2016-11-03T12:00", zone: TestLog.damascus)
    let answer = AtQuery(moment: moment, zone: TestLog.damascus).answer(from: log)
    #expect(
      answer.items.filter { $0.section == .inForce }.map(\.id).sorted() == [
        "elsewhere", "off", "p",
      ])
    #expect(answer.conflicts == [Conflict(pause: "p", offensive: "off", certain: true)])
  }

  @Test("A statement that disputes a report makes a dispute with both versions")
  func statementDispute() throws {
    let log = try TestLog.parse([
      pause,
      TestLog.event(
        2, "v", "violation.reported", announced: "2016-11-03",
        #""pause":"p","at":"2016-11-03","by":["army"]"#),
      TestLog.event(
        3, "deny", "statement", announced: "2016-11-03", extra: #""disputes":["v"]"#,
        #""kind":"claim","about":["p"]"#),
    ])
    let projection = Projection(log: log)
    let dispute = try #require(projection.disputes.first { $0.aspect == "claim" })
    #expect(dispute.versions.flatMap(\.eventIDs) == ["deny", "v"])
    #expect(projection.violations.map(\.id) == ["v"])
  }

  @Test("Proposals and statements are never in force")
  func proposalsNeverInForce() throws {
    let log = try TestLog.parse([
      TestLog.event(
        1, "call", "proposal", announced: "2016-11-01",
        #""proposal":"c","kind":"call","terms":["ceasefire"]"#)
    ])
    let moment = try Moment(parsing: "2016-11-03T12:00", zone: TestLog.damascus)
    let answer = AtQuery(moment: moment, zone: TestLog.damascus).answer(from: log)
    #expect(answer.items.isEmpty)
    #expect(answer.proposals.map(\.id) == ["call"])
  }
}
