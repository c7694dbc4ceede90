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
  /// Whether any event after its declaration names it: only before then may its declaration be
  /// withdrawn, so that nothing is left naming a pause that was never declared.
  var followed = false
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
  /// Whether another report names the group (see ``PauseState/followed``).
  var followed = false
}

/// An offensive under way.
struct OffensiveState: Sendable {
  let id: String
  let area: Int
  let launched: Instant
  /// Whether a later report names the offensive (see ``PauseState/followed``).
  var followed = false
}

/// An event that a later correction, dispute or report may name.
struct RecentEvent: Sendable {
  let id: String
  let type: EventType
  let area: Int
  /// The end it gives, for a `pause.extended` that gives one.
  var end: Instant?
  /// The item it first declares, opens or launches, which is withdrawn with it.
  var founds: String?
  /// What is under way again when this ending is withdrawn.
  var reopens: Reopening?
}

/// An item taken off the list of what is under way by an ending, kept so that withdrawing the
/// ending puts it back: a truce reported over and then not is still to end.
enum Reopening: Sendable {
  case pause(PauseState)
  case corridors(CorridorState)
  case offensive(OffensiveState)
}

/// A report's open-ended time ("on or after 13 July") that a later correction narrows, as an
/// analyst's log resolves such bounds when better reports come in.
struct PendingNarrowing: Sendable {
  /// The event whose time is open-ended.
  let event: String
  let area: Int
  /// The fields to set, each with a bounded time.
  let set: JSONObject
  /// When the better report comes.
  let due: Instant
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
  /// Open-ended times waiting for a better report, in the order they were written.
  var pending: [PendingNarrowing] = []

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

  /// Forgets an event (voided or retracted), and the narrowing of its times.
  mutating func forget(_ id: String) {
    recent.removeAll { $0.id == id }
    pending.removeAll { $0.event == id }
  }

  /// Whether an event may be voided or retracted: not the declaration of an item that later
  /// reports name, nor of one already over (either would leave those reports naming an item
  /// never declared, in force since who knows when).
  func isWithdrawable(_ event: RecentEvent) -> Bool {
    guard let item = event.founds else { return true }
    if let pause = pauses.first(where: { $0.id == item }) { return !pause.followed }
    if let group = corridors.first(where: { $0.id == item }) { return !group.followed }
    if let offensive = offensives.first(where: { $0.id == item }) { return !offensive.followed }
    return proposals.contains(item)
  }

  /// Takes off the list what a withdrawn declaration declared, and puts back what a withdrawn
  /// ending ended.
  mutating func withdraw(_ event: RecentEvent) {
    if let item = event.founds {
      pauses.removeAll { $0.id == item }
      corridors.removeAll { $0.id == item }
      offensives.removeAll { $0.id == item }
      proposals.removeAll { $0 == item }
    }
    // Back in its place: the lists run from the longest under way.
    switch event.reopens {
    case .pause(let pause):
      pauses.insert(
        pause, at: pauses.firstIndex { $0.announced > pause.announced } ?? pauses.endIndex)
    case .corridors(let group) where pauses.contains(where: { $0.id == group.pause }):
      corridors.append(group)
    case .offensive(let offensive):
      offensives.insert(
        offensive,
        at: offensives.firstIndex { $0.launched > offensive.launched } ?? offensives.endIndex)
    case .corridors, nil: break
    }
    forget(event.id)
  }

  /// What a statement may be about.
  var subjects: [String] {
    pauses.map(\.id) + corridors.map(\.id) + offensives.map(\.id) + proposals
  }
}
