import Testing

@testable import TruceKit

/// A log's events with its errata applied, read where they lie, are the events with errata
/// applied in a list of their own: event by event, field by field, and folded.
@Suite("A log's events with errata applied, in place")
struct EffectiveEventsInPlaceTests {
  /// Whether every effective event, and every field the fold reads of it, is the same in both.
  private static func same(_ inPlace: EffectiveEvents, _ copy: [Event]) -> Bool {
    inPlace.count == copy.count
      && copy.indices.allSatisfy { position in
        inPlace.event(at: position) == copy[position]
          && inPlace.id(at: position) == copy.id(at: position)
          && inPlace.type(at: position) == copy.type(at: position)
          && inPlace.area(at: position) == copy.area(at: position)
          && inPlace.announced(at: position) == copy.announced(at: position)
          && inPlace.payload(at: position) == copy.payload(at: position)
          && inPlace.itemChange(at: position) == copy.itemChange(at: position)
          && inPlace.citation(at: position) == copy.citation(at: position)
          && inPlace.words(at: position) == copy.words(at: position)
          && inPlace.subject(at: position) == copy.subject(at: position)
          && inPlace.disputes(at: position) == copy.disputes(at: position)
          && inPlace.sameAnnouncementAs(at: position) == copy.sameAnnouncementAs(at: position)
          && inPlace.lanes(at: position) == copy.lanes(at: position)
      }
  }

  @Test(
    "A history's events with errata applied in place read as the copy with errata applied",
    arguments: TestHistories.names)
  func inPlaceReadsAsTheCopy(history: String) throws {
    let log = try TestHistories.log(history)
    #expect(!log.amendments.isEmpty || history == "bundled")
    #expect(Self.same(log.effectiveEventsInPlace, log.effectiveEvents))
  }

  @Test(
    "Errata at the start, the end and side by side drop and patch events in place as defined",
    arguments: ErrataPlacements.cases)
  func errataAtEveryPlace(voided: [Int], amended: [Int]) throws {
    let log = try TestLog.parse(ErrataPlacements.lines(voided: voided, amended: amended))
    let expected = ErrataPlacements.byDefinition(log)
    // With positions from the lines by id, and without (every event looked up).
    var withoutLines = log
    withoutLines.lineByID = [:]
    for log in [log, withoutLines] {
      #expect(
        Self.same(log.effectiveEventsInPlace, expected), "voided \(voided), amended \(amended)")
    }
  }

  @Test("A list given as it is reads as itself")
  func listAsGiven() throws {
    let events = try TestLog.bundled().events
    #expect(Self.same(EffectiveEvents(events), events))
    #expect(Self.same(EffectiveEvents(events, corrected: [], amendments: [:]), events))
    #expect(EffectiveEvents([]).count == 0)
  }

  @Test(
    "A log folds in place as its copy with errata applied folds, as known at moments through it",
    arguments: TestHistories.names)
  func logFoldsAsItsCopy(history: String) throws {
    let log = try TestHistories.log(history)
    let effective = log.effectiveEvents
    for knowledge in TestHistories.knowledge(through: effective, at: [0.3, 0.7]) {
      expectFoldsAlike(.events(log.effectiveEventsInPlace), effective, as: knowledge, history)
      // And what the projection of the log reads back by id.
      let projection = Projection(log: log, knowledge: knowledge)
      let copied = Projection(events: effective, knowledge: knowledge)
      #expect(projection.statements == copied.statements)
      #expect(projection.proposals == copied.proposals)
      #expect(projection.violations == copied.violations)
      for id in effective.map(\.id).prefix(200) {
        #expect(projection.event(id) == copied.event(id))
      }
    }
  }
}
