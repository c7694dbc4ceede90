/// The passes of ``ProjectionFold`` that read every event: in a fold in lanes, each reads the two
/// halves of the list apart (at once on two threads where there are two cores); in a fold in one
/// pass, the whole list at once.
extension ProjectionFold {
  /// What the first pass finds: positions not known by the as-of moment (ascending), ids only
  /// possibly known, retractions (their targets and positions) and ids other events refer to.
  struct Survey: Sendable {
    /// Positions not known by the as-of moment, ascending.
    var unknown: [Int] = []
    /// Ids of events only possibly known by the as-of moment.
    var possiblyKnown: Set<String> = []
    /// Retractions known by then: what each retracts, and where it is.
    var retractions: [(target: String, position: Int)] = []
    /// Ids other known events dispute or report again, in the order they name them.
    var referenced: [String] = []
  }

  /// The first pass over the first `count` events: what is known by the as-of moment, what is
  /// retracted, what is referred to.
  ///
  /// - Parameter split: Whether to survey the list whole or in halves.
  static func survey(
    _ events: some FoldEvents, count: Int, knowledge: Knowledge, split: SlotSplit
  ) -> Survey {
    let parts = split.run(over: count) { survey(events, $0, knowledge: knowledge) }
    var whole = Survey()
    for part in parts {
      whole.unknown += part.unknown
      whole.possiblyKnown.formUnion(part.possiblyKnown)
      whole.retractions += part.retractions
      whole.referenced += part.referenced
    }
    return whole
  }

  /// ``survey(_:count:knowledge:split:)`` for the events in `range`.
  private static func survey(
    _ events: some FoldEvents, _ range: Range<Int>, knowledge: Knowledge
  ) -> Survey {
    var survey = Survey()
    let filters = knowledge.asOf != nil
    for position in range {
      if filters {
        switch knowledge.status(ofAnnounced: events.announcedRange(at: position)) {
        case .unknown:
          survey.unknown.append(position)
          continue
        case .possiblyKnown: survey.possiblyKnown.insert(events.id(at: position))
        case .known: break
        }
      }
      if events.type(at: position) == .retraction,
        case .retraction(let target) = events.payload(at: position)
      {
        survey.retractions.append((target, position))
      }
      let disputes = events.disputes(at: position)
      if !disputes.isEmpty { survey.referenced += disputes }
      let sameAnnouncementAs = events.sameAnnouncementAs(at: position)
      if !sameAnnouncementAs.isEmpty { survey.referenced += sameAnnouncementAs }
    }
    return survey
  }

  /// What the third pass folds: the lanes of each position (``FoldLane/bits(of:)``, 0 for a
  /// position skipped), the skipped positions, and where the referenced events that are folded
  /// are, by id (the last, when an id repeats).
  struct Plan: Sendable {
    /// For each position, the lanes that take it (0 for a position skipped).
    var lanes: [UInt8]
    /// The positions skipped, ascending.
    var skipped: [Int]
    /// Where the folded events something refers to are, by id.
    var folded: NameMap<Int>
  }

  /// Folds the positions of a list that `lane` takes in `plan`.
  static func fold<Events: FoldEvents>(_ events: Events, _ plan: Plan, _ lane: FoldLane)
    -> Folder<Events>
  {
    var folder = Folder(
      events: events, expected: plan.lanes.count - plan.skipped.count, lane: lane)
    let bit = lane.bit
    for position in plan.lanes.indices where plan.lanes[position] & bit != 0 {
      folder.fold(position)
    }
    return folder
  }

  /// The plan for folding the first `count` events: which are not folded (not known by the as-of
  /// moment, or retracted), which lanes take the others, and where the referenced ones are.
  ///
  /// - Parameters:
  ///   - unknown: Positions not known by the as-of moment, ascending.
  ///   - marks: Ids marked ``Mark/retracted`` or ``Mark/referenced``.
  ///   - split: Whether to plan the list whole or in halves.
  static func resolve(
    _ events: some FoldEvents, count: Int, unknown: [Int], marks: NameMap<Int>,
    split: SlotSplit
  ) -> Plan {
    // Few ids are marked: most are let go after one cheap hash, in either half.
    let filter = marks.withNames { IDPrefilter($0, count: marks.count) }
    let parts = split.run(over: count) {
      resolve(events, $0, unknown: unknown, marks: marks, filter: filter)
    }
    // In position order, so that the last of a repeated id is kept.
    var plan = Plan(lanes: [], skipped: [], folded: NameMap())
    plan.lanes.reserveCapacity(count)
    plan.folded.reserveCapacity(parts.reduce(0) { $0 + $1.referenced.count })
    for part in parts {
      plan.lanes += part.lanes
      plan.skipped += part.skipped
      for (id, position) in part.referenced { plan.folded[id] = position }
    }
    return plan
  }

  /// ``resolve(_:count:unknown:marks:split:)`` for the events in `range`; `filter` holds the
  /// marked ids.
  private static func resolve(
    _ events: some FoldEvents, _ range: Range<Int>, unknown: [Int], marks: NameMap<Int>,
    filter: IDPrefilter
  ) -> (lanes: [UInt8], skipped: [Int], referenced: [(id: String, position: Int)]) {
    var lanes = [UInt8](repeating: 0, count: range.count)
    var skipped: [Int] = []
    var referenced: [(id: String, position: Int)] = []
    // The first unknown position in the range.
    var nextUnknown = firstIndex(atOrAfter: range.lowerBound, in: unknown)
    for position in range {
      if nextUnknown < unknown.count && unknown[nextUnknown] == position {
        nextUnknown += 1
        skipped.append(position)
        continue
      }
      if !marks.isEmpty {
        let id = events.id(at: position)
        if filter.mayContain(id), let mark = marks[id] {
          if mark == Mark.retracted {
            skipped.append(position)
            continue
          }
          referenced.append((id, position))
        }
      }
      lanes[position - range.lowerBound] = events.lanes(at: position)
    }
    return (lanes, skipped, referenced)
  }

  /// The index of the first of `sorted` (ascending) at or after `value`; `sorted.count` when
  /// none is.
  static func firstIndex(atOrAfter value: Int, in sorted: [Int]) -> Int {
    var low = 0
    var high = sorted.count
    while low < high {
      let middle = low + (high - low) / 2
      if sorted[middle] >= value { high = middle } else { low = middle + 1 }
    }
    return low
  }

}
