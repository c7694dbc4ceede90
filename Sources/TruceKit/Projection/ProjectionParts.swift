/// What a fold of events yields, with indexes by id.
struct ProjectionParts: Sendable {
  var pauses: [PauseTrack] = []
  var corridors: [CorridorTrack] = []
  var offensives: [OffensiveTrack] = []
  /// Proposals, statements and violations: built when first asked, from ``listed``.
  var proposals: [Event]?
  var statements: [Event]?
  var violations: [Event]?
  /// Positions of proposals, statements and violations in the folded list.
  var listed = Listed()
  var disputes: [Dispute] = []
  var possiblyKnown: Set<String> = []
  var retracted: [String: String] = [:]
  var possiblyRetracted: [String: String] = [:]
  var hypotheticallyCorrected: Set<String> = []
  /// Positions of tracks by id, so that lookups do not scan.
  var pauseIndex = NameMap<Int>()
  var corridorIndex = NameMap<Int>()
  var offensiveIndex = NameMap<Int>()
  /// Positions in ``statements`` by subject; built when first asked.
  var statementIndex: StatementIndex?
  /// The folded events by id; built when first asked, from ``folded``.
  var events: [String: Event]?
  /// Where the folded events are in ``folded``, by id; built when one is first asked for.
  var eventPositions: EventPositions?
  /// Which events were folded.
  var folded = FoldInput.Selection(list: .events(EffectiveEvents([])), count: 0, skipped: [])
}

/// What a question filters a proposal by: its id, area and announcement, and its place among a
/// projection's proposals.
struct ProposalFacts: Sendable {
  var index: Int
  var id: String
  var area: String
  var announced: UncertainInstant
}

/// Where the proposals, statements and violations are in the list folded.
struct Listed: Sendable {
  var proposals: [Int] = []
  var statements: [Int] = []
  var violations: [Int] = []
}

extension ProjectionParts {
  /// Proposals, built now if not yet.
  mutating func builtProposals() -> [Event] {
    if let proposals { return proposals }
    let built = listed.proposals.map { folded.list.event(at: $0) }
    proposals = built
    return built
  }

  /// What a question filters proposals by, for each in the order of ``builtProposals()``, read
  /// without building them.
  func proposalFacts() -> [ProposalFacts] {
    if let proposals {
      return proposals.indices.map { index in
        ProposalFacts(
          index: index, id: proposals[index].id, area: proposals[index].area,
          announced: proposals[index].announced.range)
      }
    }
    return listed.proposals.indices.map { index in
      let position = listed.proposals[index]
      return ProposalFacts(
        index: index, id: folded.list.id(at: position), area: folded.list.area(at: position),
        announced: folded.list.announced(at: position).range)
    }
  }

  /// The proposal at a place in the order of ``builtProposals()``, without building the list.
  func proposal(at index: Int) -> Event {
    proposals?[index] ?? folded.list.event(at: listed.proposals[index])
  }

  /// Statements, built now if not yet.
  mutating func builtStatements() -> [Event] {
    if let statements { return statements }
    let built = listed.statements.map { folded.list.event(at: $0) }
    statements = built
    return built
  }

  /// The statement at a position in the list of statements, without building the list (an
  /// answer asks about a few subjects among hundreds of thousands of statements).
  func statement(at index: Int) -> Event {
    statements?[index] ?? folded.list.event(at: listed.statements[index])
  }

  /// The positions in the list of statements of those about each subject.
  func builtStatementIndex() -> StatementIndex {
    if let statements { return StatementIndex(statements.lazy.map(\.payload)) }
    // Each statement's payload only: copying whole events retains every string they hold.
    return StatementIndex(listed.statements.lazy.map { folded.list.payload(at: $0) })
  }

  /// Violations, built now if not yet.
  mutating func builtViolations() -> [Event] {
    if let violations { return violations }
    let built = listed.violations.map { folded.list.event(at: $0) }
    violations = built
    return built
  }

  /// One folded event by id. Until every event by id is asked for (``builtEvents()``), it is
  /// found through a table of positions, not a table of copies of every event.
  mutating func event(_ id: String) -> Event? {
    read(event: id) { $0 }
  }

  /// The source of one folded event by id, read without copying the rest of the event.
  mutating func source(ofEvent id: String) -> Source? {
    read(event: id) { $0.source }
  }

  /// Reads part of one folded event by id, found as ``event(_:)`` describes.
  private mutating func read<Part>(event id: String, _ part: (borrowing Event) -> Part) -> Part? {
    if let events { return events[id].map { part($0) } }
    if eventPositions == nil { eventPositions = EventPositions(folded) }
    guard let position = eventPositions?.position(of: id, in: folded.list) else { return nil }
    if case .events(let events) = folded.list {
      return events.withEvent(at: position, part)
    }
    return part(folded.list.event(at: position))
  }

  /// The folded events `isWanted` takes, each id once (the first folded, as in ``builtEvents()``),
  /// read in place: a question about a few of a million events need not build the table of
  /// every event by id, nor copy the events it passes over.
  ///
  /// Over records, every event is read again from its line to be asked about.
  mutating func foldedEvents(where isWanted: (borrowing Event) -> Bool) -> [Event] {
    if let events { return events.values.filter { isWanted($0) } }
    var wanted: [Int] = []
    switch folded.list {
    case .events(let events):
      folded.forEachSelected { position, _ in
        if events.withEvent(at: position, isWanted) { wanted.append(position) }
      }
    case .records(let records):
      folded.forEachSelected { position, _ in
        if isWanted(records.event(at: position)) { wanted.append(position) }
      }
    }
    guard !wanted.isEmpty else { return [] }
    if eventPositions == nil { eventPositions = EventPositions(folded) }
    let positions = eventPositions
    return wanted.compactMap { position in
      let event = folded.list.event(at: position)
      return positions?.position(of: event.id, in: folded.list) == position ? event : nil
    }
  }

  /// The folded events by id, built now if not yet.
  mutating func builtEvents() -> [String: Event] {
    if let events { return events }
    let built = folded.byID()
    events = built
    return built
  }
}
