/// What kind of pause a declaration makes.
public enum PauseKind: String, CaseIterable, Hashable, Sendable {
  /// A pause in fighting, unspecified.
  case pause
  /// A humanitarian pause, usually with corridors.
  case humanitarianPause = "humanitarian-pause"
  /// A halt (moratorium) of air strikes.
  case airStrikeHalt = "air-strike-halt"
  /// A ceasefire or cessation of hostilities.
  case ceasefire
  /// A reduction of bombardment short of a halt.
  case bombardmentReduction = "bombardment-reduction"
}

/// How a pause ended.
public enum PauseEnding: String, CaseIterable, Hashable, Sendable {
  /// Its window ran out.
  case expired
  /// It broke down.
  case collapsed
  /// A party withdrew it.
  case revoked
  /// The source says it ended but not how.
  case unspecified
}

/// Who may use a corridor.
public enum CorridorUser: String, CaseIterable, Hashable, Sendable {
  /// Fighters, allowed to keep their weapons.
  case fightersWithWeapons = "fighters-with-weapons"
  /// Fighters, weapons not stated.
  case fighters
  /// Civilians.
  case civilians
  /// The sick and wounded.
  case sickAndWounded = "sick-and-wounded"

  /// The words to show.
  public var phrase: String {
    switch self {
    case .fightersWithWeapons: return "fighters with their weapons"
    case .fighters: return "fighters"
    case .civilians: return "civilians"
    case .sickAndWounded: return "the sick and wounded"
    }
  }
}

/// What a statement is.
public enum StatementKind: String, CaseIterable, Hashable, Sendable {
  /// A condition set on a pause or on agreeing to one.
  case condition
  /// A refusal to accept or extend.
  case refusal
  /// A claim about what happened or is in force.
  case claim
  /// A call on someone to act (leave the city, take the offer).
  case call
}

/// What kind of proposal.
public enum ProposalKind: String, CaseIterable, Hashable, Sendable {
  /// A call for a ceasefire or truce.
  case call
  /// A draft resolution at an international body.
  case draftResolution = "draft-resolution"
  /// Talks toward a truce.
  case talks
  /// An offer of a truce on terms.
  case offer
}

/// Daily hours during which a pause or corridor applies, in the area's local time.
public struct DailyHours: Hashable, Sendable, CustomStringConvertible {
  /// Minutes after local midnight when it starts applying each day.
  public var fromMinute: Int
  /// Minutes after local midnight when it stops applying each day (exclusive).
  public var toMinute: Int

  /// Creates daily hours; `from` must be before `to`.
  public init(fromMinute: Int, toMinute: Int) {
    self.fromMinute = fromMinute
    self.toMinute = toMinute
  }

  /// Whether a local time of day (in minutes) falls within the hours.
  public func contains(minuteOfDay: Int) -> Bool {
    minuteOfDay >= fromMinute && minuteOfDay < toMinute
  }

  public var description: String {
    "\(pad(fromMinute / 60, 2)):\(pad(fromMinute % 60, 2))–\(pad(toMinute / 60, 2)):\(pad(toMinute % 60, 2))"
  }
}

/// A window with an optional start and end, each as the source gave it.
public struct Window: Hashable, Sendable {
  /// When it starts, if reported.
  public var start: Stamp?
  /// When it ends, if reported.
  public var end: Stamp?

  /// Creates a window.
  public init(start: Stamp? = nil, end: Stamp? = nil) {
    self.start = start
    self.end = end
  }
}

/// The body of a `pause.declared` event.
public struct PauseDeclaration: Hashable, Sendable {
  /// The pause's id.
  public var pause: String
  /// The kind of pause.
  public var kind: PauseKind
  /// What it covers, in words ("air strikes on Aleppo").
  public var scope: String?
  /// When it applies.
  public var window: Window
  /// Daily hours, when it applies only part of each day.
  public var dailyHours: DailyHours?
  /// Conditions attached to it.
  public var conditions: [String]
  /// The parties it binds.
  public var parties: [String]
  /// Whether one side declared it alone.
  public var unilateral: Bool?
}

/// The body of a `corridor.opened` event: one group of identical corridors.
public struct CorridorOpening: Hashable, Sendable {
  /// The corridor group's id.
  public var corridor: String
  /// The pause the corridors belong to.
  public var pause: String
  /// How many corridors, if reported.
  public var count: Int?
  /// Who may use them.
  public var users: [CorridorUser]
  /// The route, if named.
  public var route: String?
  /// Their own window, when it differs from the pause's.
  public var window: Window
  /// Daily hours, if any.
  public var dailyHours: DailyHours?
}

/// The body of an `offensive.launched` event.
public struct OffensiveLaunch: Hashable, Sendable {
  /// The offensive's id.
  public var offensive: String
  /// When it began.
  public var at: Stamp
  /// Who wages it.
  public var parties: [String]
  /// Its stated aim.
  public var aim: String?
}
