/// Which events a ``Folder`` takes: every event, or one of two lanes that two folders fold at
/// once.
///
/// The lanes share nothing while folding: a pause is built from pause events and the conditions
/// statements set on it, everything else from the other events; corridor groups read their pause
/// only when they are reconciled, after both lanes are folded.
enum FoldLane: Sendable {
  /// Every event.
  case all
  /// Pause events, and statements that set conditions (which attach to pauses).
  case pauses
  /// Corridor and offensive events, proposals, statements and violations.
  case others

  /// The lane's bit among ``bits(of:)`` (both bits for ``all``).
  var bit: UInt8 {
    switch self {
    case .all: return 3
    case .pauses: return 1
    case .others: return 2
    }
  }

  /// The lanes that take an event with this body, as bits: 1 for ``pauses``, 2 for ``others``
  /// (never 0).
  static func bits(of payload: EventPayload) -> UInt8 {
    // Every kind named: a new kind of pause event must be given its lane here.
    switch payload {
    case .pauseDeclared, .pauseExtended, .pauseSuspended, .pauseResumed, .pauseEnded: return 1
    case .statement(.condition, _): return 3
    case .statement, .corridorOpened, .corridorClosed, .offensiveLaunched, .offensiveScaledBack,
      .offensiveIntensified, .offensiveEnded, .violationReported, .proposal, .erratum,
      .retraction:
      return 2
    }
  }

  /// ``bits(of:)`` for an event of type `type`, given a statement's kind (`nil` for other
  /// types): for a list that keeps the type apart from the body.
  static func bits(of type: EventType, statementKind: StatementKind?) -> UInt8 {
    // Every type named: a new type of pause event must be given its lane here.
    switch type {
    case .pauseDeclared, .pauseExtended, .pauseSuspended, .pauseResumed, .pauseEnded: return 1
    case .statement: return statementKind == .condition ? 3 : 2
    case .corridorOpened, .corridorClosed, .offensiveLaunched, .offensiveScaledBack,
      .offensiveIntensified, .offensiveEnded, .violationReported, .proposal, .erratum,
      .retraction:
      return 2
    }
  }
}
