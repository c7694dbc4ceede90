/// Accumulates events, in announcement order, into the tracks of every pause, corridor group and
/// offensive, with drafts of what is not yet reconciled; ``finish(folded:)`` reconciles them.
///
/// Events are read from the list being folded by position and never copied into drafts; each
/// track is found through one lookup of its id (in a ``NameMap``) and built in place.
///
/// A folder may take only one ``FoldLane`` of the events, so that two fold at once; their parts
/// are then reconciled separately: ``finishPauses(folded:split:)`` on one;
/// ``finishOffensives()``, ``claims(folded:)`` and, once the pauses are done,
/// ``finishCorridors(pauses:pauseSlots:split:)`` on the other.
struct Folder<Events: FoldEvents> {
  /// The events being folded (only some positions are folded).
  let events: Events
  /// Which of them this folder takes.
  let lane: FoldLane
  private(set) var pauseSlots = NameMap<Int>()
  private(set) var pauses: [PauseTrack] = []
  private var pauseDrafts: [PauseDraft] = []
  private(set) var corridorSlots = NameMap<Int>()
  private var corridors: [CorridorTrack] = []
  private var corridorDrafts: [CorridorDraft] = []
  private(set) var offensiveSlots = NameMap<Int>()
  private var offensives: [OffensiveTrack] = []
  private(set) var proposals: [Int] = []
  private(set) var statements: [Int] = []
  private(set) var violations: [Int] = []

  /// A folder for some of `events`; `expected` is how many will be folded, to size the tables.
  init(events: Events, expected: Int, lane: FoldLane = .all) {
    self.events = events
    self.lane = lane
    // Room for tracks as a generated history has them (one per 10 to 40 events), so that the
    // tables rarely grow while folding.
    if lane != .others {
      pauseSlots.reserveCapacity(expected / 8)
      pauses.reserveCapacity(expected / 8)
      pauseDrafts.reserveCapacity(expected / 8)
    }
    if lane != .pauses {
      corridorSlots.reserveCapacity(expected / 10)
      corridors.reserveCapacity(expected / 10)
      corridorDrafts.reserveCapacity(expected / 10)
      offensiveSlots.reserveCapacity(expected / 32)
      offensives.reserveCapacity(expected / 32)
    }
  }

  /// Folds the event at `position`, which must be one the folder's lane takes.
  mutating func fold(_ position: Int) {
    assert(events.lanes(at: position) & lane.bit != 0, "not this lane's event")
    // Proposals and violations are listed, not folded, and changes are read without their
    // payloads: only declarations, openings, launches and statements build one (for records,
    // a box and its lists read back from the words).
    switch events.type(at: position) {
    case .proposal: proposals.append(position)
    case .violationReported: violations.append(position)
    case let type where ItemChange.isChange(type):
      guard let change = events.itemChange(at: position) else {
        return assertionFailure("a change of type \(type) reads as none")
      }
      fold(change, at: position)
    default: foldPayload(at: position)
    }
  }

  /// Folds a change, made by the event at `position`.
  private mutating func fold(_ change: ItemChange, at position: Int) {
    let event = FoldedEvent(position, in: events)
    switch change {
    case .pauseExtended(let pause, let end):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].extend(to: end, event, into: &pauses[slot])
    case .pauseSuspended(let pause, let at):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].suspend(at: at, event, into: &pauses[slot], in: events)
    case .pauseResumed(let pause, let at):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].resume(at: at, event, into: &pauses[slot])
    case .pauseEnded(let pause, let at, let how):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].end(at: at, how: how, event, into: &pauses[slot])
    case .corridorClosed(let corridor, let at):
      guard let slot = corridorSlots[corridor] else { return }
      corridorDrafts[slot].close(at: at, event, into: &corridors[slot])
    case .offensiveScaledBack(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.phase(.scaledBack, at: at, event, into: &offensives[slot])
    case .offensiveIntensified(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.phase(.intensified, at: at, event, into: &offensives[slot])
    case .offensiveEnded(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.end(at: at, event, into: &offensives[slot])
    }
  }

  /// Folds a declaration, an opening, a launch or a statement, from its payload.
  private mutating func foldPayload(at position: Int) {
    switch events.payload(at: position) {
    case .pauseDeclared(let declaration):
      let slot = pauseSlot(declaration.pause, position)
      pauseDrafts[slot].declare(
        declaration, FoldedEvent(position, in: events), into: &pauses[slot], in: events)
    case .corridorOpened(let opening):
      let slot = Folder.slot(of: opening.corridor, in: &corridorSlots, next: corridors.count)
      if slot == corridors.count {
        corridors.append(
          CorridorDraft.emptyTrack(id: opening.corridor, area: events.area(at: position)))
        corridorDrafts.append(CorridorDraft())
      }
      corridorDrafts[slot].open(opening, FoldedEvent(position, in: events), into: &corridors[slot])
    case .offensiveLaunched(let launch):
      let slot = offensiveSlot(launch.offensive, position)
      OffensiveDraft.launch(launch, FoldedEvent(position, in: events), into: &offensives[slot])
    case .statement(let kind, let about):
      if lane != .pauses { statements.append(position) }
      guard kind == .condition, lane != .others else { return }
      let event = FoldedEvent(position, in: events)
      let condition = events.condition(statedAt: position)
      for subject in about {
        guard let slot = pauseSlots[subject] else { continue }
        PauseDraft.addCondition(condition, by: event, to: &pauses[slot])
      }
    case .pauseExtended, .pauseSuspended, .pauseResumed, .pauseEnded, .corridorClosed,
      .offensiveScaledBack, .offensiveIntensified, .offensiveEnded, .violationReported,
      .proposal:
      // Folded as changes, or listed (above).
      assertionFailure("a payload folded as a change or listed")
    case .erratum, .retraction: break
    }
  }

  /// The slot of a pause, started when the pause is first met: in an event other than its
  /// declaration when the declaration was not yet announced at the as-of moment.
  private mutating func pauseSlot(_ id: String, _ position: Int) -> Int {
    let slot = Folder.slot(of: id, in: &pauseSlots, next: pauses.count)
    if slot == pauses.count {
      pauses.append(PauseDraft.emptyTrack(id: id, area: events.area(at: position)))
      pauseDrafts.append(PauseDraft())
    }
    return slot
  }

  private mutating func offensiveSlot(_ id: String, _ position: Int) -> Int {
    let slot = Folder.slot(of: id, in: &offensiveSlots, next: offensives.count)
    if slot == offensives.count {
      offensives.append(OffensiveDraft.emptyTrack(id: id, area: events.area(at: position)))
    }
    return slot
  }

  /// The slot of an id, given the next free slot if the id has none yet; one hash either way.
  private static func slot(of id: String, in slots: inout NameMap<Int>, next: Int) -> Int {
    slots.value(of: id, enteringIfAbsent: next)
  }

  /// Reconciles every draft and hands over the tracks, with every dispute; the folder (of every
  /// event, lane ``FoldLane/all``) is left empty.
  ///
  /// - Parameter folded: The positions of the folded events something refers to, by id.
  mutating func finish(folded: NameMap<Int>) -> FoldResult {
    var disputes = finishPauses(folded: folded)
    disputes += finishCorridors(pauses: pauses, pauseSlots: pauseSlots)
    disputes += finishOffensives()
    disputes += claims(folded: folded)
    var result = handOver()
    result.disputes = disputes
    return result
  }

  /// Hands over the tracks (without disputes); the folder is left without them.
  mutating func handOver() -> FoldResult {
    var result = FoldResult()
    swap(&result.pauses, &pauses)
    swap(&result.corridors, &corridors)
    swap(&result.offensives, &offensives)
    return result
  }

  /// Reconciles the pauses; returns their disputes (of characterization and boundaries, pause by
  /// pause, then of daily hours).
  ///
  /// - Parameters:
  ///   - folded: The positions of the folded events something refers to, by id.
  ///   - split: Whether to reconcile the pauses whole or in halves.
  mutating func finishPauses(folded: NameMap<Int>, split: SlotSplit = .whole) -> [Dispute] {
    let events = events
    // Drafts and tracks are reached through buffer pointers so that reading them does not copy
    // them out of their arrays; no pointer outlives its closure.
    let disputes = pauseDrafts.withUnsafeMutableBufferPointer { drafts in
      pauses.withUnsafeMutableBufferPointer { pauses in
        let reconciling = PauseReconciling(
          drafts: drafts, pauses: pauses, events: events, folded: folded)
        let parts = split.run(over: pauses.count) { reconciling.finish($0) }
        return parts.flatMap(\.disputes) + parts.flatMap(\.dailyHours)
      }
    }
    pauseDrafts = []
    return disputes
  }

  /// Reconciles the corridor groups, each with its pause among `pauses` (reconciled, with their
  /// slots by id); returns their disputes.
  ///
  /// - Parameter split: Whether to reconcile the groups whole or in halves.
  mutating func finishCorridors(
    pauses: [PauseTrack], pauseSlots: NameMap<Int>, split: SlotSplit = .whole
  ) -> [Dispute] {
    let events = events
    // Drafts and tracks are reached through buffer pointers so that reading them does not copy
    // them out of their arrays; no pointer outlives its closure.
    let disputes = corridorDrafts.withUnsafeMutableBufferPointer { drafts in
      pauses.withUnsafeBufferPointer { pauses in
        corridors.withUnsafeMutableBufferPointer { corridors in
          let reconciling = CorridorReconciling(
            drafts: drafts, corridors: corridors, pauses: pauses, pauseSlots: pauseSlots,
            events: events)
          return split.run(over: corridors.count) { reconciling.finish($0) }.flatMap { $0 }
        }
      }
    }
    // Each draft was emptied where it was reconciled.
    corridorDrafts = []
    return disputes
  }

  /// Reconciles the offensives; returns their disputes.
  mutating func finishOffensives() -> [Dispute] {
    var disputes: [Dispute] = []
    offensives.withUnsafeMutableBufferPointer { offensives in
      for slot in offensives.indices {
        OffensiveDraft.finish(&offensives[slot])
        disputes += DisputeRules.boundaryDisputes(
          subject: offensives[slot].id, start: offensives[slot].start, end: offensives[slot].end)
      }
    }
    return disputes
  }

  /// The disputes that statements claim, in their order.
  ///
  /// - Parameter folded: The positions of the folded events something refers to, by id.
  func claims(folded: NameMap<Int>) -> [Dispute] {
    statements.compactMap { DisputeRules.claim($0, in: events, folded: { folded[$0] }) }
  }
}

/// What a finished fold yields.
struct FoldResult {
  var pauses: [PauseTrack] = []
  var corridors: [CorridorTrack] = []
  var offensives: [OffensiveTrack] = []
  var disputes: [Dispute] = []
}

/// The corridor groups of a folder and their drafts, reconciled a range of slots at a time: two
/// threads may reconcile disjoint ranges at once (each slot's draft and track are its own; the
/// pauses and events are only read).
private struct CorridorReconciling<Events: FoldEvents>: @unchecked Sendable {
  let drafts: UnsafeMutableBufferPointer<CorridorDraft>
  let corridors: UnsafeMutableBufferPointer<CorridorTrack>
  let pauses: UnsafeBufferPointer<PauseTrack>
  let pauseSlots: NameMap<Int>
  let events: Events

  /// Reconciles the groups in `slots`; returns their disputes, in slot order.
  func finish(_ slots: Range<Int>) -> [Dispute] {
    var disputes: [Dispute] = []
    for slot in slots {
      let pause = corridors[slot].pauses.first.flatMap { pauseSlots[$0.value] }
      drafts[slot].finish(
        &corridors[slot],
        pause: pause.map { slot in
          CorridorDraft.PauseFacts(
            start: pauses[slot].start.possibleRange, endReports: pauses[slot].end.reports,
            applicability: Applicability(
              dailyHours: pauses[slot].dailyHours, suspensions: pauses[slot].suspensions))
        }, in: events)
      if corridors[slot].counts.count > 1 || corridors[slot].pauses.count > 1
        || corridors[slot].routes.count > 1 || corridors[slot].dailyHours.count > 1
        || corridors[slot].start.isDisputed || corridors[slot].end.isDisputed
      {
        disputes += DisputeRules.corridorDisputes(corridors[slot])
      }
      // Freed here, on the thread that reconciled it, rather than with the others later.
      drafts[slot] = CorridorDraft()
    }
    return disputes
  }
}

/// The pauses of a folder and their drafts, reconciled a range of slots at a time: two threads
/// may reconcile disjoint ranges at once (each slot's draft and track are its own; the events and
/// positions are only read).
private struct PauseReconciling<Events: FoldEvents>: @unchecked Sendable {
  let drafts: UnsafeMutableBufferPointer<PauseDraft>
  let pauses: UnsafeMutableBufferPointer<PauseTrack>
  let events: Events
  let folded: NameMap<Int>

  /// Reconciles the pauses in `slots`; returns their disputes in slot order, those of daily
  /// hours apart.
  func finish(_ slots: Range<Int>) -> (disputes: [Dispute], dailyHours: [Dispute]) {
    var disputes: [Dispute] = []
    var dailyHours: [Dispute] = []
    for slot in slots {
      drafts[slot].finish(&pauses[slot], in: events)
      if !drafts[slot].recharacterizations.isEmpty {
        disputes += drafts[slot].characterizationDisputes(
          of: pauses[slot].id, in: events, folded: { folded[$0] })
      }
      disputes += DisputeRules.boundaryDisputes(
        subject: pauses[slot].id, start: pauses[slot].start, end: pauses[slot].end)
      // Only read whole when there may be a dispute: passing a track copies it.
      if pauses[slot].dailyHours.count > 1 {
        dailyHours += DisputeRules.dailyHoursDisputes(pauses[slot])
      }
      // Freed here, on the thread that reconciled it, rather than with the others later.
      drafts[slot] = PauseDraft()
    }
    return (disputes, dailyHours)
  }
}

extension FoldEvents {
  /// The words of the condition the statement at `position` sets.
  func condition(statedAt position: Int) -> String {
    words(at: position) ?? "condition"
  }
}
