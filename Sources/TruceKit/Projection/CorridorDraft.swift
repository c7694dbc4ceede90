/// A corridor group being folded.
struct CorridorDraft {
  let id: String
  let area: String
  var pauses: [Cited<String>] = []
  var counts: [Cited<Int>] = []
  var users: [CorridorUser] = []
  var routes: [Cited<String>] = []
  var dailyHours: [Cited<DailyHours>] = []
  var openings: [(event: Event, opening: CorridorOpening)] = []
  var closures: [BoundaryReport] = []
  var eventIDs: [String] = []

  init(id: String, area: String) {
    self.id = id
    self.area = area
  }

  mutating func open(_ opening: CorridorOpening, by event: Event) {
    openings.append((event, opening))
    eventIDs.append(event.id)
    pauses.addCited(opening.pause, event: event)
    if let count = opening.count { counts.addCited(count, event: event) }
    for user in opening.users where !users.contains(user) { users.append(user) }
    if let route = opening.route { routes.addCited(route, event: event) }
    if let hours = opening.dailyHours { dailyHours.addCited(hours, event: event) }
  }

  /// Reconciles the reports.
  ///
  /// A report without a start of its own opens with its announcement, and no earlier than its
  /// pause's start; such derived starts count only when no report gives a start. A report
  /// without an end ends with its pause, as the same source gives the pause's end when it does
  /// (so each source's version is kept). Derived boundaries are marked as such.
  func track(pauses byID: [String: PauseTrack]) -> CorridorTrack {
    let pauseID = pauses.first?.value ?? ""
    let pause = byID[pauseID]
    var startReports: [BoundaryReport] = []
    var derivedStarts: [BoundaryReport] = []
    var endReports: [BoundaryReport] = []
    var restsOn: [String] = []
    for (event, opening) in openings {
      if let start = opening.window.start {
        startReports.append(BoundaryReport(start, of: event))
      } else {
        let pauseStart = pause?.start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
        derivedStarts.append(
          BoundaryReport(
            range: pauseStart.laterOf(event.announced.range), spec: nil, eventID: event.id,
            citation: event.source.citation,
            derivation: "opens with its announcement (\(event.announced)), not before its pause"))
      }
      if let end = opening.window.end {
        endReports.append(BoundaryReport(end, of: event))
      } else if let pauseEnd = pause?.end.reports, !pauseEnd.isEmpty {
        let sameSource = pauseEnd.filter { $0.citation == event.source.citation }
        for report in sameSource.isEmpty ? pauseEnd : sameSource {
          var derived = report
          derived.derivation = "ends with its pause"
          if !endReports.contains(derived) { endReports.append(derived) }
          restsOn.append(report.eventID)
        }
      }
    }
    let start = Boundary(reports: startReports.isEmpty ? derivedStarts : startReports)
    let end = closures.isEmpty ? Boundary(reports: endReports) : Boundary(reports: closures)
    let own = Applicability(dailyHours: dailyHours, suspensions: [])
    return CorridorTrack(
      id: id, pause: pauseID, pauses: pauses, area: area, counts: counts, users: users,
      routes: routes,
      dailyHours: dailyHours, start: start, end: end,
      eventIDs: restsOn.reduce(into: eventIDs) { ids, id in if !ids.contains(id) { ids.append(id) }
      },
      applicability: pause.map { own.combined(with: $0.applicability) } ?? own)
  }
}

/// An offensive being folded.
struct OffensiveDraft {
  let id: String
  let area: String
  var parties: [String] = []
  var aims: [String] = []
  var starts: [BoundaryReport] = []
  var endings: [BoundaryReport] = []
  var phases: [OffensivePhase] = []
  var eventIDs: [String] = []

  init(id: String, area: String) {
    self.id = id
    self.area = area
  }

  mutating func launch(_ launch: OffensiveLaunch, by event: Event) {
    eventIDs.append(event.id)
    starts.append(BoundaryReport(launch.at, of: event))
    for party in launch.parties where !parties.contains(party) { parties.append(party) }
    if let aim = launch.aim, !aims.contains(aim) { aims.append(aim) }
  }

  func track() -> OffensiveTrack {
    let ordered = phases.sorted { lhs, rhs in
      (lhs.at.range.earliest?.secondsSinceEpoch ?? Int64.min)
        < (rhs.at.range.earliest?.secondsSinceEpoch ?? Int64.min)
    }
    return OffensiveTrack(
      id: id, area: area, parties: parties, aims: aims, start: Boundary(reports: starts),
      end: Boundary(reports: endings), phases: ordered, eventIDs: eventIDs)
  }
}
