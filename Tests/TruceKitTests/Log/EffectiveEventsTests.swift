import Testing

@testable import TruceKit

/// The events with errata applied, as every projection folds them.
@Suite("Effective events")
struct EffectiveEventsTests {
  @Test("On a generated history with errata and voided events, they are as defined")
  func generatedHistory() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 6, seed: 17)
    #expect(!log.amendments.isEmpty)
    #expect(!log.voided.isEmpty)
    #expect(log.effectiveEvents == ErrataPlacements.byDefinition(log))
  }

  @Test(
    "A log whose lines are not known by id (a scenario's events) gives them as defined too, taken or not"
  )
  func logWithoutLines() throws {
    var log = try GeneratorScratch.log(events: 800, areas: 4, seed: 3)
    log.lineByID = [:]
    let expected = ErrataPlacements.byDefinition(log)
    #expect(!log.amendments.isEmpty && !log.voided.isEmpty)
    #expect(log.effectiveEvents == expected)
    #expect(log.takeEffectiveEvents() == expected)
  }

  @Test(
    "Taking them from the log gives them as defined, on logs with and without errata",
    arguments: [(3_000, UInt64(17)), (40, UInt64(2))])
  func taking(events: Int, seed: UInt64) throws {
    var log = try GeneratorScratch.log(events: events, areas: 4, seed: seed)
    let expected = ErrataPlacements.byDefinition(log)
    let lastLineHash = log.lastLineHash
    #expect(log.takeEffectiveEvents() == expected)
    #expect(log.events.isEmpty)
    #expect(log.lastLineHash == lastLineHash)
  }

  @Test("An answer that folds the log's own events is the answer from a copy")
  func answerConsumingTheLog() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 6, seed: 8)
    let utc = try #require(Zone(identifier: "UTC"))
    for event in log.events.filter({ $0.seq % 500 == 0 }) {
      let instant = try #require(event.announced.range.earliest)
      let query = AtQuery(moment: try Moment(parsing: instant.iso8601, zone: utc), zone: utc)
      var consumed = log
      let renderer = AtJSONRenderer(logFile: log.file)
      #expect(
        renderer.render(query.answer(consuming: &consumed))
          == renderer.render(query.answer(from: log)))
    }
  }

  @Test(
    "Taking them patches and drops events at the start, the end and side by side, as defined",
    arguments: ErrataPlacements.cases)
  func takingAtEveryPlace(voided: [Int], amended: [Int]) throws {
    let lines = ErrataPlacements.lines(voided: voided, amended: amended)
    let parsed = try TestLog.parse(lines)
    let expected = ErrataPlacements.byDefinition(parsed)
    #expect(expected.count == lines.count - voided.count)
    // With positions from the lines by id, and without (every event looked up).
    var withoutLines = parsed
    withoutLines.lineByID = [:]
    for var log in [parsed, withoutLines] {
      #expect(log.effectiveEvents == expected)
      #expect(log.takeEffectiveEvents() == expected)
    }
  }
}
