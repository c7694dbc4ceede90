import Foundation
import Testing

@testable import TruceKit

/// A log read to be folded only holds its events as records; a cold answer folds them, and shows
/// each event it names read again from its line: the same answer, byte for byte, as from events.
@Suite("Events held as records")
struct RecordedEventsTests {
  private static let bundledPath = TestLog.repositoryRoot.appendingPathComponent(
    BundledLog.relativePath
  ).path

  /// A history read both ways: its events decoded, and held as records.
  private static func logs(_ history: String) throws -> (events: EventLog, records: EventLog) {
    guard history == "generated" else {
      return (
        try EventLog.read(path: bundledPath),
        try EventLog.read(path: bundledPath, options: .readingRecords)
      )
    }
    // Long enough for the decoder's workers and the fold's lanes; with errata that amend and
    // void, retractions, disputes, day-only dates and times near clock changes. The file goes
    // once read: each log keeps it open.
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 12_000, areas: 9, seed: 73).write(to: scratch.log)
    return (
      try EventLog.read(path: scratch.log),
      try EventLog.read(path: scratch.log, options: .readingRecords)
    )
  }

  /// A history's records with errata applied, taken from the log read as records (left as
  /// `taken`), beside its events with errata applied and its log read whole.
  private static func effective(_ history: String) throws -> (
    recorded: RecordedEvents, events: [Event], whole: EventLog, taken: EventLog
  ) {
    let (whole, records) = try logs(history)
    var taken = records
    let recordedIfAny = taken.takeEffectiveRecords()
    let recorded = try #require(recordedIfAny)
    return (recorded, whole.effectiveEvents, whole, taken)
  }

  @Test(
    "A log read as records holds no events, and counts them, its chain and errata as read whole",
    arguments: ["bundled", "generated"])
  func readAsRecords(history: String) throws {
    let (events, records) = try Self.logs(history)
    #expect(records.events.isEmpty)
    #expect(records.eventCount == events.events.count)
    #expect(records.lastLineHash == events.lastLineHash)
    #expect(records.isChained == events.isChained)
    #expect(records.completeLength == events.completeLength)
    #expect(records.amendments == events.amendments)
    #expect(records.voided == events.voided)
    #expect(records.eventLines == events.eventLines)
  }

  @Test(
    "Each event, read again from its line or as amended, is the event with errata applied",
    arguments: ["bundled", "generated"])
  func eventsReadAgain(history: String) throws {
    let (recorded, effective, whole, taken) = try Self.effective(history)
    #expect(taken.records == nil && taken.eventLines.isEmpty, "handed over")
    #expect(recorded.count == effective.count)
    if history == "generated" {
      #expect(!whole.voided.isEmpty && !whole.amendments.isEmpty, "errata void and amend")
    }
    var differing: [String] = []
    for position in effective.indices where recorded.event(at: position) != effective[position] {
      differing.append(effective[position].id)
    }
    #expect(differing.isEmpty, "events read again that differ: \(differing.prefix(5))")
    #expect(recorded.rereadFailure == nil)
  }

  @Test(
    "Records fold as the events do, as known at moments through the history",
    arguments: ["bundled", "generated"])
  func recordsFoldAsEvents(history: String) throws {
    let (recorded, effective, _, _) = try Self.effective(history)
    for knowledge in TestHistories.knowledge(through: effective, at: [0.3, 0.7]) {
      expectFoldsAlike(.records(recorded), effective, as: knowledge, history)
    }
  }

  @Test(
    "A cold answer from records is the answer from events, in JSON and in text",
    arguments: ["bundled", "generated"])
  func answersAlike(history: String) throws {
    let (events, records) = try Self.logs(history)
    let utc = try #require(Zone(identifier: "UTC"))
    let step = max(1, events.events.count / 4)
    let instants = stride(from: step / 2, to: events.events.count, by: step).compactMap {
      events.events[$0].announced.range.earliest
    }
    var queries: [AtQuery] = []
    for (index, instant) in instants.enumerated() {
      let moment = try Moment(parsing: instant.iso8601, zone: utc)
      queries.append(AtQuery(moment: moment, zone: utc))
      var everything = AtQuery(
        moment: moment, asOf: try Moment(parsing: instants[0].iso8601, zone: utc), zone: utc)
      everything.contextLimit = nil
      queries.append(everything)
      let areas = events.areas.areas
      queries.append(AtQuery(moment: moment, area: areas[index % areas.count], zone: utc))
    }
    let json = AtJSONRenderer(logFile: events.file)
    let text = AtTextRenderer(logFile: events.file, areas: events.areas)
    for query in queries {
      var fromEvents = events
      var fromRecords = records
      let expected = query.answer(consuming: &fromEvents)
      let answer = query.answer(consuming: &fromRecords)
      let context = "\(history), at \(query.moment), as of \(String(describing: query.asOf))"
      #expect(json.renderedBytes(answer) == json.renderedBytes(expected), "\(context)")
      #expect(text.render(answer) == text.render(expected), "\(context)")
      #expect(answer.projection.rereadFailure == nil, "\(context)")
    }
  }

  @Test(
    "Errata at the start, the end and side by side drop and patch records as defined",
    arguments: ErrataPlacements.cases)
  func errataAtEveryPlace(voided: [Int], amended: [Int]) throws {
    let lines = ErrataPlacements.lines(voided: voided, amended: amended)
    let expected = ErrataPlacements.byDefinition(try TestLog.parse(lines))
    let parsed = try TestLog.parse(lines, options: .readingRecords)
    // With positions from the lines by id, and without (every record looked up).
    var withoutLines = parsed
    withoutLines.lineByID = [:]
    for var log in [parsed, withoutLines] {
      let taken = log.takeEffectiveRecords()
      let recorded = try #require(taken)
      #expect((0..<recorded.count).map { recorded.event(at: $0) } == expected)
    }
  }

  @Test("An event amended twice is read again with both errata merged in, the second on the first")
  func amendedTwice() throws {
    let lines = [
      TestLog.event(1, "s1", "statement", #""kind":"claim""#),
      TestLog.event(2, "a1", "correction.erratum", #""corrects":"s1","set":{"note":"first"}"#),
      TestLog.event(3, "a2", "correction.erratum", #""corrects":"s1","set":{"kind":"refusal"}"#),
    ]
    let expected = try TestLog.parse(lines).effectiveEvents
    var log = try TestLog.parse(lines, options: .readingRecords)
    let taken = log.takeEffectiveRecords()
    let recorded = try #require(taken)
    let events = (0..<recorded.count).map { recorded.event(at: $0) }
    #expect(events == expected)
    #expect(events.first?.note == "first")
    #expect(events.first?.payload == .statement(kind: .refusal, about: []))
    #expect(events.first?.line == 2)
    #expect(recorded.rereadFailure == nil)
  }

  @Test("A line that can no longer be read again is reported, and the answer that needed it too")
  func shortenedFile() throws {
    let scratch = try GeneratorScratch.bundledCopy()
    defer { scratch.remove() }
    var log = try EventLog.read(path: scratch.log, options: .readingRecords)
    let expected = try EventLog.read(path: scratch.log).effectiveEvents
    // A tool that ignores the log's lock cuts it after its header.
    let handle = try #require(FileHandle(forWritingAtPath: scratch.log))
    try handle.truncate(atOffset: UInt64(log.headerLine.count + 1))
    try handle.close()
    var copy = log
    let taken = copy.takeEffectiveRecords()
    let recorded = try #require(taken)
    // The event stands in with what its record holds, and the failure is kept.
    let partial = recorded.event(at: 0)
    #expect(partial.id == expected[0].id && partial.payload == expected[0].payload)
    #expect(partial.announced == expected[0].announced && partial.area == expected[0].area)
    let failure = try #require(recorded.rereadFailure)
    #expect(failure.file == scratch.log)
    #expect(failure.line == expected[0].line)
    guard case .unreadable(let message) = failure.problem else {
      Issue.record("expected an unreadable line, got \(failure.problem)")
      return
    }
    #expect(message.contains("changed while it was read"))
    // An answer that shows events reports it too.
    let query = AtQuery(
      moment: try Moment(parsing: "2016-11-04T12:00", zone: TestLog.damascus),
      zone: TestLog.damascus)
    let answer = query.answer(consuming: &log)
    _ = AtJSONRenderer(logFile: scratch.log).renderedBytes(answer)
    #expect(answer.projection.rereadFailure?.file == scratch.log)
  }

  @Test("Removing records keeps the others in order; replacing one changes it alone")
  func removeAndReplace() throws {
    let events = Array(try TestLog.bundled().events.prefix(12))
    var store = CompactEvents(events)
    store.replace(at: 3, with: events[7])
    store.remove(atAscending: [0, 5, 6, 11])
    let expected = [1, 2, 7, 4, 7, 8, 9, 10].map { events[$0] }
    #expect(store.count == expected.count)
    for (position, event) in expected.enumerated() {
      #expect(store.id(at: position) == event.id)
      #expect(store.payload(at: position) == event.payload)
      #expect(store.announced(at: position) == event.announced)
      #expect(store.words(at: position) == event.source.quote ?? event.note)
    }
  }
}
