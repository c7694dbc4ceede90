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
  /// How many items to list of those announced for later and of those that had ended (the
  /// nearest to the moment), of the conflicts that are only possible, and of the proposals (the
  /// latest announced). `nil` lists every one.
  ///
  /// A log of years and many areas holds thousands of items and proposals that have nothing to
  /// do with the moment; the answer counts them rather than listing them all.
  public var contextLimit: Int? = AtQuery.defaultContextLimit

  /// The nearest items listed by default in the "not yet" and "no longer" sections, and the
  /// latest proposals.
  public static let defaultContextLimit = 10

  /// Creates a query.
  public init(moment: Moment, asOf: Moment? = nil, area: Area? = nil, zone: Zone) {
    self.moment = moment
    self.asOf = asOf
    self.area = area
    self.zone = zone
  }

  /// Folds the log as of the as-of moment and classifies every item at the moment.
  public func answer(from log: EventLog) -> AtAnswer {
    answer(from: log, keeping: nil)
  }

  /// The same answer as ``answer(from:)``, folding the log's events where they are rather than
  /// a copy with the errata applied: the log is left without its events (see
  /// ``EventLog/takeEffectiveEvents()``), nor what was kept for checking later lines and reading
  /// lines back (its bytes, tables by id, errata's merged lines), which the answer does not read.
  ///
  /// A log read with its events held as records (``ReadOptions/holdsRecords``) is folded from
  /// them, and the events the answer shows are read again from their lines (the log's bytes are
  /// kept open for that, by the answer): check ``Projection/rereadFailure`` before showing it.
  public func answer(consuming log: inout EventLog) -> AtAnswer {
    answer(consuming: &log, keeping: nil)
  }

  /// ``answer(consuming:)``, classifying only the items and proposals `kept` names (as
  /// ``answer(from:keeping:)`` does).
  func answer(consuming log: inout EventLog, keeping kept: Kept?) -> AtAnswer {
    let hypothetical = log.hypothetical
    // Records keep the log's bytes open themselves, to read lines again.
    let records = log.takeEffectiveRecords()
    let events = records == nil ? log.takeEffectiveEvents() : []
    log.eventLines = []
    log.storage = LogBytes([])
    log.lineByID = [:]
    log.known = KnownSubjects()
    log.amendedLines = [:]
    log.amendments = [:]
    let knowledge = Knowledge(asOf: asOf?.asOfInstant)
    let projection =
      records.map { Projection(records: $0, knowledge: knowledge) }
      ?? Projection(events: events, knowledge: knowledge, hypothetical: hypothetical)
    return answer(from: log, projection: projection, keeping: kept)
  }

  /// Folds the log as of the as-of moment and classifies only the items and proposals `kept`
  /// names (every one when `nil`): a log of some lines only (``LogSubset``) also holds parts of
  /// other items, which the answer must not list.
  func answer(from log: EventLog, keeping kept: Kept?) -> AtAnswer {
    answer(
      from: log, projection: Projection(log: log, knowledge: Knowledge(asOf: asOf?.asOfInstant)),
      keeping: kept)
  }

  /// Classifies the items of a projection of `log` (whose areas it uses).
  private func answer(from log: EventLog, projection: Projection, keeping kept: Kept?)
    -> AtAnswer
  {
    var omitted: [ItemStatus.Section: Int] = [:]
    var omittedConflicts = 0
    let items = listedItems(
      of: projection, areas: log.areas, keeping: kept?.items, omitted: &omitted)
    let shownIDs = Set(items.map(\.id))
    var conflicts = conflicts(items, areas: log.areas)
    if let contextLimit {
      // Every certain conflict; of those that are only possible, the first few.
      let possible = conflicts.indices.filter { !conflicts[$0].certain }
      if possible.count > contextLimit {
        let dropped = Set(possible.dropFirst(contextLimit))
        conflicts = conflicts.indices.filter { !dropped.contains($0) }.map { conflicts[$0] }
        omittedConflicts = possible.count - contextLimit
      }
    }
    // Filtered by what the fold read of them; only those listed are built (read again from
    // their lines, when the log held records).
    var proposals = projection.proposalFacts().filter { proposal in
      (kept?.proposals.contains(proposal.id) ?? true)
        && proposal.announced.isPossibly(atOrBefore: moment.asOfInstant)
        && relation(of: proposal.area, in: log.areas) != nil
    }
    var omittedProposals = 0
    if let contextLimit, proposals.count > contextLimit {
      omittedProposals = proposals.count - contextLimit
      proposals = Self.latest(proposals, limit: contextLimit)
    }
    return AtAnswer(
      moment: moment, zone: zone, asOf: asOf, area: area, items: items,
      conflicts: conflicts, proposals: proposals.map { projection.proposal(at: $0.index) },
      disputes: projection.disputes.filter { shownIDs.contains($0.subject) },
      projection: projection, omitted: omitted, omittedConflicts: omittedConflicts,
      omittedProposals: omittedProposals)
  }

  /// What an answer from some lines of a log lists: pauses, corridor groups and offensives by
  /// id, proposals by the id of their event.
  struct Kept {
    var items: Set<String> = []
    var proposals: Set<String> = []
  }

  /// Keeps the `limit` proposals announced last (by their latest possible announcement, those
  /// with no latest last of all; ties keep the listed order), in their listed order.
  static func latest(_ proposals: [ProposalFacts], limit: Int) -> [ProposalFacts] {
    let latest = proposals.map(\.announced.latest)
    let ordered = proposals.indices.sorted { left, right in
      switch (latest[left], latest[right]) {
      case (let a?, let b?) where a != b: return a > b
      case (.some, .none): return true
      case (.none, .some): return false
      default: return left < right
      }
    }
    return ordered.prefix(limit).sorted().map { proposals[$0] }
  }

  /// How an item's area relates to the area asked about: `.some(nil)` when none was asked
  /// about, `nil` when the item lies outside it.
  func relation(of itemArea: String, in areas: AreaRegistry) -> AreaRelation?? {
    guard let area else { return .some(nil) }
    guard let relation = areas.relation(of: itemArea, to: area.id) else { return nil }
    return .some(relation)
  }

  private func conflicts(_ items: [ItemStatus], areas: AreaRegistry) -> [Conflict] {
    let active: Set<ItemStatus.Section> = [.inForce, .allDay, .partOfDay, .possibly]
    let certain: Set<ItemStatus.Section> = [.inForce, .allDay]
    // Offensives in force, by area, so each pause looks only at its own area and those around
    // or inside it (lineages are short; items are many).
    var offensivesByArea: [String: [Int]] = [:]
    for index in items.indices
    where items[index].kind == .offensive && active.contains(items[index].section) {
      offensivesByArea[items[index].area, default: []].append(index)
    }
    guard !offensivesByArea.isEmpty else { return [] }
    var lineages: [String: [String]] = [:]
    func lineage(_ area: String) -> [String] {
      if let known = lineages[area] { return known }
      let chain = areas.lineage(of: area)
      lineages[area] = chain
      return chain
    }
    var result: [Conflict] = []
    for index in items.indices
    where items[index].kind == .pause && active.contains(items[index].section) {
      let pause = items[index]
      var related: [Int] = []
      for (area, offensives) in offensivesByArea
      where lineage(pause.area).contains(area) || lineage(area).contains(pause.area) {
        related.append(contentsOf: offensives)
      }
      // In the order the items are listed, as before.
      for offensive in related.sorted() {
        result.append(
          Conflict(
            pause: pause.id, offensive: items[offensive].id,
            certain: certain.contains(pause.section) && certain.contains(items[offensive].section)))
      }
    }
    return result
  }
}
