import Foundation
import Testing

@testable import TruceKit

/// `replay --calendar` over a span of time (without `--area` or `--as-of`) from the lines the
/// index points to, against the same walk of the whole log.
@Suite("Walking the calendar over a span from the index")
struct IndexedCalendarTests {
  /// Every entry of a walk, as JSON and as text.
  static func outputs(
    _ log: EventLog, _ filter: EventFilter, only: Set<String>? = nil
  ) -> [String] {
    let zone = log.areas.zones.first ?? Zone.utcForTests
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone))
    let projection = Projection(log: log)
    let entries = CalendarReplay.entries(projection, filter: filter, areas: log.areas, only: only)
    return entries.enumerated().map { renderer.json($1, number: $0 + 1, of: entries.count) }
      + entries.enumerated().map { renderer.text($1, number: $0 + 1, of: entries.count) }
  }

  /// Spans around a moment: an hour, a day, a week and a month from it, only from it, and only
  /// up to it.
  static func filters(around moment: Instant) -> [EventFilter] {
    let day: Int64 = 86_400
    func after(_ seconds: Int64) -> Instant { moment.adding(seconds: seconds) }
    return [
      EventFilter(from: moment, to: after(3_600)),
      EventFilter(from: moment, to: after(day)),
      EventFilter(from: moment, to: after(7 * day)),
      EventFilter(from: moment, to: after(30 * day)),
      EventFilter(from: moment),
      EventFilter(to: moment),
    ]
  }

  /// Compares every span around moments spread over the log's announcements; returns how many
  /// were read through the index, of how many, and how many of those from fewer events than
  /// the whole log holds.
  static func compare(
    _ log: EventLog, _ reader: IndexedLogReader, label: String, fractions: [Double]
  ) -> (indexed: Int, total: Int, smaller: Int) {
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    var counts = (indexed: 0, total: 0, smaller: 0)
    for fraction in fractions {
      let moment = instants[Int(Double(instants.count - 1) * fraction)]
      for (number, filter) in filters(around: moment).enumerated() {
        counts.total += 1
        let expected = outputs(log, filter)
        guard let read = reader.log(forCalendarFrom: filter.from, to: filter.to) else { continue }
        counts.indexed += 1
        if read.log.events.count < log.events.count { counts.smaller += 1 }
        IndexedAnswers.expectSame(
          outputs(read.log, filter, only: read.items), as: expected,
          "\(label) \(fraction) #\(number)")
      }
    }
    return counts
  }

  @Test(
    "A walk over a span reads from the index the entries the whole log lists, appended lines included"
  )
  func appendedLines() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let (indexed, total, smaller) = Self.compare(
      log, reader, label: "3,000 events", fractions: [0, 0.1, 0.5, 0.9, 1])
    #expect(indexed == total)
    #expect(smaller * 2 >= total)
  }

  @Test(
    "Larger histories walk a span from the index as from the whole log",
    arguments: [(12_000, UInt64(5)), (12_000, 23)])
  func largerHistories(events: Int, seed: UInt64) throws {
    let history = try IndexedLogScratch(events: events, areas: 10, seed: seed)
    defer { history.remove() }
    let path = try history.prefix(events, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    let (indexed, total, smaller) = Self.compare(
      log, reader, label: "\(events) events, seed \(seed)", fractions: [0.3, 0.7])
    #expect(indexed * 4 >= total * 3)
    #expect(smaller * 2 >= total)
  }

  @Test(
    "An offensive's phase after its end, a day-only end and an open end are walked from the index as from the whole log",
    arguments: [
      ("2016-11-19T00:00Z", "2016-11-21T00:00Z"), ("2016-11-19T00:00Z", nil),
      (nil, "2016-10-02T00:00Z"), ("2016-10-04T00:00Z", "2016-10-06T00:00Z"),
      ("2016-11-15T00:00Z", nil),
    ] as [(String?, String?)])
  func boundariesOutsideTheirItem(from: String?, to: String?) throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let events = [
      try ScratchLog.event(
        "o1", "offensive.launched", announced: "2016-11-01T08:00Z",
        #""offensive":"o","at":"2016-11-01T06:00Z","parties":["army"],"aim":"the city""#),
      try ScratchLog.event(
        "o2", "offensive.ended", announced: "2016-11-10T08:00Z",
        #""offensive":"o","at":"2016-11-10T06:00Z""#),
      try ScratchLog.event(
        "o3", "offensive.intensified", announced: "2016-11-20T08:00Z",
        #""offensive":"o","at":"2016-11-20T06:00Z""#),
      try ScratchLog.event(
        "p1", "pause.declared", announced: "2016-10-01T08:00Z",
        #""pause":"p","kind":"pause","window":{"start":"2016-10-05T12:00Z","end":"2016-10-06"}"#),
      try ScratchLog.event(
        "q1", "pause.declared", announced: "2016-09-01T08:00Z",
        #""pause":"q","kind":"pause","window":{"start":"2016-09-02T12:00Z"}"#),
    ]
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    let filter = EventFilter(
      from: try from.map(IndexedWindowTests.instant), to: try to.map(IndexedWindowTests.instant))
    let expected = Self.outputs(whole, filter)
    #expect(!expected.isEmpty)
    let read = try #require(reader.log(forCalendarFrom: filter.from, to: filter.to))
    IndexedAnswers.expectSame(
      Self.outputs(read.log, filter, only: read.items), as: expected, "\(from ?? "…")–\(to ?? "…")")
  }

  @Test(
    "A pause whose lines another item holds in part is walked only when read whole, as in the whole log"
  )
  func partlyHeldItem() throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    // A statement about pause a disputes b's declaration and extension, so a's lines hold them,
    // and not the end that cut b short: folded from a's lines alone, b ends within the span.
    let events = [
      try ScratchLog.event(
        "b0", "pause.declared", announced: "2016-08-30T08:00Z",
        #""pause":"b","kind":"pause","window":{"start":"2016-09-01T00:00Z","end":"2016-09-10T00:00Z"}"#
      ),
      try ScratchLog.event(
        "b1", "pause.extended", announced: "2016-09-05T08:00Z",
        #""pause":"b","end":"2016-10-12T00:00Z""#),
      try ScratchLog.event(
        "b2", "pause.ended", announced: "2016-09-21T08:00Z",
        #""pause":"b","at":"2016-09-20T00:00Z","how":"collapsed""#),
      try ScratchLog.event(
        "a0", "pause.declared", announced: "2016-10-01T08:00Z",
        #""pause":"a","kind":"pause","window":{"start":"2016-10-11T00:00Z"}"#),
      try ScratchLog.event(
        "s1", "statement", announced: "2016-10-02T08:00Z",
        #""kind":"claim","about":["a"],"disputes":["b0","b1"]"#),
    ]
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    let filter = EventFilter(
      from: try IndexedWindowTests.instant("2016-10-11T00:00Z"),
      to: try IndexedWindowTests.instant("2016-10-13T00:00Z"))
    let expected = Self.outputs(whole, filter)
    #expect(expected.count == 2 && expected[0].contains(#""subject":"a""#))
    let read = try #require(reader.log(forCalendarFrom: filter.from, to: filter.to))
    #expect(!read.items.contains("b") && read.log.events.contains { $0.id == "b1" })
    IndexedAnswers.expectSame(
      Self.outputs(read.log, filter, only: read.items), as: expected, "b held in part")
  }

  @Test("A walk with neither bound is not read this way")
  func unbounded() throws {
    let (history, _, _, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    #expect(reader.log(forCalendarFrom: nil, to: nil) == nil)
  }

  @Test("The extent of an item's entries spans its start, end and phases, open where they are")
  func extent() throws {
    func at(_ text: String) throws -> Int64 {
      try IndexedWindowTests.instant(text).secondsSinceEpoch
    }
    func boundary(_ earliest: String?, _ latest: String?) throws -> Boundary {
      let range = UncertainInstant(
        earliest: try earliest.map(IndexedWindowTests.instant),
        latest: try latest.map(IndexedWindowTests.instant))
      return Boundary(
        reports: [BoundaryReport(range: range, spec: nil, eventID: "e", citation: "wire")])
    }
    let start = try boundary("2016-11-01T06:00Z", "2016-11-01T06:00Z")
    let end = try boundary("2016-11-10T00:00Z", "2016-11-10T23:59:59Z")
    let phase = OffensivePhase(
      change: .intensified,
      at: try #require(try boundary("2016-11-20T06:00Z", "2016-11-20T06:00Z").reports.first))
    let none = Boundary(reports: [])
    let extent = try #require(CalendarReplay.extent(start: start, end: end))
    #expect(extent == (try at("2016-11-01T06:00Z"), try at("2016-11-10T23:59:59Z")))
    let withPhase = try #require(CalendarReplay.extent(start: start, end: end, phases: [phase]))
    #expect(withPhase == (try at("2016-11-01T06:00Z"), try at("2016-11-20T06:00Z")))
    let openEnd = try #require(
      CalendarReplay.extent(start: start, end: try boundary("2016-11-10T00:00Z", nil)))
    #expect(openEnd == (try at("2016-11-01T06:00Z"), Int64.max))
    let openStart = try #require(
      CalendarReplay.extent(start: try boundary(nil, "2016-11-01T06:00Z"), end: none))
    #expect(openStart == (Int64.min, try at("2016-11-01T06:00Z")))
    // Unreported, or unbounded both ways: the walk lists no entry of it.
    #expect(CalendarReplay.extent(start: none, end: none) == nil)
    #expect(CalendarReplay.extent(start: try boundary(nil, nil), end: none) == nil)
  }
}
