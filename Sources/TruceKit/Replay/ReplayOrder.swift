/// A log's events with errata applied (see ``EventLog/effectiveEvents``) in announcement order,
/// without those certainly unknown at the as-of moment, kept as places in the log's list: an
/// event is copied only when a replay folds it (``events(prefix:)``).
///
/// A replay needs nothing after its last shown step, so it copies the events up to that step
/// only: a replay of one week early in a long history copies (and later frees) a small part of
/// it.
struct ReplayOrder {
  /// The log the events are read from.
  private let log: EventLog
  /// Where each event is in the log's list of events, in announcement order.
  private let positions: [Int]
  /// Events as errata amend them, by their position in the log's list.
  private let amended: [Int: Event]

  /// The order of `log`'s events, as of `knowledge`.
  init(of log: EventLog, _ knowledge: Knowledge) {
    self.log = log
    let corrected = !log.voided.isEmpty || !log.amendments.isEmpty
    var amended: [Int: Event] = [:]
    // The log is read in place: reading an element of the array would copy the whole event.
    positions = log.events.withUnsafeBufferPointer { source in
      // Positions in the log of the effective events, with their placements.
      var kept: [Int] = []
      kept.reserveCapacity(source.count)
      var placements: [AnnouncementOrder.Placement] = []
      placements.reserveCapacity(source.count)
      for position in source.indices {
        if corrected {
          let id = source[position].id
          if log.voided.contains(id) { continue }
          if let amendment = log.amendments[id] {
            amended[position] = amendment
            guard knowledge.status(of: amendment) != .unknown else { continue }
            kept.append(position)
            placements.append(AnnouncementOrder.placement(of: amendment))
            continue
          }
        }
        if knowledge.asOf != nil
          && knowledge.status(ofAnnounced: source[position].announced.range) == .unknown
        {
          continue
        }
        kept.append(position)
        placements.append(
          AnnouncementOrder.placement(
            announced: source[position].announced.range,
            reported: source[position].reported.range, seq: source[position].seq))
      }
      return kept.indices.sorted { placements[$0] < placements[$1] }.map { kept[$0] }
    }
    self.amended = amended
  }

  /// How many events there are.
  var count: Int { positions.count }

  /// Whether `filter` takes each event, in order (each read in place).
  func shown(by filter: EventFilter) -> [Bool] {
    let areas = log.areas
    return log.events.withUnsafeBufferPointer { source in
      positions.map { position in
        if let event = amended.isEmpty ? nil : amended[position] {
          return filter.accepts(event, areas: areas)
        }
        return filter.accepts(
          announced: source[position].announced.range, area: source[position].area,
          type: source[position].type, announcedBy: source[position].announcedBy, areas: areas)
      }
    }
  }

  /// The first `count` events, copied in order.
  func events(prefix count: Int) -> [Event] {
    log.events.withUnsafeBufferPointer { source in
      var events: [Event] = []
      events.reserveCapacity(count)
      for position in positions.prefix(count) {
        events.append((amended.isEmpty ? nil : amended[position]) ?? source[position])
      }
      return events
    }
  }

  /// Whether any event from the `start`th on bears an id that another event bears, either
  /// among them or among those before, which `isEarlier` tells (each id read in place).
  func repeatsIDs(from start: Int, isEarlier: (String) -> Bool) -> Bool {
    log.events.withUnsafeBufferPointer { source in
      var seen: Set<String> = []
      // An erratum cannot change an id (``ErratumMerge/fixedKeys``): the line's is read.
      for position in positions.dropFirst(start) {
        let id = source[position].id
        if isEarlier(id) || !seen.insert(id).inserted { return true }
      }
      return false
    }
  }
}
