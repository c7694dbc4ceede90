import Testing

@testable import TruceKit

/// The events with errata applied, as every projection folds them.
@Suite("Effective events")
struct EffectiveEventsTests {
  /// What the effective events are by definition: voided events dropped, amended ones replaced.
  private func byDefinition(_ log: EventLog) -> [Event] {
    log.events.compactMap { event in
      if log.voided.contains(event.id) { return nil }
      return log.amendments[event.id] ?? event
    }
  }

  @Test("On a generated history with errata and voided events, they are as defined")
  func generatedHistory() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 6, seed: 17)
    #expect(!log.amendments.isEmpty)
    #expect(!log.voided.isEmpty)
    #expect(log.effectiveEvents == byDefinition(log))
  }

  @Test(
    "A log whose lines are not known by id (a scenario's events) gives them as defined too, taken or not"
  )
  func logWithoutLines() throws {
    var log = try GeneratorScratch.log(events: 800, areas: 4, seed: 3)
    log.lineByID = [:]
    let expected = byDefinition(log)
    #expect(!log.amendments.isEmpty && !log.voided.isEmpty)
    #expect(log.effectiveEvents == expected)
    #expect(log.takeEffectiveEvents() == expected)
  }

  @Test(
    "Taking them from the log gives them as defined, on logs with and without errata",
    arguments: [(3_000, UInt64(17)), (40, UInt64(2))])
  func taking(events: Int, seed: UInt64) throws {
    var log = try GeneratorScratch.log(events: events, areas: 4, seed: seed)
    let expected = byDefinition(log)
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
    arguments: [
      (voided: [1], amended: []), (voided: [6], amended: []), (voided: [2, 3], amended: [4]),
      (voided: [6], amended: [1]), (voided: [], amended: [1, 2, 3, 4, 5, 6]),
      (voided: [1, 2, 3, 4, 5, 6], amended: []), (voided: [1, 3, 5], amended: [2, 6]),
      (voided: [2, 5], amended: [2, 3, 5]), (voided: [1, 6], amended: [6, 1, 4]),
    ])
  func takingAtEveryPlace(voided: [Int], amended: [Int]) throws {
    var lines = (1...6).map { TestLog.event($0, "s\($0)", "statement", #""kind":"claim""#) }
    for target in voided {
      lines.append(
        TestLog.event(
          lines.count + 1, "v\(target)", "correction.erratum",
          #""corrects":"s\#(target)","void":true"#))
    }
    for target in amended {
      lines.append(
        TestLog.event(
          lines.count + 1, "a\(target)", "correction.erratum",
          #""corrects":"s\#(target)","set":{"kind":"refusal"}"#))
    }
    let parsed = try TestLog.parse(lines)
    let expected = byDefinition(parsed)
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
