/// Walks a log in announcement order, folding one announcement at a time, and says what each
/// changed.
///
/// Every event that passes the as-of moment is folded, so the state is right; only the events
/// the filter takes are shown as steps.
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
    let events = AnnouncementOrder.sorted(log.effectiveEvents).filter {
      knowledge.status(of: $0) != .unknown
    }
    let describer = ChangeDescriber(time: TimeFormatter(zone: zone))
    let shown = Set(events.filter { filter.accepts($0, areas: log.areas) }.map(\.id))
    var steps: [ReplayStep] = []
    var folded: [Event] = []
    var before = Projection(events: [], knowledge: knowledge, hypothetical: log.hypothetical)
    var beforeIsCurrent = true
    for event in events {
      guard shown.contains(event.id) else {
        folded.append(event)
        beforeIsCurrent = false
        continue
      }
      if !beforeIsCurrent {
        before = Projection(events: folded, knowledge: knowledge, hypothetical: log.hypothetical)
      }
      folded.append(event)
      let after = Projection(events: folded, knowledge: knowledge, hypothetical: log.hypothetical)
      steps.append(
        ReplayStep(
          number: steps.count + 1, total: shown.count, event: event,
          placement: AnnouncementOrder.placement(of: event),
          changes: describer.changes(from: before, to: after), state: after))
      before = after
      beforeIsCurrent = true
    }
    return steps
  }
}
