/// What had been announced by a moment: the second time axis.
///
/// "As of 1 November, what was expected for 4 November?" folds only the events announced by
/// then. An announcement known only to the day (or a range) that straddles the as-of instant is
/// possibly known: it is folded in, and everything resting on it is marked.
public struct Knowledge: Hashable, Sendable {
  /// The moment of knowledge; `nil` means everything the log holds.
  public var asOf: Instant?

  /// Knowledge of everything in the log.
  public static let everything = Knowledge(asOf: nil)

  /// Knowledge as of an instant.
  public init(asOf: Instant?) {
    self.asOf = asOf
  }

  /// How far an event had been announced by the as-of moment.
  public func status(of event: Event) -> EventKnowledge {
    status(ofAnnounced: event.announced.range)
  }

  /// How far an announcement made within `announced` had been by the as-of moment.
  func status(ofAnnounced announced: UncertainInstant) -> EventKnowledge {
    guard let asOf else { return .known }
    if announced.isCertainly(atOrBefore: asOf) { return .known }
    if announced.isPossibly(atOrBefore: asOf) { return .possiblyKnown }
    return .unknown
  }
}

/// Whether an event had been announced by the as-of moment.
public enum EventKnowledge: String, Hashable, Sendable {
  /// Certainly announced by then.
  case known
  /// Its announcement is known only to a day or range that straddles the moment.
  case possiblyKnown = "possibly-known"
  /// Certainly not yet announced.
  case unknown
}
