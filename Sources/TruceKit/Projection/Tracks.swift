/// A pause, halt or ceasefire as every report gives it.
public struct PauseTrack: Hashable, Sendable {
  /// The pause's id.
  public var id: String
  /// The area of its first declaration.
  public var area: String
  /// The kinds its reports call it, each with its citations.
  public var kinds: [Cited<PauseKind>]
  /// What it covers, in the words of its reports.
  public var scopes: [String]
  /// The parties bound by it.
  public var parties: [String]
  /// Conditions attached, each with the event that attaches it.
  public var conditions: [Cited<String>]
  /// Daily hours, if it applies only part of each day; more than one version is a dispute.
  public var dailyHours: [Cited<DailyHours>]
  /// When it came into force.
  public var start: Boundary
  /// When it went out of force; not reported means open.
  public var end: Boundary
  /// How it ended, when an end was reported as an event.
  public var endings: [PauseEnding]
  /// Stretches during which it was suspended.
  public var suspensions: [Suspension]
  /// Every event about it, in log order.
  public var eventIDs: [String]

  /// When, within its interval, it applies: its daily hours and suspensions.
  public var applicability: Applicability {
    Applicability(dailyHours: dailyHours, suspensions: suspensions)
  }

}

/// A group of identical corridors as every report gives it.
public struct CorridorTrack: Hashable, Sendable {
  /// The corridor group's id.
  public var id: String
  /// The pause it belongs to, as the first report gives it.
  public var pause: String
  /// Every pause the reports tie it to; more than one is a dispute.
  public var pauses: [Cited<String>]
  /// The area.
  public var area: String
  /// The counts reported, each with its citations; more than one is a dispute.
  public var counts: [Cited<Int>]
  /// Who may use the corridors.
  public var users: [CorridorUser]
  /// The routes named, each with its sources; more than one is a dispute.
  public var routes: [Cited<String>]
  /// Daily hours of its own, if any; more than one version is a dispute.
  public var dailyHours: [Cited<DailyHours>]
  /// When the corridors opened.
  public var start: Boundary
  /// When they closed; derived from the pause when no end of their own is reported.
  public var end: Boundary
  /// Every event about them, and the pause events their derived boundaries rest on.
  public var eventIDs: [String]
  /// When, within their interval, they apply: their own hours and their pause's rules.
  public var applicability: Applicability

}

/// An offensive as every report gives it.
public struct OffensiveTrack: Hashable, Sendable {
  /// The offensive's id.
  public var id: String
  /// The area.
  public var area: String
  /// Who wages it.
  public var parties: [String]
  /// Its stated aims.
  public var aims: [String]
  /// When it began.
  public var start: Boundary
  /// When it ended; not reported means it goes on.
  public var end: Boundary
  /// Changes of intensity, in time order.
  public var phases: [OffensivePhase]
  /// Every event about it.
  public var eventIDs: [String]
}

/// A change in an offensive's intensity.
public struct OffensivePhase: Hashable, Sendable {
  /// Scaled back or intensified.
  public var change: Change
  /// When, as reported.
  public var at: BoundaryReport

  /// The direction of a change.
  public enum Change: String, Hashable, Sendable {
    /// Scaled back.
    case scaledBack = "scaled-back"
    /// Intensified.
    case intensified
  }
}

/// A fact on which reports disagree, with every version and who gives it.
public struct Dispute: Hashable, Sendable {
  /// The pause, corridor group or offensive the dispute is about.
  public var subject: String
  /// What is disputed: "end", "start", "count", "what was announced", "claim".
  public var aspect: String
  /// Each version, with its citations and events.
  public var versions: [Version]

  /// One side of a dispute.
  public struct Version: Hashable, Sendable {
    /// What this side says.
    public var says: String
    /// The sources that say it.
    public var citations: [String] {
      get { citationList.array }
      set { citationList = SmallList(newValue) }
    }
    /// The events that carry it.
    public var eventIDs: [String] {
      get { eventIDList.array }
      set { eventIDList = SmallList(newValue) }
    }
    /// The citations, kept without an array while there is one (as every version of a
    /// generated history's disputes has).
    private(set) var citationList: SmallList<String>
    /// The events, kept without an array while there is one.
    private(set) var eventIDList: SmallList<String>

    /// Creates a version.
    public init(says: String, citations: [String], eventIDs: [String]) {
      self.init(says: says, citationList: SmallList(citations), eventIDList: SmallList(eventIDs))
    }

    /// Creates a version from lists already made.
    init(says: String, citationList: SmallList<String>, eventIDList: SmallList<String>) {
      self.says = says
      self.citationList = citationList
      self.eventIDList = eventIDList
    }
  }
}

/// A value with the sources and events that give it.
public struct Cited<Value: Hashable & Sendable>: Hashable, Sendable {
  /// The value.
  public var value: Value
  /// Short citations of the sources.
  public var citations: [String] {
    get { citationList.array }
    set { citationList = SmallList(newValue) }
  }
  /// The events that give it.
  public var eventIDs: [String] {
    get { eventIDList.array }
    set { eventIDList = SmallList(newValue) }
  }
  /// The citations, kept without an array while there is one.
  private(set) var citationList: SmallList<String>
  /// The events, kept without an array while there is one.
  private(set) var eventIDList: SmallList<String>

  /// The same citations for a transformed value.
  public func map<Other>(_ transform: (Value) -> Other) -> Cited<Other> {
    Cited<Other>(transform(value), citationList: citationList, eventIDList: eventIDList)
  }

  /// Creates a cited value.
  public init(_ value: Value, citations: [String], eventIDs: [String]) {
    self.init(value, citationList: SmallList(citations), eventIDList: SmallList(eventIDs))
  }

  /// Creates a cited value from lists already made.
  init(_ value: Value, citationList: SmallList<String>, eventIDList: SmallList<String>) {
    self.value = value
    self.citationList = citationList
    self.eventIDList = eventIDList
  }

  /// Adds a citation and an event, each unless already given.
  mutating func add(citation: String, eventID: String) {
    if !citationList.contains(citation) { citationList.append(citation) }
    if !eventIDList.contains(eventID) { eventIDList.append(eventID) }
  }
}

/// A stretch during which a pause did not apply.
public struct Suspension: Hashable, Sendable {
  /// When it was suspended.
  public var from: Boundary
  /// When it resumed; not reported means it stayed suspended.
  public var to: Boundary
}
