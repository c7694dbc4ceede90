/// One line of the log: an announcement as one source reported it.
///
/// Every event keeps three clocks: when the party announced it, when the source reported it, and
/// when it was recorded in this log. Reports that disagree are separate events; the projection
/// shows the disagreement rather than choosing.
public struct Event: Hashable, Sendable {
  /// The position in the log, from 1.
  public var seq: Int
  /// The unique id.
  public var id: String
  /// What kind of event this is.
  public var type: EventType
  /// When the party announced it.
  public var announced: Stamp
  /// When the source reported it.
  public var reported: Stamp
  /// When it was written into this log.
  public var recorded: Stamp
  /// Who wrote it into this log.
  public var recordedBy: String
  /// Who announced it, as the source names them.
  public var announcedBy: [String]
  /// The id of the area it concerns.
  public var area: String
  /// Where the report comes from.
  public var source: Source
  /// A note: how dates were derived, what is uncertain.
  public var note: String?
  /// Events this one contradicts.
  public var disputes: [String]
  /// Events that report the same announcement in other words.
  public var sameAnnouncementAs: [String]
  /// The hash of the previous line, once the log is chained.
  public var prev: String?
  /// The type-specific body.
  public var payload: EventPayload
  /// The line of the file it was read from.
  public var line: Int
}

/// The type-specific body of an event.
public enum EventPayload: Hashable, Sendable {
  /// `pause.declared`.
  case pauseDeclared(PauseDeclaration)
  /// `pause.extended`; `end` is `nil` when the new end was not reported.
  case pauseExtended(pause: String, end: Stamp?)
  /// `pause.suspended`.
  case pauseSuspended(pause: String, at: Stamp)
  /// `pause.resumed`.
  case pauseResumed(pause: String, at: Stamp)
  /// `pause.ended`.
  case pauseEnded(pause: String, at: Stamp, how: PauseEnding)
  /// `corridor.opened`.
  case corridorOpened(CorridorOpening)
  /// `corridor.closed`.
  case corridorClosed(corridor: String, at: Stamp)
  /// `offensive.launched`.
  case offensiveLaunched(OffensiveLaunch)
  /// `offensive.scaled-back`.
  case offensiveScaledBack(offensive: String, at: Stamp)
  /// `offensive.intensified`.
  case offensiveIntensified(offensive: String, at: Stamp)
  /// `offensive.ended`.
  case offensiveEnded(offensive: String, at: Stamp)
  /// `violation.reported`, optionally linked to a pause or an offensive.
  case violationReported(pause: String?, offensive: String?, at: Stamp, by: [String])
  /// `proposal`: never in force by itself.
  case proposal(id: String, kind: ProposalKind, terms: [String], parties: [String])
  /// `statement`: changes nothing in force.
  case statement(kind: StatementKind, about: [String])
  /// `correction.erratum`: the amended event is held by ``EventLog/amendments``.
  case erratum(corrects: String, void: Bool)
  /// `correction.retraction`.
  case retraction(retracts: String)
}

extension Event {
  /// The pause, corridor group, offensive or proposal this event is about, if any.
  public var subject: String? {
    switch payload {
    case .pauseDeclared(let declaration): return declaration.pause
    case .pauseExtended(let pause, _), .pauseSuspended(let pause, _), .pauseResumed(let pause, _),
      .pauseEnded(let pause, _, _):
      return pause
    case .corridorOpened(let opening): return opening.corridor
    case .corridorClosed(let corridor, _): return corridor
    case .offensiveLaunched(let launch): return launch.offensive
    case .offensiveScaledBack(let offensive, _), .offensiveIntensified(let offensive, _),
      .offensiveEnded(let offensive, _):
      return offensive
    case .violationReported(let pause, let offensive, _, _): return pause ?? offensive
    case .proposal(let id, _, _, _): return id
    case .statement(_, let about): return about.first
    case .erratum, .retraction: return nil
    }
  }
}
