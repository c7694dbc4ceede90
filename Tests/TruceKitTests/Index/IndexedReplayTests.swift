import Foundation
import Testing

@testable import TruceKit

/// `replay` narrowed by time or type (without `--area`) from the lines the index points to,
/// against the same replay of the whole log.
@Suite("Replaying a span of time or a type from the index")
struct IndexedReplayTests {
  /// Every step of a replay, as JSON and as text.
  static func outputs(_ log: EventLog, _ filter: EventFilter) -> [String] {
    let zone = log.areas.zones.first ?? Zone.utcForTests
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone))
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    return steps.map(renderer.json) + steps.map(renderer.text)
  }

  /// Filters around a moment: a day, a week and a month from it, only from it, only up to it,
  /// as of it, types and announcers within the week, types alone, and announcers alone, up to
  /// it and from it.
  static func filters(around moment: Instant) -> [EventFilter] {
    let day: Int64 = 86_400
    func after(_ days: Int64) -> Instant { moment.adding(seconds: days * day) }
    return [
      EventFilter(from: moment, to: after(1)),
      EventFilter(from: moment, to: after(7)),
      EventFilter(from: moment, to: after(30)),
      EventFilter(from: moment),
      EventFilter(to: moment),
      EventFilter(asOf: moment),
      EventFilter(from: moment, to: after(7), asOf: after(3)),
      EventFilter(from: moment, to: after(7), types: ["pause"]),
      EventFilter(from: moment, to: after(7), types: ["corridor.opened", "correction"]),
      EventFilter(from: moment, to: after(7), types: ["statement", "violation.reported"]),
      EventFilter(from: moment, to: after(7), actors: ["army"]),
      EventFilter(types: ["correction.retraction"]),
      EventFilter(types: ["offensive.ended"]),
      EventFilter(actors: ["Reuters"]),
      EventFilter(actors: ["analyst", "Tatmadaw"]),
      EventFilter(to: moment, actors: ["opposition factions"]),
      EventFilter(from: moment, types: ["statement"], actors: ["UN"]),
    ]
  }

  /// Compares every filter around moments spread over the log's announcements; returns how
  /// many were read through the index, of how many, and how many of those read fewer events
  /// than the whole log holds.
  static func compare(
    _ log: EventLog, _ reader: IndexedLogReader, label: String, fractions: [Double]
  ) -> (indexed: Int, total: Int, smaller: Int) {
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    var indexed = 0
    var total = 0
    var smaller = 0
    for fraction in fractions {
      let moment = instants[Int(Double(instants.count - 1) * fraction)]
      for (number, filter) in filters(around: moment).enumerated() {
        total += 1
        guard let subset = reader.log(forReplay: filter) else { continue }
        indexed += 1
        if subset.events.count < log.events.count { smaller += 1 }
        IndexedAnswers.expectSame(
          outputs(subset, filter), as: outputs(log, filter), "\(label) \(fraction) #\(number)")
      }
    }
    return (indexed, total, smaller)
  }

  @Test(
    "A replay narrowed by time or type reads from the index the steps the whole log shows, appended lines included"
  )
  func appendedLines() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let (indexed, total, smaller) = Self.compare(
      log, reader, label: "3,000 events", fractions: [0.1, 0.5, 0.9, 1])
    print("replays read from the index: \(indexed) of \(total), \(smaller) from fewer events")
    #expect(indexed == total)
    #expect(smaller * 2 >= total)
  }

  @Test(
    "Larger histories replay a span of time from the index as from the whole log",
    arguments: [(12_000, UInt64(5)), (12_000, 23)])
  func largerHistories(events: Int, seed: UInt64) throws {
    let history = try IndexedLogScratch(events: events, areas: 10, seed: seed)
    defer { history.remove() }
    let path = try history.prefix(events, named: "log.jsonl", indexed: false)
    let log = try EventLog.read(path: path)
    _ = try AtIndexing.write(for: log, path: path)
    let reader = try #require(IndexedLogReader(path: path))
    let (indexed, total, smaller) = Self.compare(
      log, reader, label: "\(events) events, seed \(seed)", fractions: [0.3, 0.7])
    print("replays read from the index: \(indexed) of \(total), \(smaller) from fewer events")
    #expect(indexed * 4 >= total * 3)
    #expect(smaller * 2 >= total)
  }

  @Test(
    "An erratum that moves an announcement into the span, or out of it, is replayed from the index as from the whole log"
  )
  func erratumMovesTheAnnouncement() throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let events = [
      try ScratchLog.event(
        "d1", "pause.declared", announced: "2016-10-01T08:00Z",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-10T12:00Z"}"#),
      try ScratchLog.event(
        "d2", "pause.declared", announced: "2016-11-10T08:00Z",
        #""pause":"p2","kind":"pause","window":{"start":"2016-11-10T12:00Z"}"#),
      try ScratchLog.event(
        "e1", "correction.erratum", announced: "2016-10-02T08:00Z",
        #""corrects":"d1","set":{"announced":"2016-11-10T10:00Z"}"#),
      try ScratchLog.event(
        "e2", "correction.erratum", announced: "2016-10-02T08:00Z",
        #""corrects":"d2","set":{"announced":"2016-10-10T10:00Z"}"#),
    ]
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    let filter = EventFilter(
      from: try IndexedWindowTests.instant("2016-11-09T00:00Z"),
      to: try IndexedWindowTests.instant("2016-11-11T00:00Z"))
    let expected = Self.outputs(whole, filter)
    // The whole log shows d1 as corrected, and not d2.
    #expect(expected.count == 2 && expected[0].contains(#""id":"d1""#))
    let subset = try #require(reader.log(forReplay: filter), "left to the whole log")
    IndexedAnswers.expectSame(Self.outputs(subset, filter), as: expected, "moved by errata")
  }

  @Test("A replay with no filter of time, type or announcer, or with an area, is not read this way")
  func unnarrowed() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    #expect(reader.log(forReplay: EventFilter()) == nil)
    let area = try #require(log.areas.areas.first)
    let moment = try #require(log.events.first?.announced.range.earliest)
    #expect(reader.log(forReplay: EventFilter(from: moment, area: area)) == nil)
  }
}
