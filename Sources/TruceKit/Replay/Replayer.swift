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
    let events = Replayer.announcementOrder(log.effectiveEvents, knowledge)
    let describer = ChangeDescriber(time: TimeFormatter(zone: zone))
    guard var fold = ReplayFold(events: events, knowledge: knowledge) else {
      return refoldedSteps(events, knowledge, log, describer)
    }
    let shown = events.map { filter.accepts($0, areas: log.areas) }
    let total = shown.reduce(0) { $0 + ($1 ? 1 : 0) }
    var tally = DisputeTally()
    var steps: [ReplayStep] = []
    steps.reserveCapacity(total)
    for position in events.indices {
      fold.foldNext()
      let changes = fold.changes(tally: &tally, describer: shown[position] ? describer : nil)
      guard shown[position] else { continue }
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

  /// The events in announcement order (see ``AnnouncementOrder/sorted(_:)``), without those
  /// certainly unknown at the as-of moment.
  ///
  /// The events are put in order in place, moved rather than copied (copying an event costs
  /// more than sorting it).
  static func announcementOrder(_ effective: consuming [Event], _ knowledge: Knowledge)
    -> [Event]
  {
    var events = effective
    let placements = events.map(AnnouncementOrder.placement(of:))
    let order = events.indices.sorted { placements[$0] < placements[$1] }
    events.withUnsafeMutableBufferPointer { events in
      // Each cycle of the permutation: the event that belongs at `current` is at
      // `order[current]`.
      var placed = [Bool](repeating: false, count: events.count)
      for start in events.indices where !placed[start] {
        placed[start] = true
        var current = start
        while order[current] != start {
          let next = order[current]
          events.swapAt(current, next)
          placed[next] = true
          current = next
        }
      }
    }
    if knowledge.asOf != nil { events.removeAll { knowledge.status(of: $0) == .unknown } }
    return events
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
