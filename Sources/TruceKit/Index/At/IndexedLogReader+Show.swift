extension IndexedLogReader {
  /// A log of only the lines `truce show <id>` reads (``EventDetailRenderer``), which shows the
  /// event as the whole log does.
  ///
  /// It holds the event (with the event it corrects, for an erratum or a retraction), its
  /// errata and retractions, the events that dispute it or report the same announcement, the
  /// events it and those cite with their corrections, and the events other than statements
  /// about what it is about, as recorded and once errata apply (for a corridor group, also
  /// its pause's). For the disputes the projection finds among the reports, and the statements
  /// naming what it is about, it holds all the lines of every item (``ItemClosure``) among
  /// whose lines is the event or one of those about what it is about; each of those items must
  /// fold alone as in the whole log. The lines appended since the index was built are read too
  /// (``TailOverlay``).
  ///
  /// The index lists, for every event, the names its line bears or cites
  /// (``AtIndexLayout/LinkEntry``); what the event says once errata apply, and what the events
  /// citing it cite, are read from the lines, and the lines they bring are read in turn, a few
  /// times at most.
  ///
  /// - Parameter id: The event's id.
  /// - Returns: `nil` when the index cannot vouch for it, and the whole log must be read: an id
  ///   the index and the appended lines do not hold (the whole log then names similar ones), an
  ///   item whose lines alone were not found to fold as the whole log does, appended lines the
  ///   overlay does not take, or an index that does not match the log.
  public func log(showing id: String) -> EventLog? {
    vouched((try? showLog(id)) ?? nil)
  }

  /// For an id no event of the log bears, the ids `truce show` names instead: the first
  /// `limit`, in log order, that begin with the id's first four characters.
  ///
  /// - Returns: `nil` when the index cannot tell that no event bears the id (the whole log is
  ///   then read).
  public func similarEventIDs(toUnknown id: String, limit: Int) -> [String]? {
    guard let own = try? index.positions(linkedTo: id, by: [.id]), own.isEmpty,
      !tail.entries.contains(where: { $0.event.id == id })
    else { return nil }
    let prefix = String(id.prefix(4))
    var found = index.eventIDs(beginningWith: prefix, limit: limit)
    for entry in tail.entries where found.count < limit && entry.event.id.hasPrefix(prefix) {
      found.append(entry.event.id)
    }
    return vouched(found)
  }

  private func showLog(_ id: String) throws(IndexMismatch) -> EventLog? {
    guard let overlay = try TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    let own = try index.positions(linkedTo: id, by: [.id])
    guard !own.isEmpty || tail.entries.contains(where: { $0.event.id == id }) else { return nil }
    var taken = Set(own)
    // A correction is read with the event it corrects (an erratum is merged into it).
    for position in own where index.event(position).target > 0 {
      let target = Int(index.event(position).target) - 1
      guard target < position else { throw IndexMismatch(reason: "the index is damaged") }
      taken.insert(target)
    }
    var itemsTaken = Set<Int>()
    var itemLines = Set<LogSubset.Line>()
    for _ in 0..<4 {
      let lines = taken.map(line(at:)) + overlay.lines + itemLines
      let log = try LogSubset.log(
        file: file, header: header, lines: LogSubset.inLogOrder(lines), reader: reader,
        keepingLines: true)
      guard let event = log.events.first(where: { $0.id == id }) else { return nil }
      let effective = log.effectiveEvents.first { $0.id == id }
      let versions = [event] + (effective.map { [$0] } ?? [])
      var wanted = Set(
        try index.positions(linkedTo: id, by: [.id, .disputes, .sameAnnouncement, .corrects]))
      // What it is about, as recorded and once corrected; for a correction, the event it
      // corrects (an erratum is read with its target).
      var subjects = Set<String>()
      for version in versions {
        if let subject = version.subject { subjects.insert(subject) }
        switch version.payload {
        case .corridorOpened(let opening): subjects.insert(opening.pause)
        case .erratum(let target, _), .retraction(let target):
          wanted.formUnion(try index.positions(linkedTo: target, by: [.id, .corrects]))
        default: break
        }
      }
      var aboutSubjects: [Int] = []
      for subject in subjects {
        aboutSubjects += try index.positions(linkedTo: subject, by: [.subject])
      }
      wanted.formUnion(aboutSubjects)
      // The items whose disputes may name it, and whose lines hold the statements naming
      // what it is about.
      let offsets = (own + aboutSubjects).map { Int(index.event($0).offset) }
      let items = index.items(holdingAnyOf: offsets)
      var grew = false
      for position in items where !itemsTaken.contains(position) {
        guard let item = index.item(position) else {
          throw IndexMismatch(reason: "the index is damaged")
        }
        guard item.answersAlone else { return nil }
        var lines: [LogSubset.Line] = []
        guard index.appendLines(of: item, to: &lines) else {
          throw IndexMismatch(reason: "the index is damaged")
        }
        itemLines.formUnion(lines)
        itemsTaken.insert(position)
        grew = true
      }
      // What it and the events that cite it cite, with their corrections.
      var cited = Set<String>()
      for other in log.events + log.effectiveEvents
      where other.id == id || other.disputes.contains(id) || other.sameAnnouncementAs.contains(id) {
        cited.formUnion(other.disputes + other.sameAnnouncementAs)
      }
      for name in cited {
        wanted.formUnion(try index.positions(linkedTo: name, by: [.id, .corrects]))
      }
      let known = Set(lines)
      if !grew, !wanted.contains(where: { !known.contains(line(at: $0)) }) { return log }
      taken.formUnion(wanted)
    }
    return nil
  }

  /// Where the event at a position (from 0) is in the log.
  private func line(at position: Int) -> LogSubset.Line {
    LogSubset.Line(offset: Int(index.event(position).offset), number: position + 2)
  }
}
