/// Checks every event against the state as of its own announcement: whatever it refers to (the
/// pause it extends, the corridors it closes, the subject of a statement) must have been possibly
/// announced by then, by another event somewhere in the log.
///
/// `disputes` links are not checked: a report may contradict one made after it. `truce verify`
/// runs the check over the whole log and `truce append` for the new event.
enum AnnouncementConsistency {
  /// Throws for the first event (or only `event`, when given) that refers to something not yet
  /// announced when it was.
  static func check(_ log: EventLog, only event: Event? = nil) throws(LogError) {
    var firsts: [String: FirstReports] = [:]
    for event in log.events {
      let earliest = event.announced.range.earliest
      firsts[event.id, default: FirstReports()].note(earliest, by: event.id)
      if let subject = event.subject, subject != event.id {
        firsts[subject, default: FirstReports()].note(earliest, by: event.id)
      }
    }
    for event in event.map({ [$0] }) ?? log.events {
      try check(event, file: log.file) { firsts[$0]?.earliest(excluding: event.id) }
    }
  }

  /// Throws if `event` refers to something not yet announced when it was.
  ///
  /// - Parameters:
  ///   - event: The event (errata and retractions are not checked).
  ///   - file: The name to use in errors.
  ///   - firstAnnounced: For an id, the earliest announcement by another event with that id or
  ///     about it: `nil` when there is none, `.some(nil)` when it has no lower bound.
  static func check(
    _ event: Event, file: String, firstAnnounced: (String) -> Instant??
  ) throws(LogError) {
    guard event.type != .erratum && event.type != .retraction,
      let latest = event.announced.range.latest
    else { return }
    for reference in references(of: event) {
      guard let first = firstAnnounced(reference), let instant = first else { continue }
      if instant > latest {
        throw LogError(
          file: file, line: event.line, field: "announced",
          problem: .invalidValue(
            "announced \(event.announced), before anything else the log holds about '\(reference)' "
              + "had been announced"))
      }
    }
  }

  /// What an event refers to that must have been announced before it.
  static func references(of event: Event) -> [String] {
    switch event.payload {
    case .pauseDeclared, .offensiveLaunched, .proposal, .erratum, .retraction: return []
    case .corridorOpened(let opening): return [opening.pause]
    case .statement(_, let about): return about
    default: return event.subject.map { [$0] } ?? []
    }
  }
}

/// The two earliest announcements about an id, so that an event can be compared with the others.
private struct FirstReports {
  /// `(earliest, event id)`; `nil` as the instant means no lower bound.
  private var best: [(Instant?, String)] = []

  mutating func note(_ earliest: Instant?, by id: String) {
    best.append((earliest, id))
    best.sort { lhs, rhs in
      switch (lhs.0, rhs.0) {
      case (nil, _): return true
      case (_, nil): return false
      case (let left?, let right?): return left < right
      }
    }
    if best.count > 2 { best.removeLast() }
  }

  /// The earliest announcement by an event other than `id`; `nil` when there is none, `.some(nil)`
  /// when it has no lower bound.
  func earliest(excluding id: String) -> Instant?? {
    best.first { $0.1 != id }.map { $0.0 }
  }
}
