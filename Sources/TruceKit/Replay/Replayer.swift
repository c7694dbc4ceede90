/// Walks a log in announcement order, folding one announcement at a time, and says what each
/// changed.
///
/// Every event that passes the as-of moment, up to the last shown step, is folded, so the state
/// is right; only the events the filter takes are shown as steps. Each event is folded once, into a running state (see
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
  ///
  /// Only the events up to the last shown step are folded: nothing after it changes a step.
  public func steps(of log: EventLog) -> [ReplayStep] {
    let knowledge = Knowledge(asOf: filter.asOf)
    let order = ReplayOrder(of: log, knowledge)
    let describer = ChangeDescriber(time: TimeFormatter(zone: zone))
    let shown = order.shown(by: filter)
    guard let last = shown.lastIndex(of: true) else { return [] }
    let events = order.events(prefix: last + 1)
    guard var fold = ReplayFold(events: events, knowledge: knowledge),
      !order.repeatsIDs(from: events.count, isEarlier: fold.holds)
    else {
      return refoldedSteps(order.events(prefix: order.count), knowledge, log, describer)
    }
    let total = shown.reduce(0) { $0 + ($1 ? 1 : 0) }
    var steps: [ReplayStep] = []
    steps.reserveCapacity(total)
    // Steps not shown are settled all at once, when the next shown step comes.
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
