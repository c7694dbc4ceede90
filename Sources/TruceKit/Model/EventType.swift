/// The kinds of event a log holds, by the `type` string written in each line.
public enum EventType: String, CaseIterable, Hashable, Sendable {
  /// A pause, halt of air strikes, ceasefire or bombardment reduction is declared.
  case pauseDeclared = "pause.declared"
  /// A pause's end is moved later (or its new end is not reported).
  case pauseExtended = "pause.extended"
  /// A pause stops applying for a while.
  case pauseSuspended = "pause.suspended"
  /// A suspended pause applies again.
  case pauseResumed = "pause.resumed"
  /// A pause ends: it expired, collapsed or was revoked.
  case pauseEnded = "pause.ended"
  /// Corridors open for a pause.
  case corridorOpened = "corridor.opened"
  /// Corridors close before their pause ends.
  case corridorClosed = "corridor.closed"
  /// An offensive begins.
  case offensiveLaunched = "offensive.launched"
  /// An offensive is scaled back.
  case offensiveScaledBack = "offensive.scaled-back"
  /// An offensive is intensified.
  case offensiveIntensified = "offensive.intensified"
  /// An offensive ends.
  case offensiveEnded = "offensive.ended"
  /// A breach of a pause, or an attack, is reported.
  case violationReported = "violation.reported"
  /// A truce is proposed or called for; never in force by itself.
  case proposal = "proposal"
  /// A statement that changes nothing in force: a condition, refusal, claim or call.
  case statement = "statement"
  /// This log recorded an event wrongly; applies at every as-of.
  case erratum = "correction.erratum"
  /// A source withdrew an event; applies from when the retraction was announced.
  case retraction = "correction.retraction"
}
