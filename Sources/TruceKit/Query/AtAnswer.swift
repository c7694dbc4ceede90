/// The answer to "what was in force at this moment?", with the evidence for every item.
public struct AtAnswer: Sendable {
  /// The moment asked about.
  public var moment: Moment
  /// The zone local times are shown in.
  public var zone: Zone
  /// The as-of moment, when the question was asked with `--as-of`.
  public var asOf: Moment?
  /// The area asked about, when one was named.
  public var area: Area?
  /// Every pause, corridor group and offensive in the area, with how it stood.
  public var items: [ItemStatus]
  /// Pauses and offensives in force (or possibly) at once in related areas.
  public var conflicts: [Conflict]
  /// Proposals and calls possibly made by the moment: never in force by themselves. Unless the
  /// query asks for every one, only the latest announced (see ``omittedProposals``).
  public var proposals: [Event]
  /// Disputes about the items listed.
  public var disputes: [Dispute]
  /// The projection the answer was drawn from.
  public var projection: Projection
  /// How many items each section leaves out: the "not yet" and "no longer" sections list only
  /// the nearest to the moment unless the query asks for every one.
  public var omitted: [ItemStatus.Section: Int] = [:]
  /// How many conflicts that are only possible ``conflicts`` leaves out (certain ones are all
  /// listed).
  public var omittedConflicts = 0
  /// How many proposals and calls possibly made by the moment ``proposals`` leaves out: the
  /// earlier announced.
  public var omittedProposals = 0
}

/// How one pause, corridor group or offensive stood at the moment.
public struct ItemStatus: Sendable {
  /// What it is.
  public var kind: ItemKind
  /// Its id.
  public var id: String
  /// Its area.
  public var area: String
  /// How its area relates to the one asked about, if one was.
  public var areaRelation: AreaRelation?
  /// The verdict at an instant, or at the day's start for a day.
  public var presence: Presence
  /// The verdict over a day, when the moment is a day.
  public var day: DayPresence?
  /// Why it is not in force although its interval covers the moment (suspended, outside its
  /// daily hours), if so.
  public var qualifier: String?
  /// For an offensive: its phase at the moment, if it had changed.
  public var phase: OffensivePhase?
  /// Whether the phase is only possibly in effect (its date straddles the moment).
  public var phaseIsUncertain: Bool
  /// Whether the item rests on announcements only possibly made by the as-of moment.
  public var possiblyKnown: Bool
  /// Whether the item rests on hypothetical events added by a scenario.
  public var hypothetical: Bool = false
  /// Why the verdict is only "possibly": which boundary is imprecise or disputed.
  public var uncertainties: [Uncertainty] = []

  /// The section the item belongs in.
  public var section: Section {
    if let day {
      switch day.kind {
      case .allDay: return .allDay
      case .partOfDay: return .partOfDay
      case .possibly: return .possibly
      case .notApplying: return .notApplying
      case .notYet: return .notYet
      case .noLonger: return .noLonger
      }
    }
    if let qualifier, presence != .notYet, presence != .noLonger {
      return qualifier.hasPrefix("possibly") ? .possibly : .notApplying
    }
    switch presence {
    case .inForce: return .inForce
    case .possibly: return .possibly
    case .notYet: return .notYet
    case .noLonger: return .noLonger
    }
  }

  /// The sections of an answer, in the order shown.
  public enum Section: String, CaseIterable, Sendable {
    /// In force at the instant on every reading of the reports.
    case inForce = "in-force"
    /// In force from the first to the last second of the day.
    case allDay = "in-force-all-day"
    /// Certainly in force for part of the day.
    case partOfDay = "in-force-part-of-day"
    /// In force on some readings only.
    case possibly = "possibly-in-force"
    /// Within its interval, but suspended or outside its daily hours at the instant.
    case notApplying = "not-applying"
    /// Announced, not yet in force.
    case notYet = "not-yet-in-force"
    /// Announced, no longer in force.
    case noLonger = "no-longer-in-force"
  }
}

/// A reason an item is only possibly in force.
public struct Uncertainty: Hashable, Sendable {
  /// Which boundary.
  public var boundary: Side
  /// Whether the reports contradict each other (otherwise they are only imprecise).
  public var disputed: Bool

  /// The start or the end.
  public enum Side: String, Hashable, Sendable {
    /// The start.
    case start
    /// The end.
    case end
  }
}

/// The kinds of thing that can be in force.
public enum ItemKind: String, Sendable {
  /// A pause, halt or ceasefire.
  case pause
  /// A group of corridors.
  case corridors
  /// An offensive.
  case offensive
}

/// A pause and an offensive in force at once in related areas.
public struct Conflict: Hashable, Sendable {
  /// The pause.
  public var pause: String
  /// The offensive.
  public var offensive: String
  /// Whether both are certainly in force (otherwise one of them only possibly).
  public var certain: Bool
}
