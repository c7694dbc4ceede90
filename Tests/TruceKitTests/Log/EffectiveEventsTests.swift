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
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 3_000, areas: 6, seed: 17).write(to: scratch.log)
    let log = try EventLog.read(path: scratch.log)
    #expect(!log.amendments.isEmpty)
    #expect(!log.voided.isEmpty)
    #expect(log.effectiveEvents == byDefinition(log))
  }

  @Test("A log whose lines are not known by id (a scenario's events) gives them as defined too")
  func logWithoutLines() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 800, areas: 4, seed: 3).write(to: scratch.log)
    var log = try EventLog.read(path: scratch.log)
    log.lineByID = [:]
    #expect(log.effectiveEvents == byDefinition(log))
  }
}
