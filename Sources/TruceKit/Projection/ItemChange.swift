/// What an event that changes an item it names says, as a fold reads it: a pause extended,
/// suspended, resumed or ended, a corridor closed, an offensive scaled back, intensified or
/// ended. A third of a log's events are such changes.
///
/// The same cases as ``EventPayload``'s, held inline: a payload is a box (its enum is
/// `indirect`, so that an ``Event`` stays small), which a list of records allocates and frees
/// for every event it reads back; a change read from a record allocates nothing
/// (``FoldEvents/itemChange(at:)``).
enum ItemChange: Equatable {
  case pauseExtended(pause: String, end: Stamp?)
  case pauseSuspended(pause: String, at: Stamp)
  case pauseResumed(pause: String, at: Stamp)
  case pauseEnded(pause: String, at: Stamp, how: PauseEnding)
  case corridorClosed(corridor: String, at: Stamp)
  case offensiveScaledBack(offensive: String, at: Stamp)
  case offensiveIntensified(offensive: String, at: Stamp)
  case offensiveEnded(offensive: String, at: Stamp)

  /// The change a payload makes; `nil` for a payload of another type.
  init?(_ payload: EventPayload) {
    switch payload {
    case .pauseExtended(let pause, let end): self = .pauseExtended(pause: pause, end: end)
    case .pauseSuspended(let pause, let at): self = .pauseSuspended(pause: pause, at: at)
    case .pauseResumed(let pause, let at): self = .pauseResumed(pause: pause, at: at)
    case .pauseEnded(let pause, let at, let how): self = .pauseEnded(pause: pause, at: at, how: how)
    case .corridorClosed(let corridor, let at): self = .corridorClosed(corridor: corridor, at: at)
    case .offensiveScaledBack(let offensive, let at):
      self = .offensiveScaledBack(offensive: offensive, at: at)
    case .offensiveIntensified(let offensive, let at):
      self = .offensiveIntensified(offensive: offensive, at: at)
    case .offensiveEnded(let offensive, let at):
      self = .offensiveEnded(offensive: offensive, at: at)
    case .pauseDeclared, .corridorOpened, .offensiveLaunched, .violationReported, .proposal,
      .statement, .erratum, .retraction:
      return nil
    }
  }

  /// Whether events of `type` are changes.
  static func isChange(_ type: EventType) -> Bool {
    switch type {
    case .pauseExtended, .pauseSuspended, .pauseResumed, .pauseEnded, .corridorClosed,
      .offensiveScaledBack, .offensiveIntensified, .offensiveEnded:
      true
    case .pauseDeclared, .corridorOpened, .offensiveLaunched, .violationReported, .proposal,
      .statement, .erratum, .retraction:
      false
    }
  }
}
