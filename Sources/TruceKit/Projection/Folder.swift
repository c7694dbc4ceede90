/// Accumulates events, in announcement order, into the tracks of every pause, corridor group and
/// offensive, with drafts of what is not yet reconciled; ``finish(folded:)`` reconciles them.
///
/// Events are read from the list being folded by position and never copied into drafts; each
/// track is found through one dictionary lookup of its id and built in place.
struct Folder {
  /// The events being folded (only some positions are folded).
  let events: [Event]
  private(set) var pauseSlots: [String: Int] = [:]
  private var pauses: [PauseTrack] = []
  private var pauseDrafts: [PauseDraft] = []
  private(set) var corridorSlots: [String: Int] = [:]
  private var corridors: [CorridorTrack] = []
  private var corridorDrafts: [CorridorDraft] = []
  private(set) var offensiveSlots: [String: Int] = [:]
  private var offensives: [OffensiveTrack] = []
  private(set) var proposals: [Int] = []
  private(set) var statements: [Int] = []
  private(set) var violations: [Int] = []

  /// A folder for some of `events`; `expected` is how many will be folded, to size the tables.
  init(events: [Event], expected: Int) {
    self.events = events
    // Room for tracks as a generated history has them (one per 10 to 40 events), so that the
    // tables rarely grow while folding.
    pauseSlots.reserveCapacity(expected / 8)
    pauses.reserveCapacity(expected / 8)
    pauseDrafts.reserveCapacity(expected / 8)
    corridorSlots.reserveCapacity(expected / 10)
    corridors.reserveCapacity(expected / 10)
    corridorDrafts.reserveCapacity(expected / 10)
    offensiveSlots.reserveCapacity(expected / 32)
    offensives.reserveCapacity(expected / 32)
  }

  /// Folds the event at `position`.
  mutating func fold(_ position: Int) {
    switch events[position].payload {
    case .pauseDeclared(let declaration):
      let slot = pauseSlot(declaration.pause, position)
      pauseDrafts[slot].declare(
        declaration, FoldedEvent(position, in: events), into: &pauses[slot], in: events)
    case .pauseExtended(let pause, let end):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].extend(to: end, FoldedEvent(position, in: events), into: &pauses[slot])
    case .pauseSuspended(let pause, let at):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].suspend(
        at: at, FoldedEvent(position, in: events), into: &pauses[slot], in: events)
    case .pauseResumed(let pause, let at):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].resume(at: at, FoldedEvent(position, in: events), into: &pauses[slot])
    case .pauseEnded(let pause, let at, let how):
      let slot = pauseSlot(pause, position)
      pauseDrafts[slot].end(
        at: at, how: how, FoldedEvent(position, in: events), into: &pauses[slot])
    case .corridorOpened(let opening):
      let slot = Folder.slot(of: opening.corridor, in: &corridorSlots, next: corridors.count)
      if slot == corridors.count {
        corridors.append(
          CorridorDraft.emptyTrack(id: opening.corridor, area: events[position].area))
        corridorDrafts.append(CorridorDraft())
      }
      corridorDrafts[slot].open(opening, FoldedEvent(position, in: events), into: &corridors[slot])
    case .corridorClosed(let corridor, let at):
      guard let slot = corridorSlots[corridor] else { return }
      corridorDrafts[slot].close(at: at, FoldedEvent(position, in: events), into: &corridors[slot])
    case .offensiveLaunched(let launch):
      let slot = offensiveSlot(launch.offensive, position)
      OffensiveDraft.launch(launch, FoldedEvent(position, in: events), into: &offensives[slot])
    case .offensiveScaledBack(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.phase(
        .scaledBack, at: at, FoldedEvent(position, in: events), into: &offensives[slot])
    case .offensiveIntensified(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.phase(
        .intensified, at: at, FoldedEvent(position, in: events), into: &offensives[slot])
    case .offensiveEnded(let offensive, let at):
      let slot = offensiveSlot(offensive, position)
      OffensiveDraft.end(at: at, FoldedEvent(position, in: events), into: &offensives[slot])
    case .statement(let kind, let about):
      statements.append(position)
      guard kind == .condition else { return }
      let event = FoldedEvent(position, in: events)
      let condition = Folder.condition(stated: position, in: events)
      for subject in about {
        guard let slot = pauseSlots[subject] else { continue }
        PauseDraft.addCondition(condition, by: event, to: &pauses[slot])
      }
    case .proposal: proposals.append(position)
    case .violationReported: violations.append(position)
    case .erratum, .retraction: break
    }
  }

  /// The words of a condition a statement sets.
  static func condition(stated position: Int, in events: [Event]) -> String {
    events[position].source.quote ?? events[position].note ?? "condition"
  }

  /// The slot of a pause, started when the pause is first met: in an event other than its
  /// declaration when the declaration was not yet announced at the as-of moment.
  private mutating func pauseSlot(_ id: String, _ position: Int) -> Int {
    let slot = Folder.slot(of: id, in: &pauseSlots, next: pauses.count)
    if slot == pauses.count {
      pauses.append(PauseDraft.emptyTrack(id: id, area: events[position].area))
      pauseDrafts.append(PauseDraft())
    }
    return slot
  }

  private mutating func offensiveSlot(_ id: String, _ position: Int) -> Int {
    let slot = Folder.slot(of: id, in: &offensiveSlots, next: offensives.count)
    if slot == offensives.count {
      offensives.append(OffensiveDraft.emptyTrack(id: id, area: events[position].area))
    }
    return slot
  }

  /// The slot of an id, given the next free slot if the id has none yet; one hash either way.
  private static func slot(of id: String, in slots: inout [String: Int], next: Int) -> Int {
    func claim(_ slot: inout Int) -> Int {
      if slot < 0 { slot = next }
      return slot
    }
    return claim(&slots[id, default: -1])
  }

  /// Reconciles every draft and hands over the tracks, with every dispute; the folder is left
  /// empty.
  ///
  /// - Parameter folded: The position of the folded event with an id, if one is folded.
  mutating func finish(folded: (String) -> Int?) -> FoldResult {
    var result = FoldResult()
    swap(&result.pauses, &pauses)
    swap(&result.corridors, &corridors)
    swap(&result.offensives, &offensives)
    let events = events
    var dailyHours: [Dispute] = []
    // Drafts and tracks are reached through buffer pointers so that reading them does not copy
    // them out of their arrays; no pointer outlives its closure.
    pauseDrafts.withUnsafeMutableBufferPointer { drafts in
      result.pauses.withUnsafeMutableBufferPointer { pauses in
        for slot in pauses.indices {
          drafts[slot].finish(&pauses[slot], in: events)
          if !drafts[slot].recharacterizations.isEmpty {
            result.disputes += drafts[slot].characterizationDisputes(
              of: pauses[slot].id, in: events, folded: folded)
          }
          result.disputes += DisputeRules.boundaryDisputes(
            subject: pauses[slot].id, start: pauses[slot].start, end: pauses[slot].end)
          // Only read whole when there may be a dispute: passing a track copies it.
          if pauses[slot].dailyHours.count > 1 {
            dailyHours += DisputeRules.dailyHoursDisputes(pauses[slot])
          }
        }
      }
    }
    result.disputes += dailyHours
    corridorDrafts.withUnsafeMutableBufferPointer { drafts in
      result.pauses.withUnsafeBufferPointer { pauses in
        result.corridors.withUnsafeMutableBufferPointer { corridors in
          for slot in corridors.indices {
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
              result.disputes += DisputeRules.corridorDisputes(corridors[slot])
            }
          }
        }
      }
    }
    result.offensives.withUnsafeMutableBufferPointer { offensives in
      for slot in offensives.indices {
        OffensiveDraft.finish(&offensives[slot])
        result.disputes += DisputeRules.boundaryDisputes(
          subject: offensives[slot].id, start: offensives[slot].start, end: offensives[slot].end)
      }
    }
    for position in statements {
      if let claim = DisputeRules.claim(position, in: events, folded: folded) {
        result.disputes.append(claim)
      }
    }
    pauseDrafts = []
    corridorDrafts = []
    return result
  }
}

/// What a finished fold yields.
struct FoldResult {
  var pauses: [PauseTrack] = []
  var corridors: [CorridorTrack] = []
  var offensives: [OffensiveTrack] = []
  var disputes: [Dispute] = []
}
