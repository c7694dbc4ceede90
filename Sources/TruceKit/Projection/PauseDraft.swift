/// A planned end of a pause: from a declaration's window or an extension.
struct EndCandidate {
  /// The event that plans it.
  var event: FoldedEvent
  /// The new end; `nil` when an extension's new end was not reported.
  var end: Stamp?
}

/// A suspension being folded: every report of when it began, and of when it ended.
struct SuspensionDraft {
  var events: SmallList<String>
  var from: [BoundaryReport]
  var to: [BoundaryReport] = []
}

/// The reports of a pause not yet reconciled into its boundaries.
///
/// What needs no reconciling (kinds, parties, conditions, events) goes straight into the
/// ``PauseTrack`` being built beside the draft; ``finish(_:in:)`` then sets the track's start,
/// end and suspensions. Events are kept as positions in the list being folded, not copied.
struct PauseDraft {
  var startReports: [BoundaryReport] = []
  /// Declarations without a start of their own, from which the start is derived.
  var startlessDeclarations: [Int] = []
  var endCandidates: [EndCandidate] = []
  var endings: [BoundaryReport] = []
  var suspensions: [SuspensionDraft] = []
  /// Declarations that report, in other words, an announcement another event also reports.
  var recharacterizations: [Int] = []
  /// The start derived from a declaration's announcement, and the declaration's position.
  private var derivedStart: (position: Int, boundary: Boundary)?

  /// A track with nothing reported yet.
  static func emptyTrack(id: String, area: String) -> PauseTrack {
    var eventIDs: [String] = []
    // Most pauses have a few events: room for them at once saves growing the list.
    eventIDs.reserveCapacity(4)
    return PauseTrack(
      id: id, area: area, kinds: [], scopes: [], parties: [], conditions: [], dailyHours: [],
      start: Boundary(), end: Boundary(), endings: [], suspensions: [], eventIDs: eventIDs)
  }

  /// Folds the pause event at `position`; other events are ignored.
  mutating func fold(_ position: Int, into track: inout PauseTrack, in events: some FoldEvents) {
    let event = FoldedEvent(position, in: events)
    switch events.payload(at: position) {
    case .pauseDeclared(let declaration): declare(declaration, event, into: &track, in: events)
    case .pauseExtended(_, let end): extend(to: end, event, into: &track)
    case .pauseSuspended(_, let at): suspend(at: at, event, into: &track, in: events)
    case .pauseResumed(_, let at): resume(at: at, event, into: &track)
    case .pauseEnded(_, let at, let how): end(at: at, how: how, event, into: &track)
    default: break
    }
  }

  mutating func declare(
    _ declaration: PauseDeclaration, _ event: FoldedEvent, into track: inout PauseTrack,
    in events: some FoldEvents
  ) {
    track.eventIDs.append(event.id)
    track.kinds.addCited(declaration.kind, by: event)
    if let scope = declaration.scope, !track.scopes.contains(scope) { track.scopes.append(scope) }
    for party in declaration.parties where !track.parties.contains(party) {
      track.parties.append(party)
    }
    for condition in declaration.conditions { track.conditions.addCited(condition, by: event) }
    if let hours = declaration.dailyHours { track.dailyHours.addCited(hours, by: event) }
    // A declaration that reports the same announcement as another event (an extension, in
    // another source's words) describes a new stage: its window start is that stage's, not
    // the pause's; its end competes with the other reports of the end.
    if events.sameAnnouncementAs(at: event.position).isEmpty {
      if let start = declaration.window.start {
        startReports.append(BoundaryReport(start, of: event))
      } else {
        startlessDeclarations.append(event.position)
      }
    } else {
      recharacterizations.append(event.position)
    }
    if declaration.window.end != nil {
      endCandidates.append(EndCandidate(event: event, end: declaration.window.end))
    }
  }

  mutating func extend(to end: Stamp?, _ event: FoldedEvent, into track: inout PauseTrack) {
    endCandidates.append(EndCandidate(event: event, end: end))
    track.eventIDs.append(event.id)
  }

  mutating func suspend(
    at: Stamp, _ event: FoldedEvent, into track: inout PauseTrack, in events: some FoldEvents
  ) {
    let same = events.sameAnnouncementAs(at: event.position)
    let disputed = events.disputes(at: event.position)
    if let index = suspensions.firstIndex(where: { draft in
      draft.events.contains { same.contains($0) || disputed.contains($0) }
    }) {
      // Another report of a suspension already on the record: weigh its time with the others.
      suspensions[index].from.append(BoundaryReport(at, of: event))
      suspensions[index].events.append(event.id)
    } else {
      suspensions.append(
        SuspensionDraft(events: SmallList(one: event.id), from: [BoundaryReport(at, of: event)]))
    }
    track.eventIDs.append(event.id)
  }

  mutating func resume(at: Stamp, _ event: FoldedEvent, into track: inout PauseTrack) {
    if !suspensions.isEmpty {
      suspensions[suspensions.count - 1].to.append(BoundaryReport(at, of: event))
    }
    track.eventIDs.append(event.id)
  }

  mutating func end(
    at: Stamp, how: PauseEnding, _ event: FoldedEvent, into track: inout PauseTrack
  ) {
    endings.append(BoundaryReport(at, of: event))
    if !track.endings.contains(how) { track.endings.append(how) }
    track.eventIDs.append(event.id)
  }

  /// Attaches a condition stated about the pause.
  static func addCondition(_ condition: String, by event: FoldedEvent, to track: inout PauseTrack) {
    track.conditions.addCited(condition, by: event)
  }

  /// Sets the track's start, end and suspensions from the reports so far.
  mutating func finish(_ track: inout PauseTrack, in events: some FoldEvents) {
    track.start = start(in: events)
    track.end = end(in: events)
    track.suspensions = suspensions.map { draft in
      Suspension(from: Boundary(reports: draft.from), to: Boundary(reports: draft.to))
    }
  }

  /// The start: every declaration's own start; failing any, the pause is taken to start with
  /// the announcement certainly made first (the one whose latest possible time is earliest).
  private mutating func start(in events: some FoldEvents) -> Boundary {
    if !startReports.isEmpty { return Boundary(reports: startReports) }
    let first = startlessDeclarations.min { lhs, rhs in
      let left = events.announcedRange(at: lhs)
      let right = events.announcedRange(at: rhs)
      return (left.latest ?? .distantFuture, left.earliest ?? .distantPast)
        < (right.latest ?? .distantFuture, right.earliest ?? .distantPast)
    }
    guard let first else { return Boundary() }
    // The derived report is put into words once, however often the pause is reconciled.
    if let derived = derivedStart, derived.position == first { return derived.boundary }
    let announced = events.announced(at: first)
    let boundary = Boundary(reports: [
      BoundaryReport(
        range: announced.range, spec: nil, eventID: events.id(at: first),
        citation: events.citation(at: first),
        derivation: "start not given: from its announcement (\(announced))")
    ])
    derivedStart = (first, boundary)
    return boundary
  }

  /// The end: reported endings if any; otherwise the planned ends not superseded. Only an
  /// extension supersedes, and only ends announced certainly before it; other reports of the
  /// end (declarations, extensions that cannot be ordered) compete, and differing ones make a
  /// dispute.
  private func end(in events: some FoldEvents) -> Boundary {
    if !endings.isEmpty { return Boundary(reports: endings) }
    var reports: [BoundaryReport] = []
    for candidate in endCandidates {
      guard let end = candidate.end else { continue }
      let superseded = endCandidates.contains { other in
        events.type(at: other.event.position) == .pauseExtended
          && other.event.id != candidate.event.id
          && isCertainlyLater(other.event.position, than: candidate.event.position, in: events)
      }
      if !superseded { reports.append(BoundaryReport(end, of: candidate.event)) }
    }
    return Boundary(reports: reports)
  }

  private func isCertainlyLater(_ position: Int, than other: Int, in events: some FoldEvents)
    -> Bool
  {
    if events.sameAnnouncementAs(at: position).contains(events.id(at: other))
      || events.sameAnnouncementAs(at: other).contains(events.id(at: position))
    {
      return false
    }
    guard let earliest = events.announcedRange(at: position).earliest,
      let latest = events.announcedRange(at: other).latest
    else {
      return false
    }
    return earliest > latest
  }
}
