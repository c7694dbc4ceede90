/// The reports of a corridor group not yet reconciled into its boundaries.
///
/// What needs no reconciling (pauses, counts, users, routes, hours, events) goes straight into
/// the ``CorridorTrack`` being built beside the draft; ``finish(_:pause:in:)`` then sets what
/// depends on the reports together and on the pause.
struct CorridorDraft {
  var openings: [Opening] = []
  var closures: [BoundaryReport] = []
  /// How many of the track's event ids are the group's own (the rest are derived).
  var ownEvents = 0

  /// One report of the opening: the event, and the window it gives.
  struct Opening {
    var event: FoldedEvent
    var start: Stamp?
    var end: Stamp?
    /// How a start is derived from the announcement, once put into words.
    var derivation: String?
  }

  /// What the group's boundaries and rules take from its pause.
  struct PauseFacts: Equatable {
    var start: UncertainInstant?
    var endReports: [BoundaryReport]
    var applicability: Applicability

    init(start: UncertainInstant?, endReports: [BoundaryReport], applicability: Applicability) {
      self.start = start
      self.endReports = endReports
      self.applicability = applicability
    }

    init(_ pause: PauseTrack) {
      self.init(
        start: pause.start.possibleRange, endReports: pause.end.reports,
        applicability: pause.applicability)
    }
  }

  /// A track with nothing reported yet.
  static func emptyTrack(id: String, area: String) -> CorridorTrack {
    var eventIDs: [String] = []
    // Most groups have a few events: room for them at once saves growing the list.
    eventIDs.reserveCapacity(4)
    return CorridorTrack(
      id: id, pause: "", pauses: [], area: area, counts: [], users: [], routes: [], dailyHours: [],
      start: Boundary(), end: Boundary(), eventIDs: eventIDs, applicability: .always)
  }

  /// Folds the corridor event at `position`; other events are ignored.
  mutating func fold(_ position: Int, into track: inout CorridorTrack, in events: some FoldEvents) {
    switch events.payload(at: position) {
    case .corridorOpened(let opening):
      open(opening, FoldedEvent(position, in: events), into: &track)
    case .corridorClosed(_, let at):
      close(at: at, FoldedEvent(position, in: events), into: &track)
    default: break
    }
  }

  mutating func open(
    _ opening: CorridorOpening, _ event: FoldedEvent, into track: inout CorridorTrack
  ) {
    openings.append(Opening(event: event, start: opening.window.start, end: opening.window.end))
    addOwnEvent(event.id, to: &track)
    track.pauses.addCited(opening.pause, by: event)
    if let count = opening.count { track.counts.addCited(count, by: event) }
    for user in opening.users where !track.users.contains(user) { track.users.append(user) }
    if let route = opening.route { track.routes.addCited(route, by: event) }
    if let hours = opening.dailyHours { track.dailyHours.addCited(hours, by: event) }
  }

  mutating func close(at: Stamp, _ event: FoldedEvent, into track: inout CorridorTrack) {
    closures.append(BoundaryReport(at, of: event))
    addOwnEvent(event.id, to: &track)
  }

  private mutating func addOwnEvent(_ id: String, to track: inout CorridorTrack) {
    if track.eventIDs.count > ownEvents { track.eventIDs.removeSubrange(ownEvents...) }
    track.eventIDs.append(id)
    ownEvents += 1
  }

  /// Reconciles the reports.
  ///
  /// A report without a start of its own opens with its announcement, and no earlier than its
  /// pause's start; such derived starts count only when no report gives a start. A report
  /// without an end ends with its pause, as the same source gives the pause's end when it does
  /// (so each source's version is kept). Derived boundaries are marked as such.
  ///
  /// - Parameter pause: What the pause named by the first report gives, if it is on record.
  mutating func finish(_ track: inout CorridorTrack, pause: PauseFacts?, in events: some FoldEvents)
  {
    var startReports: [BoundaryReport] = []
    var endReports: [BoundaryReport] = []
    var restsOn: [String] = []
    for opening in openings {
      let event = opening.event
      if let start = opening.start { startReports.append(BoundaryReport(start, of: event)) }
      if let end = opening.end {
        endReports.append(BoundaryReport(end, of: event))
      } else if let pauseEnd = pause?.endReports, !pauseEnd.isEmpty {
        // The same source's reports of the pause's end if it gives any, else every report.
        let sourceGivesEnd = pauseEnd.contains { $0.citation == event.citation }
        for report in pauseEnd where !sourceGivesEnd || report.citation == event.citation {
          var derived = report
          derived.derivation = "ends with its pause"
          if !endReports.contains(derived) { endReports.append(derived) }
          restsOn.append(report.eventID)
        }
      }
    }
    track.pause = track.pauses.first?.value ?? ""
    track.start = Boundary(
      reports: startReports.isEmpty ? derivedStarts(pause, in: events) : startReports)
    track.end = closures.isEmpty ? Boundary(reports: endReports) : Boundary(reports: closures)
    if track.eventIDs.count > ownEvents { track.eventIDs.removeSubrange(ownEvents...) }
    for id in restsOn where !track.eventIDs.contains(id) { track.eventIDs.append(id) }
    let own = Applicability(dailyHours: track.dailyHours, suspensions: [])
    track.applicability = pause.map { own.combined(with: $0.applicability) } ?? own
  }

  /// Starts derived from the announcements, for when no report gives a start of its own; each
  /// derivation is put into words once, however often the group is reconciled.
  private mutating func derivedStarts(_ pause: PauseFacts?, in events: some FoldEvents)
    -> [BoundaryReport]
  {
    let pauseStart = pause?.start ?? UncertainInstant(earliest: nil, latest: nil)
    var reports: [BoundaryReport] = []
    for index in openings.indices {
      let event = openings[index].event
      let announced = events.announced(at: event.position)
      let derivation =
        openings[index].derivation
        ?? "opens with its announcement (\(announced)), not before its pause"
      openings[index].derivation = derivation
      reports.append(
        BoundaryReport(
          range: pauseStart.laterOf(announced.range), spec: nil, eventID: event.id,
          citation: event.citation, derivation: derivation))
    }
    return reports
  }
}
