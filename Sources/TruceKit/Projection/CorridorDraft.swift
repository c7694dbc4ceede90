/// A corridor group being folded.
struct CorridorDraft {
  let id: String
  let pause: String
  let area: String
  var counts: [Cited<Int>] = []
  var users: [CorridorUser] = []
  var route: String?
  var dailyHours: DailyHours?
  var openings: [(event: Event, opening: CorridorOpening)] = []
  var closures: [BoundaryReport] = []
  var eventIDs: [String] = []

  init(id: String, pause: String, area: String) {
    self.id = id
    self.pause = pause
    self.area = area
  }

  mutating func open(_ opening: CorridorOpening, by event: Event) {
    openings.append((event, opening))
    eventIDs.append(event.id)
    if let count = opening.count { counts.addCited(count, event: event) }
    for user in opening.users where !users.contains(user) { users.append(user) }
    if route == nil { route = opening.route }
    if dailyHours == nil { dailyHours = opening.dailyHours }
  }

  /// Reconciles the reports. A report without a start of its own opens no earlier than its
  /// announcement and its pause's start; one without an end ends with its pause, as the same
  /// source gives the pause's end when it does. Both are marked derived.
  func track(pause track: PauseTrack?) -> CorridorTrack {
    var startReports: [BoundaryReport] = []
    var endReports: [BoundaryReport] = []
    for (event, opening) in openings {
      if let start = opening.window.start {
        startReports.append(BoundaryReport(start, of: event))
      } else {
        let pauseStart = track?.start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
        startReports.append(
          BoundaryReport(
            range: pauseStart.laterOf(event.announced.range), spec: nil, eventID: event.id,
            citation: event.source.citation,
            derivation:
              "not given: not before its announcement (\(event.announced)) or its pause's start"))
      }
      if let end = opening.window.end {
        endReports.append(BoundaryReport(end, of: event))
      } else if let pauseEnd = track?.end.reports, !pauseEnd.isEmpty {
        let sameSource = pauseEnd.filter { $0.citation == event.source.citation }
        for report in sameSource.isEmpty ? pauseEnd : sameSource {
          var derived = report
          derived.derivation = "ends with its pause: \(report.spec?.description ?? "derived")"
          if !endReports.contains(derived) { endReports.append(derived) }
        }
      }
    }
    let end = closures.isEmpty ? Boundary(reports: endReports) : Boundary(reports: closures)
    return CorridorTrack(
      id: id, pause: pause, area: area, counts: counts, users: users, route: route,
      dailyHours: dailyHours, start: Boundary(reports: startReports), end: end, eventIDs: eventIDs)
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
