import Testing

@testable import TruceKit

/// A replay reads the log's events in announcement order in place, and copies only those up to
/// its last shown step.
@Suite("Ordering a replay's events")
struct ReplayOrderTests {
  @Test(
    "The order is the effective events sorted by announcement, less those unknown as of the moment",
    arguments: [nil, 0.1, 0.5, 0.9] as [Double?])
  func orderIsTheEffectiveEventsSorted(_ asOfShare: Double?) throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 12, seed: 29)
    try #require(!log.amendments.isEmpty && !log.voided.isEmpty, "errata amend and void")
    let sorted = AnnouncementOrder.sorted(log.effectiveEvents)
    let asOf = asOfShare.map { sorted[Int(Double(sorted.count) * $0)].announced.range.latest }
    let knowledge = Knowledge(asOf: asOf ?? nil)
    let order = ReplayOrder(of: log, knowledge)
    let expected = sorted.filter { knowledge.status(of: $0) != .unknown }
    #expect(order.count == expected.count)
    #expect(order.events(prefix: order.count) == expected)
    #expect(order.events(prefix: 10) == Array(expected.prefix(10)))
    var filter = EventFilter()
    filter.types = ["correction", "pause.ended"]
    #expect(order.shown(by: filter) == expected.map { filter.accepts($0, areas: log.areas) })
  }

  @Test("A replay ending early says of its steps what a replay of everything says")
  func earlyEndMatchesTheFullReplay() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 12, seed: 31)
    let sorted = AnnouncementOrder.sorted(log.effectiveEvents)
    var filter = EventFilter()
    filter.to = sorted[sorted.count / 4].announced.range.latest
    let early = Replayer(filter: filter, zone: TestLog.damascus).steps(of: log)
    let full = Replayer(zone: TestLog.damascus).steps(of: log)
    let byID = Dictionary(uniqueKeysWithValues: full.map { ($0.event.id, $0) })
    try #require(early.count > 100)
    // Its last step comes before the history's end (undated announcements, placed at when
    // they were reported, pass any span): the rest is never folded.
    let last = try #require(early.last.flatMap { byID[$0.event.id] })
    #expect(last.number < full.count)
    for step in early {
      let same = try #require(byID[step.event.id])
      #expect(step.event == same.event)
      #expect(step.changes == same.changes, "step \(step.number)")
    }
    #expect(early.last?.state.pauses == last.state.pauses)
    #expect(early.last?.state.disputes == last.state.disputes)
  }

  @Test("Ids repeated after the last shown step still show every event bearing a shown id")
  func repeatedIDsAfterTheLastStepAreShown() throws {
    var log = try TestLog.parse(ReplayTests.log)
    // The condition, announced on 3 November, takes the id of the declaration of 1 November.
    log.events[4].id = "declared"
    var filter = EventFilter()
    // 2016-11-01T21:00Z: after the declaration and the day-only corridors, before both
    // extensions (one known only to 2 November, local time).
    filter.to = Instant(secondsSinceEpoch: 1_478_034_000)
    let steps = Replayer(filter: filter, zone: TestLog.damascus).steps(of: log)
    #expect(steps.map(\.event.id) == ["corridors", "declared", "declared"])
    #expect(steps.last?.event.type == .statement)
  }

  @Test("A replay that shows nothing has no steps")
  func nothingShownHasNoSteps() throws {
    let log = try GeneratorScratch.log(events: 500, areas: 6, seed: 37)
    let steps = Replayer(filter: EventFilter(types: ["no such type"]), zone: TestLog.damascus)
      .steps(of: log)
    #expect(steps.isEmpty)
  }
}
