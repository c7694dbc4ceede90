/// Which lines of a log an item's part of an answer rests on: what its fold reads and what its
/// rendering shows.
///
/// For a pause, corridor group, offensive or proposal: the events about it; the statements that
/// name it or dispute one of its events; the events its events refer to (`disputes`,
/// `sameAnnouncementAs`); the errata and retractions of all of these; and, for corridors, all
/// of that for the pauses they belong to (a corridor's window may come from its pause's).
///
/// An event counts as it is written and as errata make it: an erratum may move a report to
/// another item, and with an as-of moment before a later retraction of the report, the item it
/// was moved to folds it (with everything known, the retraction hides it, so the check below
/// cannot see that it belongs there).
///
/// The rules need not be perfect: the index checks, item by item, that folding these lines
/// alone gives what folding the whole log gives (``AtIndexBuilder``), and an item for which it
/// does not is answered by reading the whole log.
enum ItemClosure {
  /// The positions (in `log.events`, ascending) of each item's lines, by item id.
  static func positions(in log: EventLog) -> [String: [Int]] {
    let events = log.events
    var positionByID: [String: Int] = [:]
    positionByID.reserveCapacity(events.count)
    for (position, event) in events.enumerated() where positionByID[event.id] == nil {
      positionByID[event.id] = position
    }
    // Each event as written, and as errata make it when they do (few are amended: no array is
    // made for the others).
    let amendments = log.amendments
    func forEachVersion(_ position: Int, _ body: (Event) -> Void) {
      body(events[position])
      if !amendments.isEmpty, let amended = amendments[events[position].id] { body(amended) }
    }
    // The items each line is directly about.
    var owners = [[String]](repeating: [], count: events.count)
    var corridorPauses: [String: [String]] = [:]
    var corrections: [Int: [Int]] = [:]
    for position in events.indices {
      forEachVersion(position) { event in
        var about: [String] = []
        switch event.payload {
        case .statement(_, let subjects): about = subjects
        case .violationReported: break
        case .erratum(let target, _), .retraction(let target):
          if let targetPosition = positionByID[target],
            corrections[targetPosition]?.last != position
          {
            corrections[targetPosition, default: []].append(position)
          }
        case .corridorOpened(let opening):
          about = [opening.corridor]
          corridorPauses[opening.corridor, default: []].append(opening.pause)
        default:
          if let subject = event.subject { about = [subject] }
        }
        for owner in about where !owners[position].contains(owner) {
          owners[position].append(owner)
        }
      }
    }
    var closures: [String: Set<Int>] = [:]
    for position in events.indices {
      for owner in owners[position] { closures[owner, default: []].insert(position) }
      // What it refers to belongs with it; a statement disputing an event belongs with that
      // event's items too.
      forEachVersion(position) { event in
        for id in event.disputes + event.sameAnnouncementAs {
          guard let target = positionByID[id] else { continue }
          for owner in owners[position] { closures[owner, default: []].insert(target) }
          // A claim against a report is about what the report is about (a violation's pause).
          var targetOwners = owners[target]
          forEachVersion(target) { version in
            if let subject = version.subject, !targetOwners.contains(subject) {
              targetOwners.append(subject)
            }
          }
          for owner in targetOwners {
            closures[owner, default: []].formUnion([position, target])
          }
        }
      }
    }
    // Corridors take their pauses' lines; then every line takes its corrections.
    for (corridor, pauses) in corridorPauses {
      for pause in pauses { closures[corridor, default: []].formUnion(closures[pause] ?? []) }
    }
    var result: [String: [Int]] = [:]
    result.reserveCapacity(closures.count)
    for (item, positions) in closures {
      var all = positions
      var pending = Array(positions)
      while let position = pending.popLast() {
        for correction in corrections[position] ?? [] where all.insert(correction).inserted {
          pending.append(correction)
        }
      }
      result[item] = all.sorted()
    }
    return result
  }
}
