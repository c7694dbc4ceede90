import Foundation
import Testing

@testable import TruceKit

/// `timeline` and `replay` with `--area` drawn from the lines the index points to, against the
/// same commands over the whole log.
@Suite("Replaying and drawing an area from the index")
struct IndexedAreaTests {
  /// What the commands write for an area, from a log: the timeline as JSON, the disputes as
  /// JSON and text, every replay step as JSON and as text, and the calendar walk as JSON.
  static func outputs(_ log: EventLog, area: Area, asOf: Instant?) -> [String] {
    Self.outputs(log, area: area, asOf: asOf).all
  }

  /// The outputs, and how many of them (at the end) are the calendar walk's.
  static func outputs(_ log: EventLog, area: Area, asOf: Instant?) -> (
    all: [String], calendar: Int
  ) {
    let zone = area.zone
    let knowledge = Knowledge(asOf: asOf)
    let filter = EventFilter(asOf: asOf, area: area)
    let projection = Projection(log: log, knowledge: knowledge)
    let timeline = Timeline(projection: projection, area: area, areas: log.areas)
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone))
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    let calendar = CalendarReplay.entries(projection, filter: filter, areas: log.areas)
    let disputes = projection.disputes(inArea: area, areas: log.areas)
    let all =
      [
        TimelineJSON.value(timeline).serialized(pretty: true), DisputesRenderer().json(disputes),
        DisputesRenderer().text(disputes, event: projection.event),
      ]
      + steps.map(renderer.json) + steps.map(renderer.text)
      + calendar.enumerated().map { renderer.json($1, number: $0 + 1, of: calendar.count) }
    return (all, calendar.count)
  }

  @Test(
    "Every area's timeline, replay and calendar read from the index equal those of the whole log, appended lines included",
    arguments: [nil, 0.5])
  func areasAgree(asOfFraction: Double?) throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    let asOf = asOfFraction.map { instants[Int(Double(instants.count) * $0)] }
    var drawn = 0
    for area in log.areas.areas {
      let (whole, calendarCount): ([String], Int) = Self.outputs(log, area: area, asOf: asOf)
      #expect(whole.count > 3, "\(area.id)")
      guard let subset = reader.log(forArea: area, events: true) else { continue }
      drawn += 1
      #expect(subset.events.count < log.events.count, "\(area.id)")
      let fromIndex: [String] = Self.outputs(subset, area: area, asOf: asOf)
      IndexedAnswers.expectSame(fromIndex, as: whole, area.id)
      // Without the area's other events, the items' lines alone draw the same calendar.
      let items = try #require(reader.log(forArea: area, events: false))
      let fromItems: [String] = Self.outputs(items, area: area, asOf: asOf)
      #expect(fromItems.suffix(calendarCount) == whole.suffix(calendarCount), "\(area.id)")
    }
    print("areas drawn from the index: \(drawn) of \(log.areas.areas.count)")
    #expect(drawn * 4 >= log.areas.areas.count * 3)
  }

  @Test(
    "An area's timeline from the index marks the violation reports made in a sibling area about the pauses and offensives it draws"
  )
  func reportsMadeElsewhere() throws {
    // A history where such reports are marked (in idlib-gov's timeline, reports made in Aleppo
    // about pauses in Syria); they are rare in generated histories.
    let (seed, events, areas): (UInt64, Int, Int) = (22, 500, 4)
    let history = try IndexedLogScratch(events: events, areas: areas, seed: seed)
    defer { history.remove() }
    let path = try history.prefix(events, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    var marked = 0
    for area in log.areas.areas {
      let whole: [String] = Self.outputs(log, area: area, asOf: nil)
      guard let subset = reader.log(forArea: area, events: true) else { continue }
      let fromIndex: [String] = Self.outputs(subset, area: area, asOf: nil)
      IndexedAnswers.expectSame(fromIndex, as: whole, area.id)
      // Reports the timeline marks, made in an area unrelated to the one drawn.
      let timeline = Timeline(projection: Projection(log: log), area: area, areas: log.areas)
      marked +=
        timeline.announcements.filter { announcement in
          log.events.contains {
            $0.id == announcement.eventID && $0.type == .violationReported
              && !log.areas.areRelated($0.area, area.id)
          }
        }.count
    }
    #expect(marked > 0, "no violation report made elsewhere was marked")
  }

  @Test(
    "An item of the area whose lines alone do not fold as the whole log does sends it to the whole log"
  )
  func itemThatDoesNotFoldAlone() throws {
    let history = try IndexedLogScratch(events: 600, areas: 4, seed: 9)
    defer { history.remove() }
    let path = try history.prefix(600, named: "log.jsonl", indexed: false)
    let log = try EventLog.read(path: path)
    _ = try AtIndexing.write(for: log, path: path)
    // An area drawn from the index; its first item is then marked as not answering alone
    // (byte 27 of its record).
    let area = try #require(
      log.areas.areas.first { IndexedLogReader(path: path)?.log(forArea: $0, events: true) != nil })
    let areaNumber = try #require(log.areas.areas.firstIndex(of: area))
    let index = try AtIndex(forLog: path)
    let position = try #require(
      (0..<index.count).first { index.item($0)?.area == UInt16(areaNumber) })
    try IndexedLogScratch.editIndex(ofLog: path) { bytes in
      bytes[AtIndexLayout.headerSize + position * AtIndexLayout.itemSize + 27] = 0
    }
    let reader = try #require(IndexedLogReader(path: path))
    #expect(reader.log(forArea: area, events: true) == nil)
    #expect(reader.log(forArea: area, events: false) == nil)
  }

  @Test(
    "A timeline of an area marks announcements about no item only when made in the areas asked about"
  )
  func subjectlessAnnouncements() throws {
    let history = try IndexedLogScratch(events: 2_000, areas: 6, seed: 17)
    defer { history.remove() }
    let path = try history.prefix(2_000, named: "log.jsonl", indexed: false)
    let log = try EventLog.read(path: path)
    let projection = Projection(log: log)
    let everything = Timeline(projection: projection, areas: log.areas)
    var areasWithOwnMarkers = 0
    for area in log.areas.areas {
      let timeline = Timeline(projection: projection, area: area, areas: log.areas)
      for announcement in timeline.announcements where announcement.subject == nil {
        let event = try #require(projection.events[announcement.eventID])
        #expect(log.areas.areRelated(event.area, area.id), "\(area.id): \(event.id)")
      }
      if timeline.announcements.contains(where: { $0.subject == nil }) { areasWithOwnMarkers += 1 }
    }
    #expect(everything.announcements.contains { $0.subject == nil })
    #expect(areasWithOwnMarkers > 0)
  }

  @Test(
    "An area's report retracted in another area is replayed and drawn from the index with its retraction"
  )
  func areaReportRetractedElsewhere() throws {
    let (log, whole) = try IndexedWindowTests.retractedReportLog()
    defer { log.remove() }
    let reader = try #require(IndexedLogReader(path: log.path))
    let aleppo = try #require(whole.areas["aleppo"])
    let subset = try #require(reader.log(forArea: aleppo, events: true))
    #expect(subset.events.contains { $0.id == "retraction" })
    #expect(
      Self.outputs(subset, area: aleppo, asOf: nil)
        == Self.outputs(whole, area: aleppo, asOf: nil))
  }

  @Test(
    "A proposal in the area whose event bears the id of a pause elsewhere does not stand for the pause: a report about it replays from the index as from the whole log"
  )
  func proposalEventNamedLikeAPauseElsewhere() throws {
    let log = try ScratchLog(areas: [
      "syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria",
      "homs=Asia/Damascus,parent=syria",
    ])
    defer { log.remove() }
    for event in [
      try ScratchLog.event(
        "p1-declared", "pause.declared", area: "homs",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
      ),
      try ScratchLog.event(
        "p1", "proposal", announced: "2016-11-03",
        #""proposal":"prop-x","kind":"draft-resolution","terms":["a"],"parties":["b"]"#),
      try ScratchLog.event(
        "v1", "violation.reported", announced: "2016-11-05",
        #""pause":"p1","at":"2016-11-05T10:00","by":["x"]"#),
    ] {
      _ = try log.appender.append(event)
    }
    let whole = try EventLog.read(path: log.path)
    _ = try AtIndexing.write(for: whole, path: log.path)
    let reader = try #require(IndexedLogReader(path: log.path))
    let aleppo = try #require(whole.areas["aleppo"])
    let subset = try #require(reader.log(forArea: aleppo, events: true))
    #expect(subset.events.contains { $0.id == "p1-declared" })
    #expect(
      Self.outputs(subset, area: aleppo, asOf: nil) == Self.outputs(whole, area: aleppo, asOf: nil))
  }

  @Test(
    "A retracted pause whose id a proposal's event bears keeps an entry of its own in the index")
  func retractedPauseNamedLikeAProposalEvent() throws {
    let (log, _) = try ScratchLog.indexedAleppoPause(then: [
      try ScratchLog.event(
        "p1", "proposal", announced: "2016-11-03",
        #""proposal":"prop-x","kind":"draft-resolution","terms":["a"],"parties":["b"]"#),
      try ScratchLog.event(
        "withdrawn", "correction.retraction", announced: "2016-11-05",
        #""retracts":"p1-declared""#),
    ])
    defer { log.remove() }
    let index = try AtIndex(forLog: log.path)
    let positions = try #require(index.positions(named: ["p1"])["p1"])
    #expect(positions.compactMap { index.item($0)?.kind } == [.unlisted])
  }

  @Test(
    "Events of an area about items of a sibling area bring those items' lines, and replay as from the whole log"
  )
  func itemsOfASiblingArea() throws {
    // (With a corridor of Homs under the pause, the corridor group's lines would bring the
    // pause's anyway.)
    let (log, whole) = try ScratchLog.indexedAleppoPause(then: [
      try ScratchLog.event(
        "p1-extended", "pause.extended", announced: "2016-11-05",
        #""pause":"p1","end":"2016-11-07T19:00""#),
      // In Homs: a statement about the Aleppo pause (whose lines nothing else in Homs brings).
      try ScratchLog.event(
        "refusal", "statement", announced: "2016-11-05", area: "homs",
        #""kind":"refusal","about":["p1"]"#),
    ])
    defer { log.remove() }
    let reader = try #require(IndexedLogReader(path: log.path))
    let homs = try #require(whole.areas["homs"])
    let subset = try #require(reader.log(forArea: homs, events: true))
    #expect(Set(subset.events.map(\.id)) == ["p1-declared", "p1-extended", "refusal"])
    #expect(
      Self.outputs(subset, area: homs, asOf: nil) == Self.outputs(whole, area: homs, asOf: nil))
  }
}

/// Errata recorded in another area than the event they correct: the index picks the area's
/// events by what the errata make of them, as the whole log does.
@Suite("Replaying an area from the index, with errata from elsewhere")
struct IndexedAreaErrataTests {
  /// An erratum in Homs of a statement, and where the statement was first recorded.
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let statementArea: String
    let erratumFields: String
    var testDescription: String { name }
  }

  static let cases = [
    Case(
      name: "moved into the area", statementArea: "homs", erratumFields: #""set":{"area":"aleppo"}"#
    ),
    Case(
      name: "moved out of the area", statementArea: "aleppo",
      erratumFields: #""set":{"area":"homs"}"#),
    Case(name: "voided", statementArea: "aleppo", erratumFields: #""void":true"#),
    Case(
      name: "amended in place", statementArea: "aleppo", erratumFields: #""set":{"kind":"refusal"}"#
    ),
    Case(
      name: "announced later", statementArea: "aleppo",
      erratumFields: #""set":{"announced":"2016-11-09"}"#),
  ]

  /// A log of Syria > Aleppo, Homs: a pause in Aleppo, a claim, and the case's erratum of it,
  /// recorded in Homs; indexed.
  static func scratch(_ example: Case) throws -> (ScratchLog, EventLog) {
    try ScratchLog.indexedAleppoPause(then: [
      try ScratchLog.event(
        "claim", "statement", announced: "2016-11-05", area: example.statementArea,
        #""kind":"claim","about":[]"#),
      try ScratchLog.event(
        "erratum", "correction.erratum", announced: "2016-11-07", area: "homs",
        #""corrects":"claim",\#(example.erratumFields)"#),
    ])
  }

  @Test(
    "An erratum recorded elsewhere is replayed from the index as from the whole log",
    arguments: cases)
  func erratumFromElsewhere(_ example: Case) throws {
    let (log, whole) = try Self.scratch(example)
    defer { log.remove() }
    let reader = try #require(IndexedLogReader(path: log.path))
    let aleppo = try #require(whole.areas["aleppo"])
    for asOf in [nil, Instant(secondsSinceEpoch: 1_478_390_400)] {  // 2016-11-06T00:00Z
      let subset = try #require(reader.log(forArea: aleppo, events: true))
      let expected: [String] = IndexedAreaTests.outputs(whole, area: aleppo, asOf: asOf)
      let fromIndex: [String] = IndexedAreaTests.outputs(subset, area: aleppo, asOf: asOf)
      #expect(fromIndex == expected)
    }
  }

  @Test(
    "The index records what errata make of each event, and what each erratum corrects",
    arguments: cases)
  func recordsOfErrata(_ example: Case) throws {
    let (log, whole) = try Self.scratch(example)
    defer { log.remove() }
    let index = try AtIndex(forLog: log.path)
    let areaNumber = { (id: String) in whole.areas.areas.firstIndex { $0.id == id }.map(UInt16.init)
    }
    let (pause, claim, erratum) = (index.event(0), index.event(1), index.event(2))
    #expect(pause.corrections.isEmpty && pause.target == 0)
    #expect(pause.effectiveArea == pause.area && pause.area == areaNumber("aleppo"))
    let voided = example.erratumFields.contains("void")
    #expect(claim.corrections == (voided ? [.voided] : [.amended]))
    #expect(claim.area == areaNumber(example.statementArea))
    let movedTo =
      example.erratumFields.contains(#""area":"aleppo""#)
      ? "aleppo"
      : example.erratumFields.contains(#""area":"homs""#) ? "homs" : example.statementArea
    #expect(claim.effectiveArea == areaNumber(movedTo))
    #expect(claim.target == 0)
    // The erratum names the claim: the second event, counted from 1.
    #expect(erratum.target == 2 && erratum.corrections.isEmpty)
    #expect(erratum.area == areaNumber("homs") && erratum.effectiveArea == erratum.area)
  }

  @Test("A correction's record naming an event after it marks the index as damaged")
  func damagedTarget() throws {
    let (log, whole) = try Self.scratch(Self.cases[0])
    defer { log.remove() }
    let index = try AtIndex(forLog: log.path)
    // The erratum (the third event) names the claim; make it name an event past the end.
    let target = index.header.eventsOffset + 2 * AtIndexLayout.eventSize + 32
    let indexPath = AtIndex.path(forLog: log.path)
    var bytes = try FileIO.readAll(path: indexPath)
    #expect(bytes[target] == 2)
    bytes[target] = 200
    try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
    let reader = try #require(IndexedLogReader(path: log.path))
    let aleppo = try #require(whole.areas["aleppo"])
    #expect(reader.log(forArea: aleppo, events: true) == nil)
  }
}
