/// A planned end of a pause: from a declaration's window or an extension.
struct EndCandidate {
  var event: Event
  /// The new end; `nil` when an extension's new end was not reported.
  var end: Stamp?
}

/// A suspension being folded: every report of when it began, and of when it ended.
struct SuspensionDraft {
  var events: [String]
  var from: [BoundaryReport]
  var to: [BoundaryReport] = []
}

/// A pause being folded: every report so far, not yet reconciled.
struct PauseDraft {
  let id: String
  let area: String
  var kinds: [Cited<PauseKind>] = []
  var scopes: [String] = []
  var parties: [String] = []
  var conditions: [Cited<String>] = []
  var dailyHours: [Cited<DailyHours>] = []
  var startReports: [BoundaryReport] = []
  /// Declarations without a start of their own, from which the start is derived.
  var startlessDeclarations: [Event] = []
  var endCandidates: [EndCandidate] = []
  var endings: [BoundaryReport] = []
  var endHow: [PauseEnding] = []
  var suspensions: [SuspensionDraft] = []
  var eventIDs: [String] = []
  /// Declarations that report, in other words, an announcement another event also reports.
  var recharacterizations: [Event] = []

  init(id: String, area: String) {
    self.id = id
    self.area = area
  }

  mutating func declare(_ declaration: PauseDeclaration, by event: Event) {
    eventIDs.append(event.id)
    kinds.addCited(declaration.kind, event: event)
    if let scope = declaration.scope, !scopes.contains(scope) { scopes.append(scope) }
    for party in declaration.parties where !parties.contains(party) { parties.append(party) }
    for condition in declaration.conditions { conditions.addCited(condition, event: event) }
    if let hours = declaration.dailyHours { dailyHours.addCited(hours, event: event) }
    // A declaration that reports the same announcement as another event (an extension, in
    // another source's words) describes a new stage: its window start is that stage's, not
    // the pause's; its end competes with the other reports of the end.
    if event.sameAnnouncementAs.isEmpty {
      if let start = declaration.window.start {
        startReports.append(BoundaryReport(start, of: event))
      } else {
        startlessDeclarations.append(event)
      }
    } else {
      recharacterizations.append(event)
    }
    if declaration.window.end != nil {
      endCandidates.append(EndCandidate(event: event, end: declaration.window.end))
    }
  }

  func track() -> PauseTrack {
    PauseTrack(
      id: id, area: area, kinds: kinds, scopes: scopes, parties: parties, conditions: conditions,
      dailyHours: dailyHours, start: start, end: end, endings: endHow,
      suspensions: suspensions.map { draft in
        Suspension(from: Boundary(reports: draft.from), to: Boundary(reports: draft.to))
      },
      eventIDs: eventIDs)
  }

  /// The start: every declaration's own start; failing any, the pause is taken to start with
  /// the announcement certainly made first (the one whose latest possible time is earliest).
  private var start: Boundary {
    if !startReports.isEmpty { return Boundary(reports: startReports) }
    let first = startlessDeclarations.min { lhs, rhs in
      (lhs.announced.range.latest ?? .distantFuture, lhs.announced.range.earliest ?? .distantPast)
        < (
          rhs.announced.range.latest ?? .distantFuture, rhs.announced.range.earliest ?? .distantPast
        )
    }
    guard let first else { return Boundary() }
    return Boundary(reports: [
      BoundaryReport(
        range: first.announced.range, spec: nil, eventID: first.id, citation: first.source.citation,
        derivation: "start not given: from its announcement (\(first.announced))")
    ])
  }

  /// The end: reported endings if any; otherwise the planned ends not superseded. Only an
  /// extension supersedes, and only ends announced certainly before it; other reports of the
  /// end (declarations, extensions that cannot be ordered) compete, and differing ones make a
  /// dispute.
  private var end: Boundary {
    if !endings.isEmpty { return Boundary(reports: endings) }
    let standing = endCandidates.filter { candidate in
      !endCandidates.contains { other in
        other.event.type == .pauseExtended && other.event.id != candidate.event.id
          && isCertainlyLater(other.event, than: candidate.event)
      }
    }
    return Boundary(
      reports: standing.compactMap { candidate in
        candidate.end.map { BoundaryReport($0, of: candidate.event) }
      })
  }

  private func isCertainlyLater(_ event: Event, than other: Event) -> Bool {
    if event.sameAnnouncementAs.contains(other.id) || other.sameAnnouncementAs.contains(event.id) {
      return false
    }
    guard let earliest = event.announced.range.earliest, let latest = other.announced.range.latest
    else {
      return false
    }
    return earliest > latest
  }

  /// One dispute per re-characterized announcement: what each source says was announced.
  func characterizationDisputes(byID: [String: Event]) -> [Dispute] {
    recharacterizations.compactMap { event in
      let others = event.sameAnnouncementAs.compactMap { byID[$0] }
      // Until another report of the announcement is on the record, nothing is disputed.
      guard !others.isEmpty else { return nil }
      return Dispute(
        subject: id, aspect: "what was announced",
        versions: [version(of: event)] + others.map { version(of: $0) })
    }
  }

  private func version(of event: Event) -> Dispute.Version {
    let says: String
    switch event.payload {
    case .pauseDeclared(let declaration):
      let window = [
        declaration.window.start.map { "from \($0)" }, declaration.window.end.map { "until \($0)" },
      ]
      .compactMap { $0 }.joined(separator: " ")
      says = "a new \(declaration.kind.rawValue)" + (window.isEmpty ? "" : " \(window)")
    case .pauseExtended(_, let end):
      says =
        "an extension of the pause in force"
        + (end.map { " until \($0)" } ?? ", new end not reported")
    default:
      says = event.type.rawValue
    }
    return Dispute.Version(says: says, citations: [event.source.citation], eventIDs: [event.id])
  }
}
