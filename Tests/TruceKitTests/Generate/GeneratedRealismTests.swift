import Testing

@testable import TruceKit

/// Generated histories read like an analyst's log: uncertainty mostly bounded, open-ended times
/// narrowed by later reports, nothing left naming an item never declared, things ending.
@Suite("Generated histories are realistic")
struct GeneratedRealismTests {
  /// A history of 10,000 events over four years, folded.
  private static func projection() throws -> (log: EventLog, projection: Projection) {
    let log = try GeneratorScratch.log(events: 10_000, areas: 12, seed: 3)
    return (log, Projection(log: log, knowledge: .everything))
  }

  /// Every pause, corridor group and offensive, with its start and end.
  private static func bounds(_ projection: Projection) -> [(
    id: String, start: Boundary, end: Boundary
  )] {
    projection.pauses.map { ($0.id, $0.start, $0.end) }
      + projection.corridors.map { ($0.id, $0.start, $0.end) }
      + projection.offensives.map { ($0.id, $0.start, $0.end) }
  }

  @Test("At any moment of the four years only a few items are possibly in force")
  func fewPossiblyInForce() throws {
    let (_, projection) = try Self.projection()
    let items = Self.bounds(projection)
    #expect(items.count > 1_000)
    // Every 91 days from the first of March 2015, at noon UTC.
    for step in 0..<16 {
      let moment = Instant(secondsSinceEpoch: 1_425_211_200 + Int64(step) * 91 * 86_400)
      let possibly = items.filter {
        Presence.of(start: $0.start, end: $0.end, at: moment) == .possibly
      }
      #expect(possibly.count <= 8, "\(possibly.count) possibly in force at \(moment.iso8601)")
    }
  }

  @Test("Every item has a reported start, and open-ended bounds are left only at the log's end")
  func boundsAreReportedAndNarrowed() throws {
    let (log, projection) = try Self.projection()
    let items = Self.bounds(projection)
    #expect(items.allSatisfy { $0.start.possibleRange != nil })
    let open = items.filter { item in
      [item.start.possibleRange, item.end.possibleRange].contains { range in
        range.map { $0.earliest == nil || $0.latest == nil } ?? false
      }
    }
    // Those still waiting for a better report when the history stops: a few, and late.
    #expect(open.count <= 6)
    let lastMonth = try #require(log.events.last?.announced.range.earliest).adding(
      seconds: -60 * 86_400)
    for item in open {
      #expect(
        (item.start.possibleRange?.earliest ?? .distantFuture) > lastMonth
          || (item.end.possibleRange?.earliest ?? .distantFuture) > lastMonth,
        "\(item.id) is open-ended long before the end")
    }
  }

  @Test("The history narrows its open-ended times with errata that give the date")
  func openBoundsAreNarrowed() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: 2_000, seed: 9).write(to: scratch.log)
    #expect(report.features.openBoundsNarrowed > 0)
    #expect(report.text.contains("open-ended times narrowed by a later report"))
    #expect(report.json.serialized().contains(#""openBoundsNarrowed":"#))
    let text = String(decoding: try FileIO.readAll(path: scratch.log), as: UTF8.self)
    #expect(
      HistoryWorld.narrowingNotes.contains { text.contains(#""note":"\#($0)""#) },
      "no narrowing erratum")
  }

  @Test("A declaration no later report names may be withdrawn, and the pause goes with it")
  func unfollowedDeclarationIsWithdrawn() {
    var state = TheatreState(clock: HistoryWorld.historyStart)
    state.pauses = [Self.pause("p-1"), Self.pause("p-2", followed: true)]
    let first = RecentEvent(id: "e-1", type: .pauseDeclared, area: 0, founds: "p-1")
    let second = RecentEvent(id: "e-2", type: .pauseDeclared, area: 0, founds: "p-2")
    state.remember(first)
    state.remember(second)
    #expect(state.isWithdrawable(first))
    #expect(!state.isWithdrawable(second))
    state.withdraw(first)
    #expect(state.pauses.map(\.id) == ["p-2"])
    #expect(state.recent.map(\.id) == ["e-2"])
  }

  @Test("Withdrawing an ending puts the pause back in its place, still to end")
  func withdrawnEndingReopens() {
    var state = TheatreState(clock: HistoryWorld.historyStart)
    state.pauses = [Self.pause("p-2", announcedDay: 2)]
    let ending = RecentEvent(
      id: "e-9", type: .pauseEnded, area: 0, reopens: .pause(Self.pause("p-1", announcedDay: 1)))
    state.remember(ending)
    state.pending = [
      PendingNarrowing(
        event: "e-9", area: 0, set: ["at": "2015-01-03"], due: HistoryWorld.historyStart)
    ]
    #expect(state.isWithdrawable(ending))
    state.withdraw(ending)
    #expect(state.pauses.map(\.id) == ["p-1", "p-2"])
    #expect(state.pending.isEmpty && state.recent.isEmpty)
  }

  @Test("The declaration of a pause already over is not withdrawn")
  func endedDeclarationStays() {
    let state = TheatreState(clock: HistoryWorld.historyStart)
    #expect(
      !state.isWithdrawable(RecentEvent(id: "e-1", type: .pauseDeclared, area: 0, founds: "p-1")))
    #expect(state.isWithdrawable(RecentEvent(id: "e-2", type: .pauseExtended, area: 0)))
  }

  private static func pause(_ id: String, announcedDay: Int64 = 1, followed: Bool = false)
    -> PauseState
  {
    let announced = HistoryWorld.historyStart.adding(seconds: announcedDay * 86_400)
    var pause = PauseState(
      id: id, area: 0, announced: announced, start: announced, end: nil, declaration: "e-\(id)")
    pause.followed = followed
    return pause
  }

  @Test(
    "Some errata are recorded in another area than the event they correct, some move a statement to another area, and the log reads whole"
  )
  func errataRecordedElsewhere() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 8, seed: 61)
    let byID = Dictionary(uniqueKeysWithValues: log.events.map { ($0.id, $0) })
    var elsewhere = 0
    var moved = 0
    for event in log.events {
      guard case .erratum(let target, _) = event.payload, let corrected = byID[target] else {
        continue
      }
      if corrected.area != event.area { elsewhere += 1 }
      if let amended = log.amendments[target], amended.area != corrected.area {
        #expect(corrected.type == .statement)
        moved += 1
      }
    }
    #expect(elsewhere >= 10)
    #expect(moved >= 1)
  }
}
