import Foundation
import Testing

@testable import TruceKit

/// `truce show <id>` drawn from the lines the index points to, against the same event shown
/// from the whole log.
@Suite("Showing an event from the index")
struct IndexedShowTests {
  /// What `show` writes for an event, as text and as JSON, from a log that holds it.
  static func shown(_ id: String, renderer: EventDetailRenderer) throws -> [String] {
    let event = try #require(renderer.log.events.first { $0.id == id })
    return [renderer.text(event), renderer.json(event)]
  }

  static func renderer(_ log: EventLog) throws -> EventDetailRenderer {
    EventDetailRenderer(log: log, time: TimeFormatter(zone: try #require(log.areas.zones.first)))
  }

  /// Shows every event (or every `stride`-th) from the index and from the whole log; returns
  /// how many the index answered.
  static func compareEveryEvent(
    path: String, whole: EventLog, stride step: Int = 1
  ) throws -> (asked: Int, answered: Int) {
    let reader = try #require(IndexedLogReader(path: path))
    let wholeRenderer = try renderer(whole)
    var answered = 0
    var asked = 0
    for event in Swift.stride(from: 0, to: whole.events.count, by: step).map({ whole.events[$0] }) {
      asked += 1
      guard let subset = reader.log(showing: event.id) else { continue }
      answered += 1
      #expect(subset.events.count < whole.events.count || whole.events.count < 10, "\(event.id)")
      let expected = try Self.shown(event.id, renderer: wholeRenderer)
      let found = try Self.shown(event.id, renderer: try renderer(subset))
      for (expected, found) in zip(expected, found) where expected != found {
        Issue.record("\(event.id): \(found) ≠ \(expected)")
      }
    }
    return (asked, answered)
  }

  @Test(
    "Every other event of a generated history reads from the index as from the whole log, appended lines included"
  )
  func generatedHistory() throws {
    let history = try IndexedLogScratch(events: 2_000, areas: 8, seed: 61)
    defer { history.remove() }
    let path = try history.indexedLog(1_990, appendingThrough: 1_996, named: "log.jsonl")
    let whole = try EventLog.read(path: path)
    #expect(try #require(IndexedLogReader(path: path)).tailBytes > 0)
    let (shown, answered) = try Self.compareEveryEvent(path: path, whole: whole, stride: 2)
    print("events shown from the index: \(answered) of \(shown)")
    #expect(answered * 10 >= shown * 9)
  }

  @Test("Every event of the bundled history reads from the index as from the whole log")
  func bundledHistory() throws {
    let scratch = try GeneratorScratch.bundledCopy()
    defer { scratch.remove() }
    let whole = try EventLog.read(path: scratch.log)
    _ = try AtIndexing.write(for: whole, path: scratch.log)
    let (shown, answered) = try Self.compareEveryEvent(path: scratch.log, whole: whole)
    #expect(answered == shown)
  }

  @Test(
    "An event corrected by an erratum recorded elsewhere reads from the index as from the whole log",
    arguments: IndexedAreaErrataTests.cases)
  func erratumFromElsewhere(_ example: IndexedAreaErrataTests.Case) throws {
    let (log, whole) = try IndexedAreaErrataTests.scratch(example)
    defer { log.remove() }
    let (shown, answered) = try Self.compareEveryEvent(path: log.path, whole: whole)
    #expect(answered == shown)
  }

  @Test("An id no event has is not shown from the index, which names the ids the whole log would")
  func unknownIDs() throws {
    let history = try IndexedLogScratch(events: 400, areas: 4, seed: 5)
    defer { history.remove() }
    let path = try history.indexedLog(390, appendingThrough: 392, named: "log.jsonl")
    let reader = try #require(IndexedLogReader(path: path))
    let whole = try EventLog.read(path: path)
    #expect(reader.log(showing: "no-such-event") == nil)
    // The appended events are shown too.
    let appended = try #require(whole.events.last)
    #expect(reader.log(showing: appended.id)?.events.contains { $0.id == appended.id } == true)
    // For an id no event has, the index names the same similar ids as the whole log: the
    // first five in log order that begin with its first four characters, appended ones too.
    let first = try #require(whole.events.first).id
    let unknown = [
      "no-such-event", first + "x", String(first.prefix(4)) + "zz", String(appended.id.prefix(4)),
      "", "é", String(appended.id.dropLast()) + "x",
    ]
    for id in unknown where !whole.events.contains(where: { $0.id == id }) {
      let expected = whole.events.map(\.id).filter { $0.hasPrefix(String(id.prefix(4))) }
      #expect(reader.similarEventIDs(toUnknown: id, limit: 5) == Array(expected.prefix(5)), "\(id)")
      // Every one, appended ones last.
      #expect(reader.similarEventIDs(toUnknown: id, limit: 10_000) == expected, "\(id)")
    }
    #expect(reader.similarEventIDs(toUnknown: first, limit: 5) == nil)
    #expect(reader.similarEventIDs(toUnknown: appended.id, limit: 5) == nil)
  }

  @Test(
    "A report an erratum moves to another pause, where it is disputed, reads from the index as from the whole log"
  )
  func reportMovedToAnotherPause() throws {
    let log = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    defer { log.remove() }
    let window = #""kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-04T"#
    let events = [
      try ScratchLog.event("p1-declared", "pause.declared", #""pause":"p1",\#(window)19:00"}"#),
      try ScratchLog.event("p2-declared", "pause.declared", #""pause":"p2",\#(window)21:00"}"#),
      try ScratchLog.event("p1-report", "pause.declared", #""pause":"p1",\#(window)19:00"}"#),
      try ScratchLog.event(
        "erratum", "correction.erratum", announced: "2016-11-07",
        #""corrects":"p1-report","set":{"pause":"p2"}"#),
    ]
    for event in events { _ = try log.appender.append(event) }
    let whole = try EventLog.read(path: log.path)
    _ = try AtIndexing.write(for: whole, path: log.path)
    // The whole log has the moved report disputing the end of p2.
    let shown = try Self.shown("p1-report", renderer: try Self.renderer(whole))
    #expect(shown[0].contains("DISPUTED BY") && shown[0].contains("p2-declared"))
    _ = try Self.compareEveryEvent(path: log.path, whole: whole)
  }

  @Test("A log of some lines shows an event as recorded only when it kept the lines it read")
  func subsetKeepsLinesOnlyWhenAsked() throws {
    let scratch = try GeneratorScratch.bundledCopy()
    defer { scratch.remove() }
    let whole = try EventLog.read(path: scratch.log)
    _ = try AtIndexing.write(for: whole, path: scratch.log)
    let reader = try #require(IndexedLogReader(path: scratch.log))
    let event = try #require(whole.events.last)
    let line = LogSubset.Line(
      offset: whole.eventLines[whole.events.count - 1].lowerBound,
      number: event.line)
    for keeping in [false, true] {
      let subset = try LogSubset.log(
        file: scratch.log, header: whole.header, lines: [line], reader: reader.reader,
        keepingLines: keeping)
      #expect(subset.events.map(\.id) == [event.id])
      #expect((subset.rawObject(id: event.id) != nil) == keeping)
      #expect(subset.rawObject(id: event.id) == (keeping ? whole.rawObject(id: event.id) : nil))
    }
  }
}
