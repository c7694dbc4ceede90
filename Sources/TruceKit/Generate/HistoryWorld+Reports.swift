/// Violations, proposals, statements and corrections.
extension HistoryWorld {
  mutating func reportViolation() -> EventDraft {
    var payload: [(String, JSONValue)] = []
    var area = anyArea()
    if !state.pauses.isEmpty && random.chance(11, in: 20) {
      let pause = random.element(of: state.pauses)
      area = areaWithin(pause.area)
      payload.append(("pause", .string(pause.id)))
    }
    if !state.offensives.isEmpty && random.chance(1, in: 4) {
      payload.append(("offensive", .string(random.element(of: state.offensives).id)))
    }
    var draft = EventDraft(.violationReported, area: area, announced: clock)
    let at = halfHour(atOrAfter: clock.adding(seconds: -span(0...3)), in: area)
    payload.append(("at", moment(at, in: area)))
    if random.chance(1, in: 2) {
      payload.append(
        ("by", .array([.string(random.element(of: areas.theatres[theatre].profile.groups))])))
    }
    draft.payload = payload
    if random.chance(1, in: 8) { draft.quote = random.element(of: Self.violationQuotes) }
    return draft
  }

  mutating func propose() -> EventDraft {
    var draft = EventDraft(.proposal, area: anyArea(), announced: clock)
    let id = newItemID("proposal")
    draft.payload = [
      ("proposal", .string(id)),
      ("kind", .string(random.element(of: ProposalKind.allCases).rawValue)),
      ("terms", .array(oneOrTwo(Self.terms))),
    ]
    if random.chance(1, in: 3) {
      draft.payload.append(("parties", .array(oneOrTwo(areas.theatres[theatre].profile.actors))))
    }
    if state.proposals.count >= 6 { state.proposals.removeFirst() }
    state.proposals.append(id)
    draft.founds = id
    return draft
  }

  mutating func makeStatement() -> EventDraft {
    var draft = EventDraft(.statement, area: anyArea(), announced: clock)
    let kind = random.element(of: StatementKind.allCases)
    draft.payload = [("kind", .string(kind.rawValue))]
    let subjects = state.subjects
    if !subjects.isEmpty && random.chance(4, in: 5) {
      draft.payload.append(("about", .array(oneOrTwo(subjects))))
    }
    let disputable = state.recent.filter { Self.disputable.contains($0.type) }
    if !disputable.isEmpty && random.chance(1, in: 4) {
      let target = random.element(of: disputable)
      draft.disputes = [target.id]
      draft.area = target.area
    }
    if random.chance(1, in: 4) {
      draft.quote = random.element(of: Self.statementQuotes[kind] ?? [])
    }
    return draft
  }

  /// An erratum of a recent event: new values for some of its fields, or a void.
  mutating func correctRecentEvent() -> EventDraft {
    let target = random.element(of: state.recent)
    var draft = EventDraft(.erratum, area: recordingArea(ofErratumOf: target), announced: clock)
    draft.announcedBy = ["analyst"]
    draft.announcedForm = random.chance(1, in: 2) ? .day : .utc
    // Re-read as amended against the log so far, a suspension or resumption could clash with
    // itself; those are only voided. A declaration that later reports rely on is not voided
    // (see ``TheatreState/isWithdrawable(_:)``): it gets other values instead.
    let voids =
      ([.pauseSuspended, .pauseResumed].contains(target.type) || random.chance(1, in: 5))
      && state.isWithdrawable(target)
    if voids {
      state.withdraw(target)
      draft.payload = [("corrects", .string(target.id)), ("void", .bool(true))]
      draft.note = random.element(of: ["Recorded twice.", "Not in the source."])
      return draft
    }
    let set: JSONObject
    let profile = areas.theatres[theatre].profile
    switch target.type {
    case .violationReported: set = ["by": [.string(random.element(of: profile.groups))]]
    case .statement:
      let kind = random.element(of: StatementKind.allCases).rawValue
      // One in three moves the statement to another area of the theatre instead.
      let elsewhere = otherArea(than: target.area)
      set =
        seq % 3 == 0 && elsewhere != target.area
        ? ["area": .string(areas.areas[elsewhere].id)] : ["kind": .string(kind)]
    case .pauseEnded: set = ["how": .string(random.element(of: PauseEnding.allCases).rawValue)]
    case .corridorOpened: set = ["count": .int(random.int(in: 1...10))]
    case .offensiveLaunched: set = ["aim": .string(random.element(of: Self.aims))]
    case .proposal: set = ["kind": .string(random.element(of: ProposalKind.allCases).rawValue)]
    case .pauseExtended where target.end != nil:
      let end = (target.end ?? clock).adding(seconds: 86_400)
      set = ["end": moment(end, in: target.area)]
      draft.note = "The source gives an end a day later."
    default: set = ["announcedBy": [.string(random.element(of: profile.actors))]]
    }
    draft.payload = [("corrects", .string(target.id)), ("set", .object(set))]
    return draft
  }

  /// Where an erratum is recorded: mostly in the area of the event it corrects, but one in four
  /// in another area of the theatre (an analyst files a correction where its source reported
  /// it), so that the index's answers are compared with errata recorded elsewhere too. Chosen
  /// from the event's sequence number, not drawn: the rest of the history stays as it was.
  private func recordingArea(ofErratumOf target: RecentEvent) -> Int {
    seq % 4 == 0 ? otherArea(than: target.area) : target.area
  }

  /// The area after `area` among its theatre's (itself when the theatre has one).
  private func otherArea(than area: Int) -> Int {
    let theatreAreas = areas.theatres[theatre].areas
    guard let at = theatreAreas.firstIndex(of: area) else { return area }
    return theatreAreas[(at + 1) % theatreAreas.count]
  }

  /// A source withdraws a recent event.
  mutating func retractRecentEvent() -> EventDraft {
    let target = random.element(of: state.recent.filter(state.isWithdrawable))
    state.withdraw(target)
    var draft = EventDraft(.retraction, area: target.area, announced: clock)
    draft.announcedBy = [random.element(of: areas.theatres[theatre].profile.publications)]
    draft.payload = [("retracts", .string(target.id))]
    return draft
  }

  static let disputable: Set<EventType> = [
    .violationReported, .statement, .pauseDeclared, .corridorOpened, .pauseEnded,
  ]
  static let terms = [
    "aid deliveries", "grounding of planes", "withdrawal of heavy weapons", "prisoner exchange",
    "evacuation of the wounded", "monitoring mission",
  ]
  static let violationQuotes = [
    "shelling continued despite the truce", "an air strike hit a market",
    "sniper fire on the corridor", "rockets fired at residential areas",
  ]
  static let statementQuotes: [StatementKind: [String]] = [
    .condition: ["only if the fighters leave", "provided the convoys are searched"],
    .refusal: ["we reject this so-called pause", "no withdrawal under fire"],
    .claim: ["no shot was fired", "the other side broke the truce first"],
    .call: ["we call on all sides to hold fire", "the corridors must stay open"],
  ]
}
