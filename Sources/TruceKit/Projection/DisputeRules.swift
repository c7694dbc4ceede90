/// Which facts the reports of one pause, corridor group, offensive or statement dispute.
///
/// The full list of a projection's disputes is these, owner by owner, in the order
/// ``Folder/finish(folded:)`` lists them; a replay computes them again only for what an event
/// touched.
enum DisputeRules {
  /// A pause's daily hours, listed after every pause's other disputes.
  static func dailyHoursDisputes(_ track: PauseTrack) -> [Dispute] {
    citedDispute(track.id, "daily hours", track.dailyHours) { $0.description }
  }

  /// A corridor group's disputes: count, pause, route, daily hours, start and end.
  static func corridorDisputes(_ track: CorridorTrack) -> [Dispute] {
    citedDispute(track.id, "count", track.counts) { "\($0)" }
      + citedDispute(track.id, "pause", track.pauses) { $0 }
      + citedDispute(track.id, "route", track.routes) { $0 }
      + citedDispute(track.id, "daily hours", track.dailyHours) { $0.description }
      + boundaryDisputes(subject: track.id, start: track.start, end: track.end)
  }

  /// An offensive's disputes: start and end.
  static func offensiveDisputes(_ track: OffensiveTrack) -> [Dispute] {
    boundaryDisputes(subject: track.id, start: track.start, end: track.end)
  }

  /// The dispute a statement makes with the events it contradicts; none while none of them is on
  /// the record.
  static func claim(_ position: Int, in events: some FoldEvents, folded: (String) -> Int?)
    -> Dispute?
  {
    let disputed = events.disputes(at: position)
    guard !disputed.isEmpty else { return nil }
    let targets = disputed.compactMap(folded)
    guard let first = targets.first else { return nil }
    var versions = [version(of: position, in: events)]
    for target in targets { versions.append(version(of: target, in: events)) }
    let subject =
      events.subject(at: position) ?? events.subject(at: first) ?? events.id(at: first)
    return Dispute(subject: subject, aspect: "claim", versions: versions)
  }

  /// One side of a claim: what an event's source says, in its words when quoted.
  private static func version(of position: Int, in events: some FoldEvents) -> Dispute.Version {
    Dispute.Version(
      says: events.words(at: position) ?? events.type(at: position).rawValue,
      citationList: SmallList(one: events.citation(at: position)),
      eventIDList: SmallList(one: events.id(at: position)))
  }

  /// A dispute when reports give more than one value for the same fact.
  private static func citedDispute<Value>(
    _ subject: String, _ aspect: String, _ values: [Cited<Value>],
    says: (Value) -> String
  ) -> [Dispute] {
    guard values.count > 1 else { return [] }
    let versions = values.map {
      Dispute.Version(
        says: says($0.value), citationList: $0.citationList, eventIDList: $0.eventIDList)
    }
    return [Dispute(subject: subject, aspect: aspect, versions: versions)]
  }

  /// Disputes of a start and an end: a pause's, listed with its own (after what was announced).
  static func boundaryDisputes(subject: String, start: Boundary, end: Boundary)
    -> [Dispute]
  {
    guard start.isDisputed || end.isDisputed else { return [] }
    return [
      boundaryDispute(subject: subject, aspect: "start", start),
      boundaryDispute(subject: subject, aspect: "end", end),
    ].compactMap { $0 }
  }

  /// The versions of a disputed boundary (see ``Boundary/versions``), each with its events; a
  /// local wall time is shown with the UTC instant it names, "2016-11-04T19:00 (local,
  /// 17:00Z)", so that a dispute between local time and GMT reads plainly.
  ///
  /// Each report's time is put into words once: that is the costly part.
  private static func boundaryDispute(subject: String, aspect: String, _ boundary: Boundary)
    -> Dispute?
  {
    guard boundary.isDisputed else { return nil }
    let reports = boundary.reports
    let written = reports.map { $0.spec?.description }
    var versions: [(text: String, citations: [String])] = []
    for (report, text) in zip(reports, written) {
      let text = text ?? report.derivation ?? "derived"
      if let index = versions.firstIndex(where: { $0.text == text }) {
        if !versions[index].citations.contains(report.citation) {
          versions[index].citations.append(report.citation)
        }
      } else {
        versions.append((text, [report.citation]))
      }
    }
    let disputed = versions.map { version in
      var says = version.text
      if let first = written.firstIndex(where: { $0 == version.text }),
        case .instant(_, .local)? = reports[first].spec, reports[first].range.isExact,
        let instant = reports[first].range.earliest
      {
        says = "\(version.text) (local, \(instant.iso8601))"
      }
      let eventIDs = zip(reports, written).filter { report, text in
        (text ?? report.derivation) == version.text
      }
      return Dispute.Version(
        says: says, citations: version.citations, eventIDs: eventIDs.map(\.0.eventID))
    }
    return Dispute(subject: subject, aspect: aspect, versions: disputed)
  }
}
