/// The log folded into pauses, corridors and offensives as intervals on the timeline, each with
/// the events and sources behind it.
///
/// The fold is pure: the same log and knowledge give the same projection. Reports of the same
/// boundary that contradict each other are kept side by side as a ``Dispute``.
public struct Projection: Sendable {
  /// What the projection knew: everything, or what was announced by an as-of moment.
  public var knowledge: Knowledge
  /// Pauses, in the order the log first names them.
  public var pauses: [PauseTrack]
  /// Corridor groups, in the order the log first names them.
  public var corridors: [CorridorTrack]
  /// Offensives, in the order the log first names them.
  public var offensives: [OffensiveTrack]
  /// Proposals and calls for a truce: never in force by themselves.
  public var proposals: [Event]
  /// Statements: conditions, refusals, claims, calls.
  public var statements: [Event]
  /// Reported violations and attacks.
  public var violations: [Event]
  /// Every disputed fact.
  public var disputes: [Dispute]
  /// Ids of folded events that were only possibly announced by the as-of moment.
  public var possiblyKnown: Set<String>
  /// Retracted events, by id, with the id of the retraction.
  public var retracted: [String: String]
  /// Events possibly retracted by the as-of moment (the retraction is possibly known).
  public var possiblyRetracted: [String: String]
  /// The folded events, by id.
  public var events: [String: Event]
  /// Ids of events a scenario added: everything resting on them is hypothetical.
  public var hypothetical: Set<String>

  /// Events a hypothetical correction (erratum) amends.
  public var hypotheticallyCorrected: Set<String> = []

  /// Whether anything behind these events is hypothetical: a hypothetical event, or an event a
  /// hypothetical erratum amends.
  public func restsOnHypothetical(_ eventIDs: [String]) -> Bool {
    !hypothetical.isEmpty
      && eventIDs.contains { hypothetical.contains($0) || hypotheticallyCorrected.contains($0) }
  }

  /// Folds a log.
  ///
  /// - Parameters:
  ///   - log: The log, with errata applied by the fold.
  ///   - knowledge: Which announcements to take in (the as-of axis).
  public init(log: EventLog, knowledge: Knowledge = .everything) {
    self.init(events: log.effectiveEvents, knowledge: knowledge, hypothetical: log.hypothetical)
  }

  /// Folds a list of events, with errata already applied (see ``EventLog/effectiveEvents``).
  ///
  /// Retractions among them withdraw their targets. The events may come in log order or in
  /// announcement order: what an event refers to need not come first.
  ///
  /// - Parameters:
  ///   - events: The events to fold.
  ///   - knowledge: Which announcements to take in (the as-of axis).
  ///   - hypothetical: Ids of events a scenario added.
  public init(
    events effective: [Event], knowledge: Knowledge = .everything, hypothetical: Set<String> = []
  ) {
    self.knowledge = knowledge
    self.hypothetical = hypothetical
    for event in effective where hypothetical.contains(event.id) {
      if case .erratum(let target, _) = event.payload { hypotheticallyCorrected.insert(target) }
    }
    var possiblyKnown: Set<String> = []
    var retracted: [String: String] = [:]
    var possiblyRetracted: [String: String] = [:]
    var visible: [Event] = []
    for event in effective {
      switch knowledge.status(of: event) {
      case .unknown: continue
      case .possiblyKnown: possiblyKnown.insert(event.id)
      case .known: break
      }
      visible.append(event)
    }
    for event in visible {
      guard case .retraction(let target) = event.payload else { continue }
      if possiblyKnown.contains(event.id) {
        possiblyRetracted[target] = event.id
      } else {
        retracted[target] = event.id
      }
    }
    // Boundaries weigh announcement times themselves (see ``Boundary`` and ``PauseTrack``), so
    // the order of folding changes only the order in which reports are listed.
    let ordered = visible.filter { retracted[$0.id] == nil }
    var folder = Folder()
    for event in ordered { folder.fold(event) }
    let result = folder.finish()
    pauses = result.pauses
    corridors = result.corridors
    offensives = result.offensives
    proposals = result.proposals
    statements = result.statements
    violations = result.violations
    disputes = result.disputes
    self.possiblyKnown = possiblyKnown
    self.retracted = retracted
    self.possiblyRetracted = possiblyRetracted
    events = Dictionary(ordered.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    buildIndex()
  }

  /// The pause with this id.
  public func pause(_ id: String) -> PauseTrack? { index.pauses[id].map { pauses[$0] } }

  /// The corridor group with this id.
  public func corridor(_ id: String) -> CorridorTrack? { index.corridors[id].map { corridors[$0] } }

  /// The offensive with this id.
  public func offensive(_ id: String) -> OffensiveTrack? {
    index.offensives[id].map { offensives[$0] }
  }

  /// Whether anything behind these events was only possibly announced by the as-of moment.
  public func restsOnPossiblyKnown(_ eventIDs: [String]) -> Bool {
    eventIDs.contains { possiblyKnown.contains($0) || possiblyRetracted[$0] != nil }
  }

  /// Statements about a subject, in log order.
  public func statements(about subject: String) -> [Event] {
    (index.statements[subject] ?? []).map { statements[$0] }
  }

  /// Positions of tracks and statements by id, so that lookups do not scan.
  private var index = Index()

  private struct Index: Sendable {
    var pauses: [String: Int] = [:]
    var corridors: [String: Int] = [:]
    var offensives: [String: Int] = [:]
    var statements: [String: [Int]] = [:]
  }

  private mutating func buildIndex() {
    for (position, pause) in pauses.enumerated() { index.pauses[pause.id] = position }
    for (position, corridor) in corridors.enumerated() { index.corridors[corridor.id] = position }
    for (position, offensive) in offensives.enumerated() {
      index.offensives[offensive.id] = position
    }
    for (position, statement) in statements.enumerated() {
      if case .statement(_, let about) = statement.payload {
        for subject in Set(about) { index.statements[subject, default: []].append(position) }
      }
    }
  }
}
