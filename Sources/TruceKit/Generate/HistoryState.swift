/// A pause being followed while a history is generated.
struct PauseState: Sendable {
  let id: String
  let area: Int
  /// When it was announced (its first declaration).
  let announced: Instant
  /// When it starts (its announcement, when the declaration gives no start).
  let start: Instant
  /// When it is planned to end; `nil` while open.
  var end: Instant?
  /// The event id of its first declaration.
  let declaration: String
  /// Its current suspension: the event and when it began.
  var suspension: (event: String, at: Instant)?
  /// Its last extension: the event, when it was announced, the end before and after it.
  var lastExtension: (event: String, announced: Instant, from: Instant?, to: Instant)?
}

/// A group of corridors still open.
struct CorridorState: Sendable {
  let id: String
  let pause: String
  let area: Int
  /// When the corridors open (their announcement when no start is given).
  let start: Instant
  /// Whether the first report gives that start.
  let startGiven: Bool
  /// The event id of their first opening.
  let opening: String
  let announced: Instant
}

/// An offensive under way.
struct OffensiveState: Sendable {
  let id: String
  let area: Int
  let launched: Instant
}

/// An event that a later correction, dispute or report may name.
struct RecentEvent: Sendable {
  let id: String
  let type: EventType
  let area: Int
  /// The end it gives, for a `pause.extended` that gives one.
  var end: Instant?
}

/// What one country's history holds so far: its clock and what is under way.
struct TheatreState: Sendable {
  /// The instant of the next announcement; it only moves forward.
  var clock: Instant
  var pauses: [PauseState] = []
  var corridors: [CorridorState] = []
  var offensives: [OffensiveState] = []
  var proposals: [String] = []
  /// The last events, newest last, for corrections and links.
  var recent: [RecentEvent] = []
  /// How many items (pauses, corridor groups, offensives, proposals) were named so far.
  var items = 0

  /// At most this many pauses, corridor groups and offensives are under way at once.
  static let pauseLimit = 6
  static let corridorLimit = 8
  static let offensiveLimit = 3
  static let recentLimit = 24

  /// Keeps an event for later links, forgetting the oldest.
  mutating func remember(_ event: RecentEvent) {
    if recent.count >= Self.recentLimit { recent.removeFirst() }
    recent.append(event)
  }

  /// Forgets an event (voided or retracted).
  mutating func forget(_ id: String) {
    recent.removeAll { $0.id == id }
  }

  /// What a statement may be about.
  var subjects: [String] {
    pauses.map(\.id) + corridors.map(\.id) + offensives.map(\.id) + proposals
  }
}
