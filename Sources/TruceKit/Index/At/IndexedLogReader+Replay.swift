extension IndexedLogReader {
  /// A log of only the lines a replay filtered by when its events were announced, by their
  /// type, or by who announced them, rests on, which replays, for every step the filter shows,
  /// as the whole log does: what `replay` with `--from`, `--to`, `--as-of`, `--type` or
  /// `--actor` (and without `--area`) reads instead of the whole log.
  ///
  /// The index's event records say, without reading a line, when each event may have been
  /// announced once errata apply and what type it is, and its lists of announcers which events
  /// each name announced (as written or as errata make them); the events the filter may take
  /// are read with their errata, retractions and the events they correct (``IndexSelection``),
  /// and so is every item among whose lines one of them is, whole. Every name one of them is
  /// about, and every event one of them disputes, repeats or corrects with the items it is
  /// about, brings those items' lines too, so that each step finds its items, and the disputes
  /// they take part in, as the whole log has them. The lines appended since the index was built
  /// are read with the items they touch (``TailOverlay``). The replay then filters the events
  /// itself.
  ///
  /// - Parameter filter: The replay's filter, without an area (``log(forArea:events:)`` reads
  ///   an area's lines).
  /// - Returns: `nil` when the filter tests neither time, type nor announcer, or names an area;
  ///   or when the index cannot vouch for the lines or they would be too many (more than three
  ///   in ten of the log's, and more than 50,000), and the whole log must be read: an item whose
  ///   lines alone were not found to fold as the whole log does, an event disputing, repeating
  ///   or correcting one the lines do not hold, appended lines the overlay does not take, or an
  ///   index that does not match the log.
  public func log(forReplay filter: EventFilter) -> EventLog? {
    vouched(
      log(
        forReplay: filter,
        lineLimit: lineLimit(share: IndexedLogReader.windowLineShare)))
  }

  /// ``log(forReplay:)`` reading at most `lineLimit` lines.
  func log(forReplay filter: EventFilter, lineLimit: Int) -> EventLog? {
    guard filter.area == nil,
      filter.from != nil || filter.to != nil || filter.asOf != nil || !filter.types.isEmpty
        || !filter.actors.isEmpty
    else { return nil }
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    return (try? replayLog(filter, overlay: overlay, limit: lineLimit)) ?? nil
  }

  private func replayLog(_ filter: EventFilter, overlay: TailOverlay, limit: Int)
    throws(IndexMismatch) -> EventLog?
  {
    let typeTaken = EventType.allCases.map(filter.accepts(type:))
    let (from, to) = filter.announcementBounds
    let announced = try index.events(announcedByAnyOf: filter.actors)
    let takenLimit = IndexedLogReader.takenLimit(limit)
    var selection = IndexSelection(index: index, overlay: overlay)
    guard try selection.includeTouched(by: overlay) else { return nil }
    // The events the filter may take, as errata leave them (the test of
    // ``EventFilter/accepts(_:areas:)``, on the bounds and announcers the index keeps).
    let taken = try selection.includeEvents { position, record throws(IndexMismatch) in
      guard Int(record.type) < typeTaken.count else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      return typeTaken[Int(record.type)] && announced?[position] != false
        && record.mayBeAnnounced(from: from, to: to, asCorrected: true)
    }
    guard selection.lines.count <= takenLimit else { return nil }
    // Every item among whose lines one of those events is: what the events change, folded
    // whole.
    guard try selection.includeItems(holding: taken, limit: takenLimit) else { return nil }
    guard try selection.includeCorridorGroups() else { return nil }
    // Each step the replay may show must find, among the lines, every name its event is
    // about, and each event it disputes, repeats or corrects with the names that one is about;
    // so must the events that look up what it changes (``ReplayFold``'s watchers: statements
    // disputing it, pauses repeating it), for a correction the event it corrects, and the
    // statements disputing what a touched claim disputes (``replayNeeds(of:_:)``). A violation
    // report is among no item's lines, so its pause or offensive is found here, by name; so is
    // the item of an event another disputes.
    for _ in 0..<4 {
      let lines = LogSubset.inLogOrder(selection.lines)
      guard lines.count <= limit else { return nil }
      let log = try LogSubset.log(file: file, header: header, lines: lines, reader: reader)
      let needs = try replayNeeds(of: log, filter)
      selection.names.formUnion(needs.proposals)
      let missing = needs.names.subtracting(selection.names)
      // (An id the index does not hold is no event's in the whole log either.)
      let held = Set(lines.map(\.offset))
      let wanted = needs.events.filter { !held.contains(Int(index.event($0).offset)) }
      guard !missing.isEmpty || !wanted.isEmpty else { return log }
      let found = index.positions(named: missing)
      guard found.count == missing.count else { return nil }
      for positions in found.values {
        for position in positions where !selection.included.contains(position) {
          guard try selection.include(position) else { return nil }
        }
      }
      let added = try selection.includeEvents(at: wanted)
      guard try selection.includeItems(holding: added, limit: takenLimit) else { return nil }
      guard try selection.includeCorridorGroups() else { return nil }
    }
    return nil
  }

  /// What the steps a replay of part of the log may show need besides its lines: the names
  /// (``replayedNames(of:in:positions:)``) and the events (positions among the index's) the
  /// whole log would fold for them, and the ids of the proposals the lines hold.
  private func replayNeeds(of log: EventLog, _ filter: EventFilter) throws(IndexMismatch) -> (
    names: Set<String>, events: Set<Int>, proposals: Set<String>
  ) {
    var positions = [String: Int](minimumCapacity: log.events.count)
    for position in log.events.indices where positions[log.events[position].id] == nil {
      positions[log.events[position].id] = position
    }
    let effective = log.effectiveEvents
    var proposals = Set<String>()
    var shown: [Int] = []
    // The ids the steps bring onto the record or take off it.
    var changed = Set<String>()
    for position in effective.indices {
      // Proposals are indexed by their events' ids; statements name them by their own.
      if case .proposal(let id, _, _, _) = effective[position].payload { proposals.insert(id) }
      guard
        filter.accepts(
          announced: effective[position].announced.range, area: effective[position].area,
          type: effective[position].type, announcedBy: effective[position].announcedBy,
          areas: log.areas)
      else { continue }
      shown.append(position)
      changed.insert(effective[position].id)
      switch effective[position].payload {
      case .erratum(let target, _), .retraction(let target): changed.insert(target)
      default: break
      }
    }
    // The events that look up those ids, and the events the corrections shown correct (a
    // retracted statement's dispute is withdrawn): what the steps change besides their own
    // items.
    var examined = Set(shown)
    for position in effective.indices where !examined.contains(position) {
      let event = effective[position]
      if changed.contains(event.id) || event.disputes.contains(where: changed.contains)
        || event.sameAnnouncementAs.contains(where: changed.contains)
      {
        examined.insert(position)
      }
    }
    // A claim on record that shares a target with a claim these touch may share its subject (a
    // target about nothing gives a claim its own id; a claim's subject decides whether a replay
    // says its dispute is news): every statement disputing such a target is read, with what it
    // disputes.
    let claimTargets = Set(examined.flatMap { effective[$0].disputes })
    for position in effective.indices where !examined.contains(position) {
      if effective[position].disputes.contains(where: claimTargets.contains) {
        examined.insert(position)
      }
    }
    var names = Set<String>()
    var events = Set<Int>()
    for id in claimTargets {
      events.formUnion(try index.positions(linkedTo: id, by: [.disputes]))
    }
    for position in examined {
      let (about, absent) = replayedNames(of: effective[position], in: log, positions: positions)
      names.formUnion(about)
      for id in absent { events.formUnion(try index.positions(linkedTo: id, by: [.id])) }
    }
    for id in changed {
      events.formUnion(try index.positions(linkedTo: id, by: [.disputes, .sameAnnouncement]))
    }
    return (names, events, proposals)
  }

  /// The names a step of `event` needs whole among the lines: those it is about, and those
  /// each event it disputes, repeats or corrects is about, as written and as errata make it;
  /// with the ids of those events `log` does not hold.
  private func replayedNames(of event: Event, in log: EventLog, positions: [String: Int])
    -> (names: Set<String>, absent: Set<String>)
  {
    var names = IndexedLogReader.items(of: event, isRelated: { _ in true }) ?? []
    var absent = Set<String>()
    var referred = event.disputes + event.sameAnnouncementAs
    switch event.payload {
    case .erratum(let target, _), .retraction(let target): referred.append(target)
    default: break
    }
    for id in referred {
      guard let position = positions[id] else {
        absent.insert(id)
        continue
      }
      let target = log.events[position]
      for version in [target, log.amendments[id]].compactMap({ $0 }) {
        names.formUnion(IndexedLogReader.items(of: version, isRelated: { _ in true }) ?? [])
      }
    }
    return (names, absent)
  }
}
