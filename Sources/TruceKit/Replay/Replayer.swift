/// Walks a log in announcement order, folding one announcement at a time, and says what each
/// changed.
///
/// Every event that passes the as-of moment is folded, so the state is right; only the events
/// the filter takes are shown as steps. Each event is folded once, into a running state (see
/// ``ReplayFold``), so a replay costs about as much as one fold of the log; each step's state is
/// a projection folded only if someone reads it.
public struct Replayer: Sendable {
  /// Which events to show (and, through its as-of, which to fold at all).
  public var filter: EventFilter
  /// The zone for times in the descriptions.
  public var zone: Zone

  /// Creates a replayer.
  public init(filter: EventFilter = EventFilter(), zone: Zone) {
    self.filter = filter
    self.zone = zone
  }

  /// Every step, in announcement order.
  public func steps(of log: EventLog) -> [ReplayStep] {
    let knowledge = Knowledge(asOf: filter.asOf)
    let events = Replayer.announcementOrder(of: log, knowledge)
    let describer = ChangeDescriber(time: TimeFormatter(zone: zone))
    guard var fold = ReplayFold(events: events, knowledge: knowledge) else {
      return refoldedSteps(events, knowledge, log, describer)
    }
    // Read in place: mapping the array would copy every event.
    let shown = events.withUnsafeBufferPointer { events in
      events.indices.map {
        filter.accepts(
          announced: events[$0].announced.range, area: events[$0].area, type: events[$0].type,
          announcedBy: events[$0].announcedBy, areas: log.areas)
      }
    }
    let total = shown.reduce(0) { $0 + ($1 ? 1 : 0) }
    var steps: [ReplayStep] = []
    steps.reserveCapacity(total)
    // Steps not shown are settled all at once, when the next shown step comes; what comes after
    // the last shown step is never settled, as nothing reads it.
    for position in events.indices {
      guard shown[position] else {
        fold.foldNextUndescribed()
        continue
      }
      let changes = fold.foldNext(describedBy: describer)
      steps.append(
        ReplayStep(
          number: steps.count + 1, total: total, event: events[position],
          placement: AnnouncementOrder.placement(of: events[position]), changes: changes,
          state: Projection(
            deferredPrefix: position + 1, of: events, knowledge: knowledge,
            hypothetical: log.hypothetical)))
    }
    return steps
  }

  /// A log's events with errata applied (see ``EventLog/effectiveEvents``) in announcement
  /// order, without those certainly unknown at the as-of moment.
  ///
  /// Each event is copied once, straight into its place: the effective events are not made
  /// first.
  static func announcementOrder(of log: EventLog, _ knowledge: Knowledge) -> [Event] {
    let corrected = !log.voided.isEmpty || !log.amendments.isEmpty
    // The log is read in place: reading an element of the array would copy the whole event.
    return log.events.withUnsafeBufferPointer { source in
      // Positions in the log of the effective events, and the amended event where there is one.
      var kept: [Int] = []
      kept.reserveCapacity(source.count)
      var amended: [Int: Event] = [:]
      for position in source.indices {
        if corrected {
          let id = source[position].id
          if log.voided.contains(id) { continue }
          if let amendment = log.amendments[id] { amended[position] = amendment }
        }
        kept.append(position)
      }
      let placements = kept.map { position in
        if let amendment = amended.isEmpty ? nil : amended[position] {
          return AnnouncementOrder.placement(of: amendment)
        }
        return AnnouncementOrder.placement(of: source[position])
      }
      let order = kept.indices.sorted { placements[$0] < placements[$1] }
      var events: [Event] = []
      events.reserveCapacity(order.count)
      for index in order {
        let position = kept[index]
        let event = (amended.isEmpty ? nil : amended[position]) ?? source[position]
        if knowledge.asOf != nil && knowledge.status(of: event) == .unknown { continue }
        events.append(event)
      }
      return events
    }
  }

  /// The steps of a log whose ids repeat (which ``EventLog/parse(_:file:options:)`` never
  /// yields), each compared with a fold of everything before it; an id is shown when any of its
  /// events passes the filter.
  private func refoldedSteps(
    _ events: [Event], _ knowledge: Knowledge, _ log: EventLog, _ describer: ChangeDescriber
  ) -> [ReplayStep] {
    let shown = Set(events.filter { filter.accepts($0, areas: log.areas) }.map(\.id))
    var steps: [ReplayStep] = []
    for (position, event) in events.enumerated() where shown.contains(event.id) {
      let before = Projection(
        deferredPrefix: position, of: events, knowledge: knowledge,
        hypothetical: log.hypothetical)
      let after = Projection(
        deferredPrefix: position + 1, of: events, knowledge: knowledge,
        hypothetical: log.hypothetical)
      steps.append(
        ReplayStep(
          number: steps.count + 1, total: shown.count, event: event,
          placement: AnnouncementOrder.placement(of: event),
          changes: describer.changes(from: before, to: after), state: after))
    }
    return steps
  }
}
