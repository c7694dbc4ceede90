extension AtQuery {
  /// The pauses, corridor groups and offensives of a projection, read once.
  struct ItemSources {
    var pauses: [PauseTrack]
    var corridors: [CorridorTrack]
    var offensives: [OffensiveTrack]

    init(_ projection: Projection) {
      pauses = projection.pauses
      corridors = projection.corridors
      offensives = projection.offensives
    }
  }

  /// Where an item comes from: its kind and its place in the projection's list of that kind.
  enum ItemOrigin {
    case pause(Int)
    case corridor(Int)
    case offensive(Int)
  }

  /// The items an answer lists, in the projection's order (pauses, corridor groups, offensives):
  /// every one in its area (and among `kept`, when given) that is in force, possibly in force or
  /// not applying; of those not yet in force and those no longer in force, only the
  /// ``contextLimit`` nearest to the moment, the rest counted in `omitted`.
  ///
  /// The items left out are classified and dropped as they come (``NearestItems`` keeps the
  /// nearest so far), so a projection of a quarter of a million items costs no list of them.
  func listedItems(
    of projection: Projection, areas: AreaRegistry, keeping kept: Set<String>?,
    omitted: inout [ItemStatus.Section: Int]
  ) -> [ItemStatus] {
    let sources = ItemSources(projection)
    var listed: [(order: Int, status: ItemStatus)] = []
    var origins: [ItemOrigin] = []
    var notYet = NearestItems(limit: contextLimit ?? 0, soonestFirst: true)
    var noLonger = NearestItems(limit: contextLimit ?? 0, soonestFirst: false)
    func consider(_ origin: ItemOrigin, id: String, area: String) {
      guard kept?.contains(id) ?? true, let relation = relation(of: area, in: areas) else {
        return
      }
      let status = status(of: origin, in: sources, relation: relation)
      let order = origins.count
      origins.append(origin)
      let (start, end) = boundaries(of: origin, in: sources)
      switch (contextLimit, status.section) {
      case (.some, .notYet):
        // Known starts first, the soonest first; ties keep the listed order.
        let key = start.possibleRange?.earliest?.secondsSinceEpoch ?? Int64.max
        notYet.offer(key: key, position: order)
      case (.some, .noLonger):
        // Known ends first, the latest first; ties keep the listed order.
        let key = end.possibleRange?.latest?.secondsSinceEpoch ?? Int64.min
        noLonger.offer(key: key, position: order)
      default:
        listed.append((order, status))
      }
    }
    // By index: taking each track out of its list copied it, with a retain of each of its
    // lists and strings.
    for index in sources.pauses.indices {
      consider(.pause(index), id: sources.pauses[index].id, area: sources.pauses[index].area)
    }
    for index in sources.corridors.indices {
      consider(
        .corridor(index), id: sources.corridors[index].id, area: sources.corridors[index].area)
    }
    for index in sources.offensives.indices {
      consider(
        .offensive(index), id: sources.offensives[index].id, area: sources.offensives[index].area)
    }
    if let contextLimit {
      for (section, nearest) in [(ItemStatus.Section.notYet, notYet), (.noLonger, noLonger)] {
        if nearest.offered > contextLimit { omitted[section] = nearest.offered - contextLimit }
        for order in nearest.kept {
          let origin = origins[order]
          let (_, _, area) = identity(of: origin, in: sources)
          guard let relation = relation(of: area, in: areas) else { continue }
          listed.append((order, status(of: origin, in: sources, relation: relation)))
        }
      }
    }
    listed.sort { $0.order < $1.order }
    return listed.map { completed($0.status, origin: origins[$0.order], in: sources, projection) }
  }

  /// The item's id and area, with its kind.
  private func identity(of origin: ItemOrigin, in sources: ItemSources) -> (
    kind: ItemKind, id: String, area: String
  ) {
    switch origin {
    case .pause(let index):
      return (.pause, sources.pauses[index].id, sources.pauses[index].area)
    case .corridor(let index):
      return (.corridors, sources.corridors[index].id, sources.corridors[index].area)
    case .offensive(let index):
      return (.offensive, sources.offensives[index].id, sources.offensives[index].area)
    }
  }

  /// The item's start and end.
  private func boundaries(of origin: ItemOrigin, in sources: ItemSources) -> (
    start: Boundary, end: Boundary
  ) {
    switch origin {
    case .pause(let index): return (sources.pauses[index].start, sources.pauses[index].end)
    case .corridor(let index):
      return (sources.corridors[index].start, sources.corridors[index].end)
    case .offensive(let index):
      return (sources.offensives[index].start, sources.offensives[index].end)
    }
  }

  /// How the item stands at the moment: its section and what leaves it open, without what only
  /// a listed item needs (see ``completed(_:origin:in:_:)``).
  private func status(of origin: ItemOrigin, in sources: ItemSources, relation: AreaRelation?)
    -> ItemStatus
  {
    let (kind, id, area) = identity(of: origin, in: sources)
    let (start, end) = boundaries(of: origin, in: sources)
    let rules: Applicability
    switch origin {
    case .pause(let index): rules = sources.pauses[index].applicability
    case .corridor(let index): rules = sources.corridors[index].applicability
    case .offensive: rules = .always
    }
    return classify(kind, id, area, relation, start: start, end: end, rules: rules)
  }

  /// A listed item's status with whether it rests on announcements only possibly made by the
  /// as-of moment or on hypothetical events, and an offensive's phase at the moment.
  private func completed(
    _ status: ItemStatus, origin: ItemOrigin, in sources: ItemSources, _ projection: Projection
  ) -> ItemStatus {
    var status = status
    let eventIDs: [String]
    switch origin {
    case .pause(let index): eventIDs = sources.pauses[index].eventIDs
    case .corridor(let index): eventIDs = sources.corridors[index].eventIDs
    case .offensive(let index):
      let offensive = sources.offensives[index]
      eventIDs = offensive.eventIDs
      let reference = moment.asOfInstant
      let passed = offensive.phases.filter { $0.at.range.isPossibly(atOrBefore: reference) }
      status.phase = passed.last
      status.phaseIsUncertain =
        passed.last.map { !$0.at.range.isCertainly(atOrBefore: reference) } ?? false
    }
    status.possiblyKnown = projection.restsOnPossiblyKnown(eventIDs)
    status.hypothetical = projection.restsOnHypothetical(eventIDs)
    return status
  }

  /// Classifies one item at the moment: in force, possibly, not yet or no longer (over a day, for
  /// a day), with what restricts it and which boundaries leave the verdict open.
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
}
