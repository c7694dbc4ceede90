/// The fold of a list of events into a projection's contents.
///
/// Two passes over the events, neither of which copies them: the first decides which are known
/// by the as-of moment and which are retracted, the second folds the rest into drafts. Only the
/// ids something refers to (a statement's disputed events, a declaration's other reports of its
/// announcement) are looked up later, so only those are remembered by id.
enum ProjectionFold {
  /// What a lookup of an id in the second pass finds.
  private enum Mark {
    static let retracted = -1
    static let referenced = -2
  }

  static func parts(of input: FoldInput) -> ProjectionParts {
    // Events are read through a buffer pointer: reading a field of an array's element copied the
    // element's body first.
    input.events.withUnsafeBufferPointer { events in parts(of: input, events) }
  }

  private static func parts(of input: FoldInput, _ events: UnsafeBufferPointer<Event>)
    -> ProjectionParts
  {
    var parts = ProjectionParts()
    if !input.hypothetical.isEmpty {
      for position in 0..<input.count where input.hypothetical.contains(events[position].id) {
        if case .erratum(let target, _) = events[position].payload {
          parts.hypotheticallyCorrected.insert(target)
        }
      }
    }
    // First pass: what is known, what is retracted, what is referred to.
    let filters = input.knowledge.asOf != nil
    var unknown: [Int] = []
    var marks: [String: Int] = [:]
    var retractions: [(target: String, by: Int)] = []
    for position in 0..<input.count {
      if filters {
        switch input.knowledge.status(of: events[position]) {
        case .unknown:
          unknown.append(position)
          continue
        case .possiblyKnown: parts.possiblyKnown.insert(events[position].id)
        case .known: break
        }
      }
      if events[position].type == .retraction,
        case .retraction(let target) = events[position].payload
      {
        retractions.append((target, position))
      }
      if !events[position].disputes.isEmpty {
        for id in events[position].disputes { marks[id] = Mark.referenced }
      }
      if !events[position].sameAnnouncementAs.isEmpty {
        for id in events[position].sameAnnouncementAs { marks[id] = Mark.referenced }
      }
    }
    for (target, position) in retractions {
      let id = events[position].id
      if parts.possiblyKnown.contains(id) {
        parts.possiblyRetracted[target] = id
      } else {
        parts.retracted[target] = id
        marks[target] = Mark.retracted
      }
    }
    // Second pass: fold. Boundaries weigh announcement times themselves (see ``Boundary`` and
    // ``PauseTrack``), so the order of folding changes only the order in which reports are listed.
    var folder = Folder(events: input.events, expected: input.count - unknown.count)
    var skipped: [Int] = []
    var nextUnknown = 0
    for position in 0..<input.count {
      if nextUnknown < unknown.count && unknown[nextUnknown] == position {
        nextUnknown += 1
        skipped.append(position)
        continue
      }
      if !marks.isEmpty, let mark = marks[events[position].id] {
        if mark == Mark.retracted {
          skipped.append(position)
          continue
        }
        marks[events[position].id] = position
      }
      folder.fold(position)
    }
    let result = folder.finish { id in marks[id].flatMap { $0 >= 0 ? $0 : nil } }
    parts.pauses = result.pauses
    parts.corridors = result.corridors
    parts.offensives = result.offensives
    parts.disputes = result.disputes
    parts.listed = Listed(
      proposals: folder.proposals, statements: folder.statements, violations: folder.violations)
    parts.pauseIndex = folder.pauseSlots
    parts.corridorIndex = folder.corridorSlots
    parts.offensiveIndex = folder.offensiveSlots
    parts.folded = FoldInput.Selection(
      events: input.events, count: input.count, skipped: skipped)
    return parts
  }

  /// Positions in a list of statements by the subjects they are about.
  static func statementIndex(_ statements: [Event]) -> [String: [Int]] {
    var index: [String: [Int]] = [:]
    for (position, statement) in statements.enumerated() {
      guard case .statement(_, let about) = statement.payload else { continue }
      for (offset, subject) in about.enumerated() where !about[..<offset].contains(subject) {
        index[subject, default: []].append(position)
      }
    }
    return index
  }
}
