extension IndexedLogReader {
  /// A log of only the lines a replay of the events `filter` takes rests on, which replays those
  /// events as the whole log does: what `replay` with `--type`, `--from` or `--to` and no
  /// `--area` (which ``log(forArea:events:)`` serves) reads instead of the whole log.
  ///
  /// The index's event records sort out the events the filter cannot take (by type, and by when
  /// they may have been announced unless an erratum amends them); the others are read, each
  /// with its errata, together with the lines of every item the events the filter takes are
  /// about, or that the events they cite are about, the corridor groups that share a line with
  /// a pause taken, and the lines appended since the index was built (``TailOverlay``).
  ///
  /// - Returns: `nil` when the index cannot vouch for it, and the whole log must be read: a
  ///   filter by neither type nor time (an actor's name is in no record), an item whose lines
  ///   alone were not found to fold as the whole log does, a name the index does not hold, an
  ///   event citing one that was not read, appended lines the overlay does not take, or an
  ///   index that does not match the log.
  public func log(forEventsMatching filter: EventFilter) -> EventLog? {
    guard filter.area == nil, !filter.types.isEmpty || filter.from != nil || filter.to != nil,
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    return (try? filteredLog(filter, overlay: overlay)) ?? nil
  }

  private func filteredLog(_ filter: EventFilter, overlay: TailOverlay) throws(IndexMismatch)
    -> EventLog?
  {
    let areas = header.areas
    let typeTaken = EventType.allCases.map { type in
      filter.types.isEmpty
        || filter.types.contains { type.rawValue == $0 || type.rawValue.hasPrefix($0 + ".") }
    }
    let from = filter.from?.secondsSinceEpoch
    let to = [filter.to, filter.asOf].compactMap { $0?.secondsSinceEpoch }.min()
    var selection = Selection(index: index, lines: overlay.lines)
    selection.names.formUnion(overlay.newItems.union(overlay.proposals))
    for position in overlay.touched.sorted() {
      guard try selection.include(position) else { return nil }
    }
    try selection.includeEvents(areaCount: areas.areas.count) { record in
      guard Int(record.type) < typeTaken.count, typeTaken[Int(record.type)] else { return false }
      // An erratum may change when it was announced: an amended event is read, and the filter
      // decides on it as amended.
      if record.corrections.contains(.amended) { return true }
      if let from, record.high != Int64.max, record.high < from { return false }
      if let to, record.low != Int64.min, record.low > to { return false }
      return true
    }
    guard try selection.includeCorridorGroups() else { return nil }
    // The events taken bring the items they are about, whose lines may cite others: a few
    // rounds at most.
    for _ in 0..<3 {
      let log = try LogSubset.log(
        file: file, header: header, lines: LogSubset.inLogOrder(selection.lines), reader: reader)
      let taken = log.effectiveEvents.filter { filter.accepts($0, areas: areas) }
      // Proposals are indexed by their events' ids; statements name them by their own.
      for event in taken {
        if case .proposal(let id, _, _, _) = event.payload { selection.names.insert(id) }
      }
      let byID = Dictionary(log.events.map { ($0.id, $0) }) { first, _ in first }
      var missing = Set<String>()
      // A cited event not read may be among the lines of an item still to be taken.
      var unread = false
      for event in taken {
        let (names, complete) = IndexedLogReader.reach(of: event, in: log, byID: byID)
        unread = unread || !complete
        for name in names where !selection.names.contains(name) { missing.insert(name) }
      }
      guard !missing.isEmpty else { return unread ? nil : log }
      let found = index.positions(named: missing)
      guard found.count == missing.count else { return nil }
      for positions in found.values {
        for position in positions where !selection.included.contains(position) {
          guard try selection.include(position) else { return nil }
        }
      }
      guard try selection.includeCorridorGroups() else { return nil }
    }
    return nil
  }

  /// The items an event's step rests on: those it is about, and those the events it cites
  /// (disputes, reports as the same announcement, corrects or retracts) are about, as recorded
  /// and as amended; and whether the log holds every event it cites.
  private static func reach(of event: Event, in log: EventLog, byID: [String: Event])
    -> (names: Set<String>, complete: Bool)
  {
    var complete = true
    var names = subjects(of: event)
    var cited = event.disputes + event.sameAnnouncementAs
    switch event.payload {
    case .erratum(let target, _), .retraction(let target): cited.append(target)
    default: break
    }
    for id in cited {
      guard let target = byID[id] else {
        complete = false
        continue
      }
      names.formUnion(subjects(of: target))
      if let amended = log.amendments[id] { names.formUnion(subjects(of: amended)) }
    }
    return (names, complete)
  }

  /// The items an event declares, changes or names (none for corrections and proposals, which
  /// are items by their events' ids).
  private static func subjects(of event: Event) -> Set<String> {
    switch event.payload {
    case .erratum, .retraction, .proposal: return []
    case .statement(_, let about): return Set(about)
    case .violationReported(let pause, let offensive, _, _):
      return Set([pause, offensive].compactMap { $0 })
    case .corridorOpened(let opening): return [opening.corridor, opening.pause]
    default: return Set([event.subject].compactMap { $0 })
    }
  }
}
