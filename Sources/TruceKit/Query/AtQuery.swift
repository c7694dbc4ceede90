/// Answers "what was in force at this moment, and who said so?" from a log.
public struct AtQuery: Sendable {
  /// The moment asked about.
  public var moment: Moment
  /// Take in only what had been announced by this moment.
  public var asOf: Moment?
  /// Restrict the answer to this area, with what lies inside and around it.
  public var area: Area?
  /// The zone local times are shown in.
  public var zone: Zone

  /// Creates a query.
  public init(moment: Moment, asOf: Moment? = nil, area: Area? = nil, zone: Zone) {
    self.moment = moment
    self.asOf = asOf
    self.area = area
    self.zone = zone
  }

  /// Folds the log as of the as-of moment and classifies every item at the moment.
  public func answer(from log: EventLog) -> AtAnswer {
    let projection = Projection(log: log, knowledge: Knowledge(asOf: asOf?.asOfInstant))
    var items: [ItemStatus] = []
    for pause in projection.pauses {
      guard let relation = relation(of: pause.area, in: log.areas) else { continue }
      var status = classify(
        .pause, pause.id, pause.area, relation, start: pause.start, end: pause.end,
        rules: pause.applicability)
      status.possiblyKnown = projection.restsOnPossiblyKnown(pause.eventIDs)
      status.hypothetical = projection.restsOnHypothetical(pause.eventIDs)
      items.append(status)
    }
    for corridor in projection.corridors {
      guard let relation = relation(of: corridor.area, in: log.areas) else { continue }
      var status = classify(
        .corridors, corridor.id, corridor.area, relation, start: corridor.start, end: corridor.end,
        rules: corridor.applicability)
      status.possiblyKnown = projection.restsOnPossiblyKnown(corridor.eventIDs)
      status.hypothetical = projection.restsOnHypothetical(corridor.eventIDs)
      items.append(status)
    }
    for offensive in projection.offensives {
      guard let relation = relation(of: offensive.area, in: log.areas) else { continue }
      var status = classify(
        .offensive, offensive.id, offensive.area, relation, start: offensive.start,
        end: offensive.end, rules: .always)
      status.possiblyKnown = projection.restsOnPossiblyKnown(offensive.eventIDs)
      status.hypothetical = projection.restsOnHypothetical(offensive.eventIDs)
      let reference = moment.asOfInstant
      let passed = offensive.phases.filter { $0.at.range.isPossibly(atOrBefore: reference) }
      status.phase = passed.last
      status.phaseIsUncertain =
        passed.last.map { !$0.at.range.isCertainly(atOrBefore: reference) } ?? false
      items.append(status)
    }
    let shownIDs = Set(items.map(\.id))
    return AtAnswer(
      moment: moment, zone: zone, asOf: asOf, area: area, items: items,
      conflicts: conflicts(items, areas: log.areas),
      proposals: projection.proposals.filter { proposal in
        proposal.announced.range.isPossibly(atOrBefore: moment.asOfInstant)
          && relation(of: proposal.area, in: log.areas) != nil
      },
      disputes: projection.disputes.filter { shownIDs.contains($0.subject) },
      projection: projection)
  }

  private func relation(of itemArea: String, in areas: AreaRegistry) -> AreaRelation?? {
    guard let area else { return .some(nil) }
    guard let relation = areas.relation(of: itemArea, to: area.id) else { return nil }
    return .some(relation)
  }

  private func classify(
    _ kind: ItemKind, _ id: String, _ itemArea: String, _ relation: AreaRelation?,
    start: Boundary, end: Boundary, rules: Applicability
  ) -> ItemStatus {
    var status = ItemStatus(
      kind: kind, id: id, area: itemArea, areaRelation: relation, presence: .notYet, day: nil,
      qualifier: nil, phase: nil, phaseIsUncertain: false, possiblyKnown: false)
    let first: Instant
    let last: Instant
    switch moment {
    case .instant(let instant, _):
      status.presence = Presence.of(start: start, end: end, at: instant)
      if status.presence == .inForce || status.presence == .possibly {
        status.qualifier = rules.restriction(at: instant, zone: zone)
      }
      (first, last) = (instant, instant)
    case .day(let date, let dayStart, let nextStart):
      status.day = DayPresence.of(start: start, end: end, rules: rules, date: date, zone: zone)
      status.presence = Presence.of(start: start, end: end, at: dayStart)
      (first, last) = (dayStart, nextStart.adding(seconds: -1))
    }
    // Name the boundaries that leave the verdict open at the moment.
    if let range = start.possibleRange, range.isPossibly(atOrBefore: last),
      !range.isCertainly(atOrBefore: first)
    {
      status.uncertainties.append(Uncertainty(boundary: .start, disputed: start.isDisputed))
    }
    if let range = end.possibleRange, !range.isCertainly(atOrBefore: first),
      !range.isCertainly(after: last)
    {
      status.uncertainties.append(Uncertainty(boundary: .end, disputed: end.isDisputed))
    }
    return status
  }

  private func conflicts(_ items: [ItemStatus], areas: AreaRegistry) -> [Conflict] {
    let active: (ItemStatus) -> Bool = { item in
      [.inForce, .allDay, .partOfDay, .possibly].contains(item.section)
    }
    let certain: (ItemStatus) -> Bool = { item in [.inForce, .allDay].contains(item.section) }
    var result: [Conflict] = []
    for pause in items where pause.kind == .pause && active(pause) {
      for offensive in items where offensive.kind == .offensive && active(offensive) {
        guard areas.areRelated(pause.area, offensive.area) else { continue }
        result.append(
          Conflict(
            pause: pause.id, offensive: offensive.id, certain: certain(pause) && certain(offensive))
        )
      }
    }
    return result
  }
}
