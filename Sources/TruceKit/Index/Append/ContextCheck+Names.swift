extension ContextCheck {
  /// The ids the check asks about, which the index must look up before it runs.
  var names: [String] {
    switch self {
    case .linkedEventExists(_, let id), .correctedEventExists(_, let id),
      .notACorrection(_, let id), .subjectExists(_, let id):
      return [id]
    case .pauseDeclared(let pause), .notBeforePauseStart(_, let pause, _),
      .suspendedBefore(let pause, _):
      return [pause]
    case .notAlreadySuspended(let pause, let links): return [pause] + links
    case .corridorOpened(let corridor), .notBeforeCorridorStart(_, let corridor):
      return [corridor]
    case .offensiveLaunched(let offensive), .notBeforeOffensiveStart(_, let offensive):
      return [offensive]
    }
  }
}
