import Testing

@testable import TruceKit

@Suite("Areas and moments")
struct AreaAndMomentTests {
  @Test("Areas are found by id, name or alias, ignoring case")
  func lookup() throws {
    let areas = try TestLog.parse([]).areas
    #expect(areas.area(named: "east Aleppo")?.id == "east-aleppo")
    #expect(areas.area(named: "EASTERN ALEPPO")?.id == "east-aleppo")
    #expect(areas.area(named: "aleppo city")?.id == "aleppo")
    #expect(areas.area(named: "Homs") == nil)
  }

  @Test(
    "An area relates to those it lies within and those inside it, not to its siblings",
    arguments: [
      ("east-aleppo", "aleppo", AreaRelation.inside), ("syria", "aleppo", .around),
      ("aleppo", "aleppo", .same),
    ])
  func relations(other: String, area: String, relation: AreaRelation) throws {
    #expect(try TestLog.parse([]).areas.relation(of: other, to: area) == relation)
  }

  @Test("Sibling areas are unrelated")
  func siblings() throws {
    let areas = try TestLog.parse([]).areas
    #expect(areas.relation(of: "idlib", to: "aleppo") == nil)
    #expect(!areas.areRelated("idlib", "east-aleppo"))
    #expect(areas.lineage(of: "east-aleppo") == ["east-aleppo", "aleppo", "syria"])
  }

  @Test("A header naming an area twice, or a parent not yet declared, is rejected")
  func badAreas() {
    let twice =
      #"{"format":"truce-event-log","version":1,"areas":[{"id":"a","name":"A","zone":"UTC"},"#
      + #"{"id":"a","name":"B","zone":"UTC"}]}"#
    #expect(
      TestLog.error([], header: twice)?.description
        == "test.jsonl:1: field 'areas[1]': area 'a' is declared twice")
    let orphan =
      #"{"format":"truce-event-log","version":1,"areas":[{"id":"a","name":"A","parent":"b","zone":"UTC"}]}"#
    #expect(
      TestLog.error([], header: orphan)?.description
        == "test.jsonl:1: field 'areas[0]': parent area 'b' is not declared before 'a'")
  }

  @Test("Without a zone, a local moment or a day is refused; an instant with an offset is not")
  func momentNeedsZone() throws {
    #expect(throws: MomentError.needsZone) { try Moment(parsing: "2016-11-04T12:00", zone: nil) }
    #expect(throws: MomentError.needsZone) { try Moment(parsing: "2016-11-04", zone: nil) }
    let instant = try Moment(parsing: "2016-11-04T10:00Z", zone: nil)
    #expect(instant.asOfInstant.iso8601 == "2016-11-04T10:00Z")
  }

  @Test(
    "Weeks, months and ranges are not moments",
    arguments: ["2016-W44", "2016-11", "2016-11-01/2016-11-04"])
  func notMoments(text: String) {
    #expect(throws: MomentError.notAMoment) { try Moment(parsing: text, zone: TestLog.damascus) }
  }

  @Test("A day runs from its first local instant to the next day's")
  func dayBounds() throws {
    guard
      case .day(_, let start, let next) = try Moment(parsing: "2016-10-28", zone: TestLog.damascus)
    else {
      Issue.record("not a day")
      return
    }
    // The first day after clocks went back to +02:00 is 24 hours long, from 22:00Z.
    #expect(start.iso8601 == "2016-10-27T22:00Z")
    #expect(next.iso8601 == "2016-10-28T22:00Z")
  }
}
