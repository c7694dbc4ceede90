import Testing

@testable import TruceKit

/// The replay folds each event once into a running state; these tests hold it to the definition:
/// each step's changes are those between projections of everything before the step and
/// everything up to it, and the running state is the projection of what was folded so far.
@Suite("Replaying incrementally")
struct IncrementalReplayTests {
  /// Retractions that reorder pauses, withdraw conditions and claims, or come before their
  /// targets; a closure replayed before its corridors opened. The file lists
  /// what is referred to first; the announcement times set the replay's order.
  static let log: [String] = [
    TestLog.event(
      1, "a1", "pause.declared", announced: "2016-11-01T10:00",
      #""pause":"a","kind":"humanitarian-pause","window":{"start":"2016-11-01T12:00","end":"2016-11-02T19:00"}"#
    ),
    TestLog.event(
      2, "b1", "pause.declared", announced: "2016-11-01T11:00",
      #""pause":"b","kind":"ceasefire","window":{"start":"2016-11-01T12:00"}"#),
    TestLog.event(
      3, "cond", "statement", announced: "2016-11-01T12:00",
      #""kind":"condition","about":["a","b"]"#),
    TestLog.event(
      4, "a2", "pause.extended", announced: "2016-11-01T13:00", source: "Wire B",
      #""pause":"a","end":"2016-11-03T19:00""#),
    TestLog.event(
      5, "c1", "corridor.opened", announced: "2016-11-01T15:00", area: "east-aleppo",
      #""corridor":"c","pause":"a","count":2,"users":["civilians"]"#),
    TestLog.event(
      6, "close", "corridor.closed", announced: "2016-11-01T14:00",
      #""corridor":"c","at":"2016-11-02T10:00""#),
    TestLog.event(
      7, "claim", "statement", announced: "2016-11-01T16:00", source: "Wire C",
      extra: #""disputes":["a2"]"#, #""kind":"claim","about":["a"]"#),
    TestLog.event(
      8, "late", "pause.declared", announced: "2016-11-01T20:00",
      #""pause":"b","kind":"pause","window":{"start":"2016-11-01T13:00"}"#),
    TestLog.event(
      9, "r-early", "correction.retraction", announced: "2016-11-01T17:00",
      #""retracts":"late""#),
    TestLog.event(
      10, "r-a1", "correction.retraction", announced: "2016-11-01T18:00", #""retracts":"a1""#),
    TestLog.event(
      11, "r-cond", "correction.retraction", announced: "2016-11-01T19:00",
      #""retracts":"cond""#),
    TestLog.event(
      12, "r-claim", "correction.retraction", announced: "2016-11-01T21:00",
      #""retracts":"claim""#),
    TestLog.event(
      13, "r-a2", "correction.retraction", announced: "2016-11-01T22:00", #""retracts":"a2""#),
    TestLog.event(
      14, "a3", "pause.ended", announced: "2016-11-01T23:00",
      #""pause":"a","at":"2016-11-01T23:00","how":"collapsed""#),
  ]

  @Test("Retractions in a small log change what a fold of every prefix says they change")
  func retractionsMatchRefolding() throws {
    let log = try TestLog.parse(Self.log)
    try expectSameSteps(log, EventFilter())
    try expectRunningStateIsTheFold(log, .everything)
  }

  @Test("A generated history replays as folding every prefix would, all steps or some shown")
  func generatedHistoryMatchesRefolding() throws {
    let log = try Self.generated(events: 400, seed: 3)
    try expectSameSteps(log, EventFilter())
    try expectRunningStateIsTheFold(log, .everything)
    var filter = EventFilter()
    filter.types = ["pause"]
    try expectSameSteps(log, filter)
    // Corridor groups shown after steps not described, in which their pauses changed.
    filter.types = ["corridor"]
    try expectSameSteps(log, filter)
  }

  @Test(
    "Steps not described leave the running state the fold",
    arguments: [("none described", 0), ("every third described", 3), ("every 40th described", 40)])
  func undescribedStepsKeepTheFold(_ name: String, _ every: Int) throws {
    for (events, seed): (Int, UInt64) in [(400, 3), (600, 5)] {
      let log = try Self.generated(events: events, seed: seed)
      try expectRunningStateIsTheFold(log, .everything) { every > 0 && $0 % every == 0 }
    }
  }

  @Test("A 2,000-event history: sampled steps match refolding, and the running state is the fold")
  func sampledStepsMatchRefolding() throws {
    let log = try Self.generated(events: 2_000, seed: 7)
    let events = AnnouncementOrder.sorted(log.effectiveEvents)
    let steps = Replayer(zone: TestLog.damascus).steps(of: log)
    try #require(steps.count == events.count)
    let describer = ChangeDescriber(time: TimeFormatter(zone: TestLog.damascus))
    var fold = try #require(ReplayFold(events: events, knowledge: .everything))
    for position in events.indices {
      fold.foldNextUndescribed()
      guard position % 97 == 0 || position == events.count - 1 else { continue }
      // Everything folded since the last sample is settled at once.
      fold.settlePending()
      let before = Projection(events: Array(events[..<position]))
      let after = Projection(events: Array(events[...position]))
      #expect(steps[position].event.id == events[position].id)
      #expect(
        steps[position].changes == describer.changes(from: before, to: after),
        "step \(position + 1)")
      #expect(Self.state(of: fold) == Self.state(of: after), "state after step \(position + 1)")
      #expect(steps[position].state.pauses == after.pauses)
    }
  }

  @Test("As of a moment: possibly known retractions withdraw nothing, as in a projection")
  func asOfMatchesRefolding() throws {
    let log = try Self.generated(events: 400, seed: 11)
    let events = AnnouncementOrder.sorted(log.effectiveEvents)
    var filter = EventFilter()
    filter.asOf = events[events.count / 2].announced.range.latest
    try expectSameSteps(log, filter)
    try expectRunningStateIsTheFold(log, Knowledge(asOf: filter.asOf))
  }

  // MARK: - Helpers

  /// The steps of a replay against the definition: a fold of every prefix.
  private func expectSameSteps(_ log: EventLog, _ filter: EventFilter) throws {
    let steps = Replayer(filter: filter, zone: TestLog.damascus).steps(of: log)
    let knowledge = Knowledge(asOf: filter.asOf)
    let events = AnnouncementOrder.sorted(log.effectiveEvents).filter {
      knowledge.status(of: $0) != .unknown
    }
    let describer = ChangeDescriber(time: TimeFormatter(zone: TestLog.damascus))
    var before = Projection(events: [], knowledge: knowledge, hypothetical: log.hypothetical)
    var expected: [(id: String, changes: [Change])] = []
    for position in events.indices {
      let after = Projection(
        events: Array(events[...position]), knowledge: knowledge, hypothetical: log.hypothetical)
      if filter.accepts(events[position], areas: log.areas) {
        expected.append((events[position].id, describer.changes(from: before, to: after)))
      }
      before = after
    }
    try #require(steps.count == expected.count)
    for (step, wanted) in zip(steps, expected) {
      #expect(step.event.id == wanted.id)
      #expect(step.total == expected.count)
      #expect(step.changes == wanted.changes, "step \(step.number): \(step.event.id)")
    }
  }

  /// The running state after each described step, and after everything is settled at the
  /// end, against a fold of everything up to it.
  ///
  /// - Parameter describing: Whether the step at a position is folded to be described; steps
  ///   not described are settled with the next described one.
  private func expectRunningStateIsTheFold(
    _ log: EventLog, _ knowledge: Knowledge, describing: (Int) -> Bool = { _ in true }
  ) throws {
    let events = AnnouncementOrder.sorted(log.effectiveEvents).filter {
      knowledge.status(of: $0) != .unknown
    }
    let describer = ChangeDescriber(time: TimeFormatter(zone: TestLog.damascus))
    var fold = try #require(ReplayFold(events: events, knowledge: knowledge))
    for position in events.indices {
      let last = position == events.count - 1
      guard describing(position) || last else {
        fold.foldNextUndescribed()
        continue
      }
      if describing(position) {
        _ = fold.foldNext(describedBy: describer)
      } else {
        fold.foldNextUndescribed()
        fold.settlePending()
      }
      let projection = Projection(events: Array(events[...position]), knowledge: knowledge)
      #expect(Self.state(of: fold) == Self.state(of: projection), "after \(events[position].id)")
    }
  }

  /// What a projection lists: tracks in order, then every dispute.
  struct State: Equatable {
    var pauses: [PauseTrack]
    var corridors: [CorridorTrack]
    var offensives: [OffensiveTrack]
    var disputes: [Dispute]
  }

  static func state(of projection: Projection) -> State {
    State(
      pauses: projection.pauses, corridors: projection.corridors,
      offensives: projection.offensives, disputes: projection.disputes)
  }

  /// The running state of a replay, listed as a projection lists it.
  static func state(of fold: ReplayFold) -> State {
    let pauses = fold.pauses.filter(\.isOnRecord).sorted { $0.order < $1.order }
    let corridors = fold.corridors.filter(\.isOnRecord).sorted { $0.order < $1.order }
    let offensives = fold.offensives.filter(\.isOnRecord).sorted { $0.order < $1.order }
    let claims = fold.claims.sorted { $0.key < $1.key }.map(\.value)
    return State(
      pauses: pauses.map(\.track), corridors: corridors.map(\.track),
      offensives: offensives.map(\.track),
      disputes: pauses.flatMap(\.disputes) + pauses.flatMap(\.dailyHours)
        + corridors.flatMap(\.disputes) + offensives.flatMap(\.disputes) + claims)
  }

  /// A generated history, read back.
  private static func generated(events: Int, seed: UInt64) throws -> EventLog {
    try GeneratorScratch.log(events: events, areas: 12, seed: seed)
  }
}
