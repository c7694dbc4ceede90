/// Where an event goes in the fold: the draft it adds to, or the list it joins.
enum FoldRoute {
  /// A report about a pause.
  case pause(String)
  /// A report that corridors opened: it starts their draft if none exists.
  case corridorOpened(String)
  /// A report that corridors closed: it counts only once they opened.
  case corridorClosed(String)
  /// A report about an offensive.
  case offensive(String)
  /// A statement; a condition is also attached to each pause it names that is on record.
  case statement(isCondition: Bool)
  /// A proposal.
  case proposal
  /// A reported violation.
  case violation
  /// A correction: it is on record, but adds to no draft.
  case correction

  /// The route of an event, by its body.
  init(_ payload: EventPayload) {
    switch payload {
    case .pauseDeclared(let declaration): self = .pause(declaration.pause)
    case .pauseExtended(let pause, _), .pauseSuspended(let pause, _), .pauseResumed(let pause, _),
      .pauseEnded(let pause, _, _):
      self = .pause(pause)
    case .corridorOpened(let opening): self = .corridorOpened(opening.corridor)
    case .corridorClosed(let corridor, _): self = .corridorClosed(corridor)
    case .offensiveLaunched(let launch): self = .offensive(launch.offensive)
    case .offensiveScaledBack(let offensive, _), .offensiveIntensified(let offensive, _),
      .offensiveEnded(let offensive, _):
      self = .offensive(offensive)
    case .violationReported: self = .violation
    case .proposal: self = .proposal
    case .statement(let kind, _): self = .statement(isCondition: kind == .condition)
    case .erratum, .retraction: self = .correction
    }
  }
}
