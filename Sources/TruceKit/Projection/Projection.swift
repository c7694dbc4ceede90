/// The log folded into pauses, corridors and offensives as intervals on the timeline, each with
/// the events and sources behind it.
///
/// The fold is pure: the same log and knowledge give the same projection. Reports of the same
/// boundary that contradict each other are kept side by side as a ``Dispute``.
///
/// A projection is a value: its contents are shared between copies and never change in place.
/// The folded events by id (``events``) and the lists of proposals, statements and violations are
/// built when first read: most uses need only the tracks.
public struct Projection: Sendable {
  /// What the projection knew: everything, or what was announced by an as-of moment.
  public var knowledge: Knowledge
  /// Ids of events a scenario added: everything resting on them is hypothetical.
  public var hypothetical: Set<String>
  private var store: ProjectionStore

  /// Pauses, in the order the log first names them.
  public var pauses: [PauseTrack] {
    get { store.read { $0.pauses } }
    set { store = store.changed { $0.pauses = newValue } }
  }
  /// Corridor groups, in the order the log first names them.
  public var corridors: [CorridorTrack] {
    get { store.read { $0.corridors } }
    set { store = store.changed { $0.corridors = newValue } }
  }
  /// Offensives, in the order the log first names them.
  public var offensives: [OffensiveTrack] {
    get { store.read { $0.offensives } }
    set { store = store.changed { $0.offensives = newValue } }
  }
  /// Proposals and calls for a truce: never in force by themselves.
  public var proposals: [Event] {
    get { store.read { $0.builtProposals() } }
    set { store = store.changed { $0.proposals = newValue } }
  }
  /// Statements: conditions, refusals, claims, calls.
  public var statements: [Event] {
    get { store.read { $0.builtStatements() } }
    set {
      store = store.changed {
        $0.statements = newValue
        $0.statementIndex = nil
      }
    }
  }
  /// Reported violations and attacks.
  public var violations: [Event] {
    get { store.read { $0.builtViolations() } }
    set { store = store.changed { $0.violations = newValue } }
  }
  /// Every disputed fact.
  public var disputes: [Dispute] {
    get { store.read { $0.disputes } }
    set { store = store.changed { $0.disputes = newValue } }
  }
  /// Ids of folded events that were only possibly announced by the as-of moment.
  public var possiblyKnown: Set<String> {
    get { store.read { $0.possiblyKnown } }
    set { store = store.changed { $0.possiblyKnown = newValue } }
  }
  /// Retracted events, by id, with the id of the retraction.
  public var retracted: [String: String] {
    get { store.read { $0.retracted } }
    set { store = store.changed { $0.retracted = newValue } }
  }
  /// Events possibly retracted by the as-of moment (the retraction is possibly known).
  public var possiblyRetracted: [String: String] {
    get { store.read { $0.possiblyRetracted } }
    set { store = store.changed { $0.possiblyRetracted = newValue } }
  }
  /// One folded event, by id: cheaper than ``events`` when only some are looked up (that table
  /// holds a copy of every event).
  public func event(_ id: String) -> Event? {
    store.read { $0.event(id) }
  }

  /// The source of the folded event with this id.
  public func source(ofEvent id: String) -> Source? {
    store.read { $0.source(ofEvent: id) }
  }

  /// The folded events `isWanted` takes, each id once (as ``events`` holds them), in no set
  /// order: cheaper than filtering ``events`` when few are wanted (that table holds a copy of
  /// every event).
  public func events(where isWanted: (borrowing Event) -> Bool) -> [Event] {
    store.read { $0.foldedEvents(where: isWanted) }
  }

  /// The folded events, by id.
  public var events: [String: Event] {
    get { store.read { $0.builtEvents() } }
    set { store = store.changed { $0.events = newValue } }
  }
  /// Events a hypothetical correction (erratum) amends.
  public var hypotheticallyCorrected: Set<String> {
    get { store.read { $0.hypotheticallyCorrected } }
    set { store = store.changed { $0.hypotheticallyCorrected = newValue } }
  }

  /// Whether anything behind these events is hypothetical: a hypothetical event, or an event a
  /// hypothetical erratum amends.
  public func restsOnHypothetical(_ eventIDs: [String]) -> Bool {
    guard !hypothetical.isEmpty else { return false }
    let corrected = hypotheticallyCorrected
    return eventIDs.contains { hypothetical.contains($0) || corrected.contains($0) }
  }

  /// Folds a log.
  ///
  /// - Parameters:
  ///   - log: The log, with errata applied by the fold.
  ///   - knowledge: Which announcements to take in (the as-of axis).
  public init(log: EventLog, knowledge: Knowledge = .everything) {
    // The log's events folded where they lie, with its errata applied, not a copy of them.
    self.init(
      folding: .events(log.effectiveEventsInPlace), knowledge: knowledge,
      hypothetical: log.hypothetical)
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
    self.init(
      folding: .events(EffectiveEvents(effective)), knowledge: knowledge,
      hypothetical: hypothetical)
  }

  /// Folds events held as records, with errata already applied (see
  /// ``EventLog/takeEffectiveRecords()``): the same projection as of the same events decoded,
  /// whose events, when asked for, are read again from the log's lines.
  public init(records: RecordedEvents, knowledge: Knowledge = .everything) {
    self.init(folding: .records(records), knowledge: knowledge, hypothetical: [])
  }

  /// Folds every event of `list` at once.
  private init(folding list: FoldedList, knowledge: Knowledge, hypothetical: Set<String>) {
    self.knowledge = knowledge
    self.hypothetical = hypothetical
    let input = FoldInput(
      list: list, count: list.count, knowledge: knowledge, hypothetical: hypothetical)
    store = ProjectionStore(ProjectionFold.parts(of: input))
  }

  /// When the folded events are held as records, the first of them that could not be read again
  /// from the log to be shown whole (a tool that ignores the log's lock changed the file): an
  /// answer that showed it must not be trusted. `nil` when there was none.
  public var rereadFailure: LogError? {
    store.read { $0.folded.list.rereadFailure }
  }

  /// What a question filters proposals by (id, area, announcement), with each one's place among
  /// ``proposals``: read without building them (over records, each proposal built is read again
  /// from its line).
  func proposalFacts() -> [ProposalFacts] {
    store.read { $0.proposalFacts() }
  }

  /// The proposal at a place among ``proposals``, without building the list.
  func proposal(at index: Int) -> Event {
    store.read { $0.proposal(at: index) }
  }

  /// The projection of the first `count` events of a list, folded only when first read: a
  /// replay makes one for every step, and most are never looked at.
  init(
    deferredPrefix count: Int, of events: [Event], knowledge: Knowledge,
    hypothetical: Set<String>
  ) {
    self.knowledge = knowledge
    self.hypothetical = hypothetical
    store = ProjectionStore(
      deferred: FoldInput(
        events: events, count: count, knowledge: knowledge, hypothetical: hypothetical))
  }

  /// The pause with this id.
  public func pause(_ id: String) -> PauseTrack? {
    store.read { parts in parts.pauseIndex[id].map { parts.pauses[$0] } }
  }

  /// The corridor group with this id.
  public func corridor(_ id: String) -> CorridorTrack? {
    store.read { parts in parts.corridorIndex[id].map { parts.corridors[$0] } }
  }

  /// The offensive with this id.
  public func offensive(_ id: String) -> OffensiveTrack? {
    store.read { parts in parts.offensiveIndex[id].map { parts.offensives[$0] } }
  }

  /// Whether anything behind these events was only possibly announced by the as-of moment.
  public func restsOnPossiblyKnown(_ eventIDs: [String]) -> Bool {
    store.read { parts in
      eventIDs.contains { parts.possiblyKnown.contains($0) || parts.possiblyRetracted[$0] != nil }
    }
  }

  /// Statements about a subject, in log order.
  public func statements(about subject: String) -> [Event] {
    store.read { parts in
      let index = parts.statementIndex ?? parts.builtStatementIndex()
      parts.statementIndex = index
      return index.positions(about: subject).map { parts.statement(at: $0) }
    }
  }
}
