import Testing

@testable import TruceKit

/// A name the whole log does not list (a pause or corridor group whose report is retracted
/// later) is listed as of a moment before the retraction. The index gives such a name only the
/// area of its first line, which need not be the area the fold gives it then: an area question
/// as of that moment must read it whatever area the index gives it.
@Suite("Names listed only before a retraction, asked about by area")
struct UnlistedAreaTests {
  /// Four shapes whose first line is not the listed item's own, in its area.
  enum Shape: String, CaseIterable, CustomTestStringConvertible {
    /// A corridor group in Aleppo under a pause in Homs (its lines begin with the pause's).
    case corridorUnderPauseElsewhere
    /// A declaration in Homs that an erratum moves to Aleppo.
    case erratumMovesTheArea
    /// A proposal in Homs under the id of a pause declared in Aleppo.
    case proposalUnderTheSameID
    /// A declaration in Aleppo that repeats an extension made in Homs.
    case sameAnnouncementElsewhere

    var testDescription: String { rawValue }

    /// The item listed before the retraction.
    var listed: String {
      switch self {
      case .corridorUnderPauseElsewhere: "c1"
      case .erratumMovesTheArea, .proposalUnderTheSameID: "p1"
      case .sameAnnouncementElsewhere: "p2"
      }
    }

    /// The events, in log order: the report retracted on 20 November is in force from the 4th
    /// to the 10th in Aleppo.
    func events() throws -> [JSONObject] {
      let retraction = { (target: String) in
        try ScratchLog.event(
          "retraction", "correction.retraction", announced: "2016-11-20T10:00Z",
          #""retracts":"\#(target)""#)
      }
      let window = #""window":{"start":"2016-11-04T09:00Z","end":"2016-11-10T19:00Z"}"#
      // Pause p1 declared on 2 November, in Homs unless said otherwise.
      let p1 = { (area: String) in
        try ScratchLog.event(
          "e1", "pause.declared", announced: "2016-11-02T10:00Z", area: area,
          #""pause":"p1","kind":"pause",\#(window)"#)
      }
      switch self {
      case .corridorUnderPauseElsewhere:
        return [
          try p1("homs"),
          try ScratchLog.event(
            "e2", "corridor.opened", announced: "2016-11-03T10:00Z",
            #""corridor":"c1","pause":"p1","users":["civilians"]"#),
          try retraction("e2"),
        ]
      case .erratumMovesTheArea:
        return [
          try p1("homs"),
          try ScratchLog.event(
            "e2", "correction.erratum", announced: "2016-11-03T10:00Z", area: "homs",
            #""corrects":"e1","set":{"area":"aleppo"}"#),
          try retraction("e1"),
        ]
      case .proposalUnderTheSameID:
        return [
          try ScratchLog.event(
            "e0", "proposal", announced: "2016-11-01T10:00Z", area: "homs",
            #""proposal":"p1","kind":"call""#),
          try p1("aleppo"),
          try retraction("e1"),
        ]
      case .sameAnnouncementElsewhere:
        return [
          try ScratchLog.event(
            "e1", "pause.declared", announced: "2016-11-01T10:00Z", area: "homs",
            #""pause":"p1","kind":"pause","window":{"start":"2016-11-01T12:00Z","end":"2016-11-03T00:00Z"}"#
          ),
          try ScratchLog.event(
            "e2", "pause.extended", announced: "2016-11-02T10:00Z", area: "homs",
            #""pause":"p1","end":"2016-11-10T00:00Z""#),
          try ScratchLog.event(
            "e3", "pause.declared", announced: "2016-11-02T10:00Z",
            #""pause":"p2","kind":"pause",\#(window),"sameAnnouncementAs":["e2"]"#),
          try retraction("e3"),
        ]
      }
    }
  }

  static let areas = [
    "syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria", "homs=Asia/Damascus,parent=syria",
  ]

  @Test(
    "A span of an area as of a moment before the retraction draws the item from the index as from the whole log",
    arguments: Shape.allCases)
  func spanDrawsTheItem(_ shape: Shape) throws {
    let log = try ScratchLog(areas: Self.areas)
    defer { log.remove() }
    let (whole, reader) = try IndexedAnswers.indexed(try shape.events(), in: log)
    let window = Timeline.window(
      from: try IndexedWindowTests.instant("2016-11-05T00:00Z"),
      to: try IndexedWindowTests.instant("2016-11-08T00:00Z"))
    let asOf = try IndexedWindowTests.instant("2016-11-03T12:00Z")
    let aleppo = try #require(whole.areas.area(named: "aleppo"))
    // The whole log draws the item in Aleppo as of then.
    let drawn = Timeline(
      projection: Projection(log: whole, knowledge: Knowledge(asOf: asOf)), from: window.start,
      to: window.end, area: aleppo, areas: whole.areas)
    #expect(drawn.rows.contains { $0.id == shape.listed && $0.area == "aleppo" })
    let read = IndexedWindowTests.compareSpans(
      of: whole, reader: reader, areas: [aleppo, nil], windows: [window], asOf: asOf,
      label: shape.rawValue)
    #expect(read.allSatisfy { $0 != nil })
  }

  @Test(
    "A moment in an area as of a moment before the retraction is answered from the index as from the whole log, every item listed or not",
    arguments: Shape.allCases)
  func momentListsTheItem(_ shape: Shape) throws {
    let log = try ScratchLog(areas: Self.areas)
    defer { log.remove() }
    let (whole, reader) = try IndexedAnswers.indexed(try shape.events(), in: log)
    let zone = TestLog.damascus
    // As the command asks it, and for every item (`--all`, read from the area's lines).
    for contextLimit in [AtQuery.defaultContextLimit, nil] {
      var query = AtQuery(
        moment: try Moment(parsing: "2016-11-06T00:00Z", zone: zone),
        asOf: try Moment(parsing: "2016-11-03T12:00Z", zone: zone), zone: zone)
      query.area = whole.areas.area(named: "aleppo")
      query.contextLimit = contextLimit
      let (wholeAnswer, fromIndex) = IndexedAnswers.answers(query, log: whole, reader: reader)
      // The whole log lists the item as of then.
      #expect(wholeAnswer[2].contains(#""\#(shape.listed)""#))
      #expect(fromIndex != nil, "left to the whole log")
      #expect(fromIndex == nil || fromIndex == wholeAnswer, "context limit \(contextLimit ?? 0)")
    }
  }
}
