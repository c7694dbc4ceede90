import Foundation
import Testing

@testable import TruceKit

/// `replay` with `--type`, `--from` or `--to` (and no area) drawn from the lines the index points
/// to, against the same replay of the whole log.
@Suite("Replaying by type and window from the index")
struct IndexedReplayTests {
  /// Every step of a replay, as JSON and as text.
  static func steps(_ log: EventLog, _ filter: EventFilter, zone: Zone) -> [String] {
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone))
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    return steps.map(renderer.json) + steps.map(renderer.text)
  }

  /// Filters over a log's announcements: each family and some single types, windows of a
  /// few days and of a season, with and without an as-of moment and an actor.
  static func filters(for log: EventLog) -> [EventFilter] {
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    func instant(_ fraction: Double) -> Instant {
      instants[min(instants.count - 1, Int(Double(instants.count) * fraction))]
    }
    var filters: [EventFilter] = [
      "pause", "corridor", "offensive", "statement", "proposal", "correction", "violation",
      "pause.extended", "correction.retraction", "correction.erratum", "corridor.closed",
    ].map { EventFilter(types: [$0]) }
    for (from, to) in [(0.1, 0.12), (0.5, 0.51), (0.3, 0.6), (0.97, 1.0)] {
      filters.append(EventFilter(from: instant(from), to: instant(to)))
      filters.append(EventFilter(from: instant(from), types: ["pause", "statement"]))
      filters.append(EventFilter(to: instant(to), types: ["correction"]))
    }
    filters.append(EventFilter(from: instant(0.2), asOf: instant(0.4)))
    filters.append(EventFilter(asOf: instant(0.5), types: ["corridor", "offensive"]))
    filters.append(EventFilter(types: ["pause"], actors: ["army"]))
    return filters
  }

  /// Compares each filter's replay from the index with the whole log's; returns how many were
  /// drawn from the index.
  static func compare(_ log: EventLog, reader: IndexedLogReader, filters: [EventFilter]) -> Int {
    let zone = log.areas.areas[0].zone
    var drawn = 0
    for (number, filter) in filters.enumerated() {
      let whole = steps(log, filter, zone: zone)
      guard let subset = reader.log(forReplayOf: filter) else { continue }
      drawn += 1
      #expect(subset.events.count < log.events.count, "filter \(number)")
      IndexedAnswers.expectSame(steps(subset, filter, zone: zone), as: whole, "filter \(number)")
    }
    return drawn
  }

  @Test(
    "Replays by type and window read from the index equal those of the whole log, on a history of 12,000 events"
  )
  func largeHistoryAgrees() throws {
    let history = try IndexedLogScratch(events: 12_000, areas: 10, seed: 83)
    defer { history.remove() }
    let (log, reader) = try IndexedAnswers.indexed(
      try history.prefix(12_000, named: "log.jsonl", indexed: false))
    let filters = Self.filters(for: log)
    let drawn = Self.compare(log, reader: reader, filters: filters)
    #expect(drawn == filters.count)
  }

  @Test(
    "Replays by type and window read from the index equal the whole log's, appended lines included")
  func appendedLinesAgree() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let filters = Self.filters(for: log)
    let drawn = Self.compare(log, reader: reader, filters: filters)
    #expect(drawn == filters.count)
  }

  @Test(
    "A retraction of a report that disputes another reads both, and says the fact is no longer disputed"
  )
  func retractedDisputingReport() throws {
    let scratch = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    defer { scratch.remove() }
    for event in [
      try ScratchLog.event(
        "v", "violation.reported", announced: "2016-04-11", #""at":"2016-04-11""#),
      try ScratchLog.event(
        "s", "statement", announced: "2016-04-12", #""kind":"refusal","disputes":["v"]"#),
      try ScratchLog.event(
        "p", "proposal", announced: "2016-04-13", #""proposal":"talks-1","kind":"talks""#),
      try ScratchLog.event(
        "r", "correction.retraction", announced: "2016-04-14", #""retracts":"s""#),
    ] {
      _ = try scratch.appender.append(event)
    }
    let (whole, reader) = try IndexedAnswers.indexed(scratch.path)
    let filter = EventFilter(types: ["correction"])
    let subset = try #require(reader.log(forReplayOf: filter))
    #expect(Set(subset.events.map(\.id)) == ["v", "s", "r"])
    let expected = Self.steps(whole, filter, zone: TestLog.damascus)
    #expect(expected.joined().contains("no longer disputed"))
    #expect(Self.steps(subset, filter, zone: TestLog.damascus) == expected)
  }

  @Test(
    "An event an erratum moves into the window, or out of it, is replayed from the index as from the whole log"
  )
  func erratumMovesAnEventAcrossTheWindow() throws {
    let scratch = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    defer { scratch.remove() }
    let declaration = #""kind":"pause","window":{"start":"2016-04-02T09:00"}"#
    for event in [
      try ScratchLog.event(
        "in", "pause.declared", announced: "2016-04-01", #""pause":"p-in","# + declaration),
      try ScratchLog.event(
        "out", "pause.declared", announced: "2016-04-21", #""pause":"p-out","# + declaration),
      try ScratchLog.event(
        "e1", "correction.erratum", announced: "2016-04-22",
        #""corrects":"in","set":{"announced":"2016-04-20"}"#),
      try ScratchLog.event(
        "e2", "correction.erratum", announced: "2016-04-23",
        #""corrects":"out","set":{"announced":"2016-04-03"}"#),
    ] {
      _ = try scratch.appender.append(event)
    }
    let (whole, reader) = try IndexedAnswers.indexed(scratch.path)
    let from = try TestLog.instant("2016-04-15T00:00Z")
    let to = try TestLog.instant("2016-04-21T00:00Z")
    for filter in [
      EventFilter(from: from, types: ["pause"]), EventFilter(to: from, types: ["pause"]),
      EventFilter(from: from, to: to),
    ] {
      let subset = try #require(reader.log(forReplayOf: filter))
      let expected = Self.steps(whole, filter, zone: TestLog.damascus)
      #expect(!expected.isEmpty)
      #expect(Self.steps(subset, filter, zone: TestLog.damascus) == expected)
    }
  }

  @Test("An area, or a filter that does not narrow the steps, is not read through this log")
  func filtersThatDoNotNarrow() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let instant = try #require(log.events.last?.announced.range.earliest)
    #expect(reader.log(forReplayOf: EventFilter()) == nil)
    #expect(reader.log(forReplayOf: EventFilter(asOf: instant)) == nil)
    #expect(reader.log(forReplayOf: EventFilter(actors: ["army"])) == nil)
    #expect(
      reader.log(forReplayOf: EventFilter(area: log.areas.areas[0], types: ["pause"])) == nil)
    #expect(reader.log(forReplayOf: EventFilter(types: ["pause"])) != nil)
  }

  @Test("A replay that would read more lines than its limit reads the whole log instead")
  func lineLimit() throws {
    let (history, _, _, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let filter = EventFilter(types: ["proposal"])
    let subset = try #require(reader.log(forReplayOf: filter))
    let read = subset.events.count
    #expect(reader.log(forReplayOf: filter, lineLimit: read) != nil)
    #expect(reader.log(forReplayOf: filter, lineLimit: read - 1) == nil)
    #expect(IndexedLogReader.replayLineLimit(ofEvents: 3_000) == 50_000)
    #expect(IndexedLogReader.replayLineLimit(ofEvents: 1_000_000) == 300_000)
  }
}
