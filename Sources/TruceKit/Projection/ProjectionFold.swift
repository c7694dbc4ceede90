/// The fold of a list of events into a projection's contents.
///
/// Three passes over the events, none of which copies them: the first decides which are known
/// by the as-of moment and which are retracted, the second which positions are skipped and where
/// the events something refers to are (a statement's disputed events, a declaration's other
/// reports of its announcement: only those are remembered by id), the third folds the rest into
/// drafts. On a long list the first two read the two halves of the list at once, the third folds
/// in two lanes at once (see ``FoldLane``), and pauses, then corridor groups, are reconciled in
/// two halves at once.
enum ProjectionFold {
  /// What a lookup of an id in the second pass finds (besides the position of a referenced
  /// event, once found).
  enum Mark {
    static let retracted = -1
    static let referenced = -2
  }

  /// Folds `input`.
  ///
  /// - Parameter inLanes: Whether to fold in two lanes (on two threads where there are two
  ///   cores); by default, when the list is long (``parallelEvents``) and there are. The result
  ///   is the same either way.
  static func parts(of input: FoldInput, inLanes: Bool? = nil) -> ProjectionParts {
    switch input.list {
    case .events(let events): parts(of: input, reading: events, inLanes: inLanes)
    case .records(let records): parts(of: input, reading: records.records, inLanes: inLanes)
    }
  }

  /// Folds `input`, reading its events from `events` (the same events, in the same order, in
  /// whatever form `events` holds them); the parts' ``ProjectionParts/folded`` still name
  /// `input`'s list.
  ///
  /// - Parameter inLanes: As for ``parts(of:inLanes:)``.
  static func parts<Events: FoldEvents>(
    of input: FoldInput, reading events: Events, inLanes: Bool? = nil
  ) -> ProjectionParts {
    precondition(events.count == input.list.count, "another list than the input's")
    let cores = input.count >= parallelEvents || inLanes == true ? System.activeCores : 1
    let lanes = inLanes ?? (cores > 1)
    return parts(of: input, events, inLanes: lanes, threads: lanes && cores > 1)
  }

  private static func parts<Events: FoldEvents>(
    of input: FoldInput, _ events: Events, inLanes: Bool, threads: Bool
  ) -> ProjectionParts {
    var parts = ProjectionParts()
    // In lanes, every pass is split in halves too; in one pass, nothing is (the reference the
    // tests hold the lanes to).
    let split = inLanes ? SlotSplit.halves(atOnce: threads) : .whole
    if !input.hypothetical.isEmpty {
      for position in 0..<input.count where input.hypothetical.contains(events.id(at: position)) {
        if case .erratum(let target, _) = events.payload(at: position) {
          parts.hypotheticallyCorrected.insert(target)
        }
      }
    }
    // First pass: what is known, what is retracted, what is referred to.
    let surveyed = survey(events, count: input.count, knowledge: input.knowledge, split: split)
    parts.possiblyKnown = surveyed.possiblyKnown
    var marks = NameMap<Int>()
    marks.reserveCapacity(surveyed.referenced.count + surveyed.retractions.count)
    for id in surveyed.referenced { marks[id] = Mark.referenced }
    for (target, position) in surveyed.retractions {
      let id = events.id(at: position)
      if parts.possiblyKnown.contains(id) {
        parts.possiblyRetracted[target] = id
      } else {
        parts.retracted[target] = id
        marks[target] = Mark.retracted
      }
    }
    // Second pass: which positions are folded, in which lanes, and where referenced events are.
    let plan = resolve(
      events, count: input.count, unknown: surveyed.unknown, marks: marks, split: split)
    // Third pass: fold. Boundaries weigh announcement times themselves (see ``Boundary`` and
    // ``PauseTrack``), so the order of folding changes only the order in which reports are listed.
    // A long list is folded in two lanes at once, pauses on a helper thread and the rest here
    // (the lanes share nothing until corridor groups are reconciled with their pauses); then the
    // halves of the pauses are reconciled at once, and those of the corridor groups.
    var result: FoldResult
    var listed: Folder<Events>
    var pauseSlots: NameMap<Int>
    if inLanes {
      var lanes = TwoWay.run(
        parallel: threads,
        helper: { fold(events, plan, .pauses) },
        caller: {
          var others = fold(events, plan, .others)
          let disputes = others.finishOffensives() + others.claims(folded: plan.folded)
          return (folder: others, disputes: disputes)
        })
      // The folders are changed where they are: a copy would copy their tracks on change. Pauses
      // are reconciled before corridor groups, which read them.
      let pauseDisputes = lanes.helped.finishPauses(folded: plan.folded, split: split)
      let corridorDisputes = lanes.called.folder.finishCorridors(
        pauses: lanes.helped.pauses, pauseSlots: lanes.helped.pauseSlots, split: split)
      result = lanes.called.folder.handOver()
      result.pauses = lanes.helped.handOver().pauses
      // In the order one folder gives them: pauses, corridor groups, offensives, claims.
      result.disputes = pauseDisputes + corridorDisputes + lanes.called.disputes
      pauseSlots = lanes.helped.pauseSlots
      listed = lanes.called.folder
    } else {
      listed = fold(events, plan, .all)
      result = listed.finish(folded: plan.folded)
      pauseSlots = listed.pauseSlots
    }
    parts.pauses = result.pauses
    parts.corridors = result.corridors
    parts.offensives = result.offensives
    parts.disputes = result.disputes
    parts.listed = Listed(
      proposals: listed.proposals, statements: listed.statements, violations: listed.violations)
    parts.pauseIndex = pauseSlots
    parts.corridorIndex = listed.corridorSlots
    parts.offensiveIndex = listed.offensiveSlots
    parts.folded = FoldInput.Selection(
      list: input.list, count: input.count, skipped: plan.skipped)
    return parts
  }

  /// How many events a fold takes before it folds in two lanes at once (where there are two
  /// cores): it starts five threads, each in about a tenth of a millisecond, and a fold of this
  /// many takes about five milliseconds on one.
  static let parallelEvents = 8_192
}
