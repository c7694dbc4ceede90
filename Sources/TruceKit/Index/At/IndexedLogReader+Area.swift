extension IndexedLogReader {
  /// A log of only the lines an area's items rest on (the area's, and those of the areas inside
  /// and around it), which folds, for those items, as the whole log does: what `timeline` and
  /// `replay` with `--area` read instead of the whole log.
  ///
  /// The index lists every item with its area and the lines it rests on (``ItemClosure``); the
  /// log is made of the lines of the area's items, of the corridor groups elsewhere that share
  /// a line with one of its pauses, and of the lines appended since the index was built
  /// (``TailOverlay``). With `events`, every event of those areas is read too (a replay shows
  /// each of them as a step, a timeline marks them), and each must be about items the log
  /// holds: an event of the area about an item elsewhere (a statement in Homs about an Aleppo
  /// pause) brings that item's lines too; so is every event about the items read, wherever it
  /// was made (a timeline marks a violation report in Homs about an Aleppo pause).
  ///
  /// - Parameters:
  ///   - area: The area asked about.
  ///   - events: Whether every event of the area must be in the log, not only its items'.
  /// - Returns: `nil` when the index cannot vouch for it, and the whole log must be read: an
  ///   item whose lines alone were not found to fold as the whole log does, an event of the
  ///   area about a name the index does not hold, an erratum, retraction or event citing
  ///   another whose target is elsewhere, appended lines the overlay does not take, or an index
  ///   that does not match the log.
  public func log(forArea area: Area, events: Bool) -> EventLog? {
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    return vouched(log(forArea: area, events: events, overlay: overlay))
  }

  /// ``log(forArea:events:)`` with the overlay of the appended lines already read.
  ///
  /// - Parameter asOf: For a question without `events` as of a moment (in seconds since the
  ///   epoch), the moment: the names the whole log does not list that were only partly
  ///   announced by then are read too, whatever area the index gives them (only its first
  ///   line's), since the fold may list them in the area.
  func log(forArea area: Area, events: Bool, asOf: Int64? = nil, overlay: TailOverlay)
    -> EventLog?
  {
    (try? areaLog(area, events: events, asOf: asOf, overlay: overlay)) ?? nil
  }

  private func areaLog(_ area: Area, events withEvents: Bool, asOf: Int64?, overlay: TailOverlay)
    throws(IndexMismatch) -> EventLog?
  {
    let areas = header.areas
    let related = areas.areas.map { areas.areRelated($0.id, area.id) }
    let relatedIDs = Set(zip(areas.areas, related).filter(\.1).map(\.0.id))
    var selection = IndexSelection(index: index, overlay: overlay)
    for position in 0..<index.count {
      let item = index.summary(position)
      guard Int(item.area) < related.count, item.kind != nil else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      // An item whose area may differ as of an earlier moment (see
      // ``AtIndexLayout/Item/areaVaries``), or a name the whole log does not list that was only
      // partly announced by the as-of moment (the index gives it only its first line's area),
      // is read too when no event brings it: the fold decides its area. (With events, one of
      // the area's about it brings it.)
      let listedThen =
        item.kind == .unlisted && asOf.map { item.announced.knowledge(asOf: $0) == .partly } == true
      if related[Int(item.area)] || overlay.touched.contains(position)
        || (!withEvents && (item.areaVaries || listedThen))
      {
        guard try selection.include(position) else { return nil }
      }
    }
    guard try selection.includeCorridorGroups() else { return nil }
    if withEvents {
      // The events about the items taken, wherever they were made: a timeline of the area
      // marks every announcement about an item it draws, and a violation report is among no
      // item's lines (its pause or offensive is what it is about, as written or as errata make
      // it). Names are matched by hash: another name's events read are about no item drawn.
      var about = Set<Int>()
      for name in selection.names {
        about.formUnion(try index.positions(linkedTo: name, by: [.subject]))
      }
      // And the events errata leave in a related area.
      try selection.includeEvents { position, record throws(IndexMismatch) in
        guard Int(record.area) < related.count, Int(record.effectiveArea) < related.count else {
          throw IndexMismatch(reason: "the index is damaged")
        }
        return related[Int(record.effectiveArea)] || about.contains(position)
      }
    }
    // An event of the area may be about an item elsewhere (a corridor on a pause in another
    // area): that item is taken too, and the lines read again, a few times at most.
    for _ in 0..<3 {
      let log = try LogSubset.log(
        file: file, header: header, lines: LogSubset.inLogOrder(selection.lines), reader: reader)
      guard withEvents else { return log }
      // What the events say once corrected: an erratum may have moved an event to another item.
      let effective = log.effectiveEvents.filter { relatedIDs.contains($0.area) }
      // Proposals are indexed by their events' ids; statements name them by their own.
      for event in effective {
        if case .proposal(let id, _, _, _) = event.payload { selection.names.insert(id) }
      }
      let byID = Dictionary(log.events.map { ($0.id, $0) }) { first, _ in first }
      var missing = Set<String>()
      for event in effective {
        guard
          let names = IndexedLogReader.items(
            of: event,
            isRelated: { id in byID[id].map { relatedIDs.contains($0.area) } ?? false })
        else { return nil }
        // (`subtracting` would walk the whole set of names taken for each event.)
        for name in names where !selection.names.contains(name) { missing.insert(name) }
      }
      guard !missing.isEmpty else { return log }
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

  /// The items an event is about: those it declares, changes or names; `nil` when it is an
  /// erratum, retraction or an event that disputes or repeats another, and `isRelated` rejects
  /// that other event's id (it is not in the log read, or not where the question looks).
  static func items(of event: Event, isRelated: (String) -> Bool) -> Set<String>? {
    guard (event.disputes + event.sameAnnouncementAs).allSatisfy(isRelated) else { return nil }
    switch event.payload {
    case .erratum(let target, _), .retraction(let target): return isRelated(target) ? [] : nil
    case .proposal: return []
    case .statement(_, let about): return Set(about)
    case .violationReported(let pause, let offensive, _, _):
      return Set([pause, offensive].compactMap { $0 })
    case .corridorOpened(let opening): return [opening.corridor, opening.pause]
    default: return Set([event.subject].compactMap { $0 })
    }
  }
}
