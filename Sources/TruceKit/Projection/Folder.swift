/// Accumulates events, in announcement order, into drafts of every pause, corridor group and
/// offensive; ``finish()`` turns the drafts into tracks with their boundaries.
struct Folder {
  private var pauses: [String: PauseDraft] = [:]
  private var pauseOrder: [String] = []
  private var corridors: [String: CorridorDraft] = [:]
  private var corridorOrder: [String] = []
  private var offensives: [String: OffensiveDraft] = [:]
  private var offensiveOrder: [String] = []
  private var proposals: [Event] = []
  private var statements: [Event] = []
  private var violations: [Event] = []
  private var byID: [String: Event] = [:]

  mutating func fold(_ event: Event) {
    byID[event.id] = event
    switch event.payload {
    case .pauseDeclared(let declaration):
      ensurePause(declaration.pause, area: event.area)
      pauses[declaration.pause]?.declare(declaration, by: event)
    case .pauseExtended(let pause, let end):
      ensurePause(pause, area: event.area)
      pauses[pause]?.endCandidates.append(EndCandidate(event: event, end: end))
      pauses[pause]?.eventIDs.append(event.id)
    case .pauseSuspended(let pause, let at):
      ensurePause(pause, area: event.area)
      let links = Set(event.sameAnnouncementAs + event.disputes)
      if let index = pauses[pause]?.suspensions.firstIndex(where: {
        !links.isDisjoint(with: $0.events)
      }) {
        // Another report of a suspension already on the record: weigh its time with the others.
        pauses[pause]?.suspensions[index].from.append(BoundaryReport(at, of: event))
        pauses[pause]?.suspensions[index].events.append(event.id)
      } else {
        pauses[pause]?.suspensions.append(
          SuspensionDraft(events: [event.id], from: [BoundaryReport(at, of: event)]))
      }
      pauses[pause]?.eventIDs.append(event.id)
    case .pauseResumed(let pause, let at):
      ensurePause(pause, area: event.area)
      if let index = pauses[pause]?.suspensions.indices.last {
        pauses[pause]?.suspensions[index].to.append(BoundaryReport(at, of: event))
      }
      pauses[pause]?.eventIDs.append(event.id)
    case .pauseEnded(let pause, let at, let how):
      ensurePause(pause, area: event.area)
      pauses[pause]?.endings.append(BoundaryReport(at, of: event))
      if pauses[pause]?.endHow.contains(how) == false { pauses[pause]?.endHow.append(how) }
      pauses[pause]?.eventIDs.append(event.id)
    case .corridorOpened(let opening):
      if corridors[opening.corridor] == nil {
        corridors[opening.corridor] = CorridorDraft(id: opening.corridor, area: event.area)
        corridorOrder.append(opening.corridor)
      }
      corridors[opening.corridor]?.open(opening, by: event)
    case .corridorClosed(let corridor, let at):
      corridors[corridor]?.closures.append(BoundaryReport(at, of: event))
      corridors[corridor]?.eventIDs.append(event.id)
    case .offensiveLaunched(let launch):
      ensureOffensive(launch.offensive, area: event.area)
      offensives[launch.offensive]?.launch(launch, by: event)
    case .offensiveScaledBack(let offensive, let at):
      ensureOffensive(offensive, area: event.area)
      offensives[offensive]?.phases.append(
        OffensivePhase(change: .scaledBack, at: BoundaryReport(at, of: event)))
      offensives[offensive]?.eventIDs.append(event.id)
    case .offensiveIntensified(let offensive, let at):
      ensureOffensive(offensive, area: event.area)
      offensives[offensive]?.phases.append(
        OffensivePhase(change: .intensified, at: BoundaryReport(at, of: event)))
      offensives[offensive]?.eventIDs.append(event.id)
    case .offensiveEnded(let offensive, let at):
      ensureOffensive(offensive, area: event.area)
      offensives[offensive]?.endings.append(BoundaryReport(at, of: event))
      offensives[offensive]?.eventIDs.append(event.id)
    case .violationReported: violations.append(event)
    case .proposal: proposals.append(event)
    case .statement(let kind, let about):
      statements.append(event)
      if kind == .condition {
        for subject in about where pauses[subject] != nil {
          pauses[subject]?.conditions.addCited(
            event.source.quote ?? event.note ?? "condition", event: event)
        }
      }
    case .erratum, .retraction: break
    }
  }

  /// Starts a draft for a pause first met in an event other than its declaration, which can
  /// happen when the declaration was not yet announced at the as-of moment.
  private mutating func ensurePause(_ id: String, area: String) {
    guard pauses[id] == nil else { return }
    pauses[id] = PauseDraft(id: id, area: area)
    pauseOrder.append(id)
  }

  private mutating func ensureOffensive(_ id: String, area: String) {
    guard offensives[id] == nil else { return }
    offensives[id] = OffensiveDraft(id: id, area: area)
    offensiveOrder.append(id)
  }

  func finish() -> FoldResult {
    let pauseTracks = pauseOrder.compactMap { pauses[$0]?.track() }
    let pauseByID = Dictionary(uniqueKeysWithValues: pauseTracks.map { ($0.id, $0) })
    let corridorTracks = corridorOrder.compactMap { id in
      corridors[id].map { $0.track(pauses: pauseByID) }
    }
    let offensiveTracks = offensiveOrder.compactMap { offensives[$0]?.track() }
    var disputes: [Dispute] = []
    for id in pauseOrder {
      guard let draft = pauses[id], let track = pauseByID[id] else { continue }
      disputes += draft.characterizationDisputes(byID: byID)
      disputes += boundaryDisputes(subject: id, start: track.start, end: track.end)
    }
    for track in pauseTracks {
      disputes += citedDispute(
        track.id, "daily hours", track.dailyHours.map { $0.map(\.description) })
    }
    for track in corridorTracks {
      disputes += citedDispute(track.id, "count", track.counts.map { $0.map { "\($0)" } })
      disputes += citedDispute(track.id, "pause", track.pauses)
      disputes += citedDispute(track.id, "route", track.routes)
      disputes += citedDispute(
        track.id, "daily hours", track.dailyHours.map { $0.map(\.description) })
      disputes += boundaryDisputes(subject: track.id, start: track.start, end: track.end)
    }
    for track in offensiveTracks {
      disputes += boundaryDisputes(subject: track.id, start: track.start, end: track.end)
    }
    disputes += statementDisputes()
    return FoldResult(
      pauses: pauseTracks, corridors: corridorTracks, offensives: offensiveTracks,
      proposals: proposals,
      statements: statements, violations: violations, disputes: disputes)
  }

  /// A local wall time as written, with the UTC instant it names: "2016-11-04T19:00 (local,
  /// 17:00Z)", so that a dispute between local time and GMT reads plainly.
  static func withUTC(_ text: String, _ boundary: Boundary) -> String {
    guard let report = boundary.reports.first(where: { $0.spec?.description == text }),
      case .instant(_, .local)? = report.spec, report.range.isExact,
      let instant = report.range.earliest
    else { return text }
    return "\(text) (local, \(instant.iso8601))"
  }

  /// A dispute when reports give more than one value for the same fact.
  private func citedDispute(_ subject: String, _ aspect: String, _ values: [Cited<String>])
    -> [Dispute]
  {
    guard values.count > 1 else { return [] }
    let versions = values.map {
      Dispute.Version(says: $0.value, citations: $0.citations, eventIDs: $0.eventIDs)
    }
    return [Dispute(subject: subject, aspect: aspect, versions: versions)]
  }

  private func boundaryDisputes(subject: String, start: Boundary, end: Boundary) -> [Dispute] {
    [("start", start), ("end", end)].compactMap { aspect, boundary in
      guard boundary.isDisputed else { return nil }
      let versions = boundary.versions.map { version in
        Dispute.Version(
          says: Folder.withUTC(version.text, boundary), citations: version.citations,
          eventIDs: boundary.reports.filter {
            ($0.spec?.description ?? $0.derivation) == version.text
          }
          .map(\.eventID))
      }
      return Dispute(subject: subject, aspect: aspect, versions: versions)
    }
  }

  /// A dispute for each statement that contradicts events folded so far; one whose targets are
  /// not (yet) on the record disputes nothing yet.
  private func statementDisputes() -> [Dispute] {
    statements.compactMap { statement in
      let targets = statement.disputes.compactMap { byID[$0] }
      guard !targets.isEmpty else { return nil }
      var versions = [
        Dispute.Version(
          says: statement.source.quote ?? statement.note ?? statement.type.rawValue,
          citations: [statement.source.citation], eventIDs: [statement.id])
      ]
      for target in targets {
        versions.append(
          Dispute.Version(
            says: target.source.quote ?? target.note ?? target.type.rawValue,
            citations: [target.source.citation], eventIDs: [target.id]))
      }
      let subject = statement.subject ?? targets.first.map { $0.subject ?? $0.id } ?? statement.id
      return Dispute(subject: subject, aspect: "claim", versions: versions)
    }
  }
}

/// What a finished fold yields.
struct FoldResult {
  var pauses: [PauseTrack]
  var corridors: [CorridorTrack]
  var offensives: [OffensiveTrack]
  var proposals: [Event]
  var statements: [Event]
  var violations: [Event]
  var disputes: [Dispute]
}
