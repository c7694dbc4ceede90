/// How the reports of an offensive go into its track: an offensive needs no reconciling beyond
/// putting its phases in time order.
enum OffensiveDraft {
  /// A track with nothing reported yet.
  static func emptyTrack(id: String, area: String) -> OffensiveTrack {
    OffensiveTrack(
      id: id, area: area, parties: [], aims: [], start: Boundary(), end: Boundary(), phases: [],
      eventIDs: [])
  }

  /// Folds the offensive event at `position`; other events are ignored.
  static func fold(_ position: Int, into track: inout OffensiveTrack, in events: some FoldEvents) {
    let event = FoldedEvent(position, in: events)
    switch events.payload(at: position) {
    case .offensiveLaunched(let launch): self.launch(launch, event, into: &track)
    case .offensiveScaledBack(_, let at): phase(.scaledBack, at: at, event, into: &track)
    case .offensiveIntensified(_, let at): phase(.intensified, at: at, event, into: &track)
    case .offensiveEnded(_, let at): end(at: at, event, into: &track)
    default: break
    }
  }

  static func launch(
    _ launch: OffensiveLaunch, _ event: FoldedEvent, into track: inout OffensiveTrack
  ) {
    track.start.reports.append(BoundaryReport(launch.at, of: event))
    for party in launch.parties where !track.parties.contains(party) {
      track.parties.append(party)
    }
    if let aim = launch.aim, !track.aims.contains(aim) { track.aims.append(aim) }
    track.eventIDs.append(event.id)
  }

  static func phase(
    _ change: OffensivePhase.Change, at: Stamp, _ event: FoldedEvent,
    into track: inout OffensiveTrack
  ) {
    track.phases.append(OffensivePhase(change: change, at: BoundaryReport(at, of: event)))
    track.eventIDs.append(event.id)
  }

  static func end(at: Stamp, _ event: FoldedEvent, into track: inout OffensiveTrack) {
    track.end.reports.append(BoundaryReport(at, of: event))
    track.eventIDs.append(event.id)
  }

  /// Puts the phases in time order; phases reported at the same time keep their order.
  static func finish(_ track: inout OffensiveTrack) {
    track.phases.sort { lhs, rhs in
      (lhs.at.range.earliest?.secondsSinceEpoch ?? Int64.min)
        < (rhs.at.range.earliest?.secondsSinceEpoch ?? Int64.min)
    }
  }
}
