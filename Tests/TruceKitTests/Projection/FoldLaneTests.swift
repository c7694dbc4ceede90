import Foundation
import Testing

@testable import TruceKit

/// Folding in two lanes (pauses on one thread, everything else on another, then each half of the
/// reconciling on its own thread) gives exactly what one folder gives.
@Suite("Folding in two lanes")
struct FoldLaneTests {
  private func parts(_ input: FoldInput, inLanes: Bool) -> ProjectionParts {
    ProjectionFold.parts(of: input, inLanes: inLanes)
  }

  /// A generated history long enough to be folded in lanes by default, with its effective
  /// events.
  private static let generated: Result<[Event], any Error> = Result {
    try GeneratorScratch.log(events: 20_000, areas: 12, seed: 44).effectiveEvents
  }

  @Test(
    "On a generated history, in log order and reversed, as known at moments through it",
    arguments: [nil, 0.1, 0.35, 0.6, 0.9] as [Double?])
  func generatedHistory(knownUpTo fraction: Double?) throws {
    let events = try Self.generated.get()
    #expect(events.count >= ProjectionFold.parallelEvents)
    let knowledge = try fraction.map { fraction in
      let moment = try #require(
        events[Int(Double(events.count) * fraction)].announced.range.earliest)
      return Knowledge(asOf: moment)
    }
    for (order, list) in [("log order", events), ("reversed", events.reversed())] {
      let input = FoldInput(
        events: list, count: list.count, knowledge: knowledge ?? .everything, hypothetical: [])
      let context = "\(order), as of \(fraction.map { "\($0)" } ?? "everything")"
      expectSameParts(parts(input, inLanes: true), parts(input, inLanes: false), context)
    }
  }

  @Test("The generated history holds what each lane must handle")
  func generatedHistoryCoversTheLanes() throws {
    let events = try Self.generated.get()
    let projection = Projection(events: events)
    #expect(projection.corridors.contains { !$0.pauses.isEmpty })
    #expect(projection.pauses.contains { !$0.conditions.isEmpty })
    #expect(!projection.retracted.isEmpty)
    #expect(projection.disputes.count > 100)
    #expect(events.contains { !$0.sameAnnouncementAs.isEmpty })
  }

  @Test("A prefix of the list, with hypothetical events and corrections, folds the same way")
  func prefixWithHypotheticalEvents() throws {
    let events = try Self.generated.get()
    let hypothetical = Set(events.lazy.filter { $0.seq % 7 == 0 }.map(\.id))
    for count in [0, 1, 2, 3, 100, events.count / 2, events.count - 1] {
      let input = FoldInput(
        events: events, count: count, knowledge: .everything, hypothetical: hypothetical)
      expectSameParts(parts(input, inLanes: true), parts(input, inLanes: false), "first \(count)")
    }
  }

  @Test("Ids repeated on both sides of the middle, and events unknown on both, fold the same way")
  func repeatedIDsAcrossTheMiddle() throws {
    let events = try TestLog.bundled().effectiveEvents
    // The whole history twice, the second time from another source: every id (referenced ones
    // too) repeats across the middle, and which of the two is used shows.
    let again = events.map { event in
      var copy = event
      copy.source.publication = "the second copy"
      copy.source.seed = nil
      return copy
    }
    let twice = events + again
    let middle = try TestLog.instant("2016-11-01T00:00Z")
    for knowledge in [Knowledge.everything, Knowledge(asOf: middle)] {
      let input = FoldInput(
        events: twice, count: twice.count, knowledge: knowledge, hypothetical: [])
      let one = parts(input, inLanes: false)
      if knowledge.asOf != nil {
        #expect(one.folded.skipped.contains { $0 < events.count })
        #expect(one.folded.skipped.contains { $0 >= events.count })
      }
      expectSameParts(
        parts(input, inLanes: true), one, "twice, as of \(String(describing: knowledge.asOf))")
    }
  }

  @Test("The passes over every event give the same, whole or in halves, at once or not")
  func passesInHalves() throws {
    let events = try Self.generated.get()
    let moment = try #require(events[events.count / 3].announced.range.earliest)
    for knowledge in [Knowledge.everything, Knowledge(asOf: moment)] {
      let whole = ProjectionFold.survey(
        events, count: events.count, knowledge: knowledge, split: .whole)
      #expect(!whole.referenced.isEmpty && !whole.retractions.isEmpty)
      var marks = NameMap<Int>()
      for id in whole.referenced { marks[id] = ProjectionFold.Mark.referenced }
      for (target, _) in whole.retractions { marks[target] = ProjectionFold.Mark.retracted }
      let plan = ProjectionFold.resolve(
        events, count: events.count, unknown: whole.unknown, marks: marks, split: .whole)
      #expect(!plan.folded.isEmpty)
      for atOnce in [true, false] {
        let halves = ProjectionFold.survey(
          events, count: events.count, knowledge: knowledge, split: .halves(atOnce: atOnce))
        #expect(halves.unknown == whole.unknown)
        #expect(halves.possiblyKnown == whole.possiblyKnown)
        #expect(halves.referenced == whole.referenced)
        #expect(
          halves.retractions.map { "\($0.target)@\($0.position)" }
            == whole.retractions.map { "\($0.target)@\($0.position)" })
        let planned = ProjectionFold.resolve(
          events, count: events.count, unknown: whole.unknown, marks: marks,
          split: .halves(atOnce: atOnce))
        #expect(planned.lanes == plan.lanes)
        #expect(planned.skipped == plan.skipped)
        #expect(planned.folded == plan.folded)
      }
    }
  }

  @Test("Disputes of pauses in both halves keep one folder's order: each pause's, then daily hours")
  func disputesInBothHalves() throws {
    // Six pauses, each with a disputed end and two daily hours: the halves of the reconciling
    // each find both kinds of dispute.
    var lines: [String] = []
    for pause in 1...6 {
      let id = "p\(pause)"
      for (report, hours) in [("a", "08:00"), ("b", "09:00")] {
        lines.append(
          TestLog.event(
            lines.count + 1, "\(id)-\(report)", "pause.declared", source: "Wire \(report)",
            #""pause":"\#(id)","kind":"pause","window":{"start":"2016-11-01T00:00","end":"2016-11-0\#(report == "a" ? 3 : 4)T00:00"},"dailyHours":{"from":"\#(hours)","to":"17:00"}"#
          ))
      }
    }
    let events = try TestLog.parse(lines).effectiveEvents
    let input = FoldInput(
      events: events, count: events.count, knowledge: .everything, hypothetical: [])
    let one = parts(input, inLanes: false)
    #expect(one.disputes.filter { $0.aspect == "daily hours" }.count == 6)
    #expect(one.disputes.filter { $0.aspect == "end" }.count == 6)
    expectSameParts(parts(input, inLanes: true), one, "six disputed pauses")
  }

  @Test("On the bundled history, as known at the end of every day of autumn 2016")
  func bundledHistory() throws {
    let log = try TestLog.bundled()
    let events = log.effectiveEvents
    let utc = try #require(Zone(identifier: "UTC"))
    var day = try #require(CivilDate(year: 2016, month: 9, day: 1))
    let last = try #require(CivilDate(year: 2016, month: 12, day: 31))
    while day <= last {
      let end = try #require(Stamp(.day(day), in: utc).range.latest)
      let input = FoldInput(
        events: events, count: events.count, knowledge: Knowledge(asOf: end), hypothetical: [])
      expectSameParts(parts(input, inLanes: true), parts(input, inLanes: false), "as of \(day)")
      day = day.adding(days: 1)
    }
    let whole = FoldInput(
      events: events, count: events.count, knowledge: .everything, hypothetical: [])
    expectSameParts(parts(whole, inLanes: true), parts(whole, inLanes: false), "everything")
  }

  @Test(
    "Each kind of event goes to one lane (a statement other than a condition, too)",
    arguments: [
      (EventType.pauseDeclared, UInt8(1)), (.pauseExtended, 1), (.pauseSuspended, 1),
      (.pauseResumed, 1), (.pauseEnded, 1), (.corridorOpened, 2), (.corridorClosed, 2),
      (.offensiveLaunched, 2), (.offensiveScaledBack, 2), (.offensiveIntensified, 2),
      (.offensiveEnded, 2), (.violationReported, 2), (.proposal, 2), (.statement, 2),
      (.erratum, 2), (.retraction, 2),
    ])
  func lanesOfEachKind(type: EventType, bits: UInt8) throws {
    let event = try #require(
      try Self.generated.get().first {
        guard $0.type == type else { return false }
        if case .statement(.condition, _) = $0.payload { return false }
        return true
      })
    let lanes = FoldLane.bits(of: event.payload)
    #expect(lanes == bits)
    #expect((lanes & FoldLane.pauses.bit != 0) == (bits == 1))
    #expect((lanes & FoldLane.others.bit != 0) == (bits == 2))
    #expect(lanes & FoldLane.all.bit != 0)
  }

  @Test("A condition set by a statement goes to both lanes, other statements to one")
  func conditionsGoToBothLanes() throws {
    let events = try Self.generated.get()
    let statements = events.filter { $0.type == .statement }
    let conditions = statements.filter {
      if case .statement(.condition, _) = $0.payload { return true }
      return false
    }
    #expect(!conditions.isEmpty && conditions.count < statements.count)
    for statement in statements {
      let isCondition = conditions.contains { $0.id == statement.id }
      #expect(FoldLane.bits(of: statement.payload) == (isCondition ? 3 : 2))
    }
  }
}
