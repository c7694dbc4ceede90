import Testing

@testable import TruceKit

/// A replay settles the steps it does not show all at once, when the next shown step comes.
/// These tests hold a filtered replay to the replay that shows every step (which settles after
/// each event, and which ``IncrementalReplayTests`` hold to refolding every prefix): each step it
/// shows must say what that replay's step says, with the same state.
@Suite("Settling steps not shown at once")
struct DeferredSettlingTests {
  /// Filters that leave long stretches unshown: one kind of event, a window of time, one party,
  /// an as-of moment, and a filter that shows nothing.
  enum Stretch: String, CaseIterable {
    case endsOnly, retractionsOnly, claimsAndConditions, corridorsOnly, offensivesOnly
    case aMonth, aWeekAsOfItsStart, oneParty, nothing

    func filter(for events: [Event]) -> EventFilter {
      var filter = EventFilter()
      let middle = events[events.count / 2].announced.range.earliest
      switch self {
      case .endsOnly: filter.types = ["pause.ended", "pause.extended"]
      case .retractionsOnly: filter.types = ["correction"]
      case .claimsAndConditions: filter.types = ["statement"]
      case .corridorsOnly: filter.types = ["corridor"]
      case .offensivesOnly: filter.types = ["offensive"]
      case .aMonth:
        filter.from = middle
        filter.to = middle?.adding(seconds: 30 * 86_400)
      case .aWeekAsOfItsStart:
        filter.from = middle
        filter.to = middle?.adding(seconds: 7 * 86_400)
        filter.asOf = middle
      case .oneParty: filter.actors = [events[events.count / 3].announcedBy.first ?? "nobody"]
      case .nothing: filter.types = ["no such type"]
      }
      return filter
    }
  }

  @Test(
    "A filtered replay's steps say what the same steps say when every step is shown",
    arguments: [(3_000, UInt64(19)), (5_000, UInt64(41))])
  func filteredStepsAreTheFullReplaysSteps(_ history: (Int, UInt64)) throws {
    let log = try GeneratorScratch.log(events: history.0, areas: 12, seed: history.1)
    let events = AnnouncementOrder.sorted(log.effectiveEvents)
    // The full replays, by as-of moment: that decides what is folded at all.
    var full: [Instant?: [String: ReplayStep]] = [:]
    for stretch in Stretch.allCases {
      let filter = stretch.filter(for: events)
      let filtered = Replayer(filter: filter, zone: TestLog.damascus).steps(of: log)
      if full[filter.asOf] == nil {
        var everything = EventFilter()
        everything.asOf = filter.asOf
        let steps = Replayer(filter: everything, zone: TestLog.damascus).steps(of: log)
        full[filter.asOf] = Dictionary(uniqueKeysWithValues: steps.map { ($0.event.id, $0) })
      }
      let byID = try #require(full[filter.asOf])
      if stretch == .nothing {
        #expect(filtered.isEmpty)
      } else {
        #expect(filtered.count > 2, "\(stretch) shows a few steps")
        #expect(filtered.count < byID.count / 2, "\(stretch) leaves stretches unshown")
      }
      for step in filtered {
        let same = try #require(byID[step.event.id])
        let label = "\(stretch), step \(step.number): \(step.event.id)"
        #expect(step.changes == same.changes, "\(label)")
        #expect(step.state.pauses == same.state.pauses, "\(label)")
        #expect(step.state.disputes == same.state.disputes, "\(label)")
      }
    }
  }

  @Test("Settling after a stretch leaves the running state the fold of everything folded")
  func settlingAfterAStretchGivesTheFold() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 12, seed: 23)
    let events = AnnouncementOrder.sorted(log.effectiveEvents)
    var fold = try #require(ReplayFold(events: events, knowledge: .everything))
    let describer = ChangeDescriber(time: TimeFormatter(zone: TestLog.damascus))
    // Stretches of 1, 2, 3, … events, each followed by a described step (odd lengths) or
    // settled without one (even lengths, and the last).
    var stretch = 1
    var position = 0
    while position < events.count {
      for _ in 0..<min(stretch, events.count - position) {
        fold.foldNextUndescribed()
        position += 1
      }
      if stretch % 2 == 0 || position == events.count {
        fold.settlePending()
      } else if position < events.count {
        _ = fold.foldNext(describedBy: describer)
        position += 1
      }
      let projection = Projection(events: Array(events[..<position]))
      #expect(
        IncrementalReplayTests.state(of: fold) == IncrementalReplayTests.state(of: projection),
        "after \(position) events")
      stretch += 1
    }
  }
}
