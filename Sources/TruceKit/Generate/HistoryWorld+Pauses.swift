/// Pauses: declared, reported again, extended, suspended and resumed, ended.
extension HistoryWorld {
  mutating func declarePause() -> EventDraft {
    let area = anyArea()
    let zone = zone(area)
    var draft = EventDraft(.pauseDeclared, area: area, announced: clock)
    let id = newItemID("pause")
    var start = halfHour(atOrAfter: clock.adding(seconds: span(0...5)), in: area)
    var startForm: TimeForm?
    if random.chance(1, in: 6),
      let change = speller.transition(after: clock, within: 30 * 86_400, in: zone)
    {
      // A start near a change of the clocks, in local time when that names one instant.
      start = change.adding(seconds: 1800 * Int64(random.int(in: -4...4)))
      startForm = .local
    }
    let givesStart = random.chance(17, in: 20)
    if !givesStart {
      // The pause starts with its announcement, so that is dated to a range of days at worst.
      start = clock
      draft.announcedForm = TimeSpeller.draw(TimeSpeller.datedAnnouncement, &random)
    }
    let end: Instant? =
      random.chance(4, in: 5)
      ? halfHour(atOrAfter: max(start, clock).adding(seconds: span(10...60)), in: area) : nil
    var payload: [(String, JSONValue)] = [
      ("pause", .string(id)), ("kind", .string(random.element(of: PauseKind.allCases).rawValue)),
    ]
    if random.chance(1, in: 4) {
      payload.append(("scope", .string(random.element(of: Self.scopes))))
    }
    var window = JSONObject()
    if givesStart { window["start"] = moment(start, in: area, form: startForm) }
    if let end { window["end"] = moment(end, in: area) }
    if !window.isEmpty { payload.append(("window", .object(window))) }
    if random.chance(3, in: 20) {
      features.dailyHours += 1
      payload.append(("dailyHours", dailyHours()))
    }
    if random.chance(1, in: 6) {
      payload.append(("conditions", .array([.string(random.element(of: Self.conditions))])))
    }
    if random.chance(1, in: 4) {
      payload.append(("parties", .array(oneOrTwo(areas.theatres[theatre].profile.actors))))
    }
    if random.chance(1, in: 8) { payload.append(("unilateral", .bool(random.chance(1, in: 2)))) }
    draft.payload = payload
    draft.founds = id
    if random.chance(1, in: 8) { draft.quote = random.element(of: Self.declarationQuotes) }
    state.pauses.append(
      PauseState(
        id: id, area: area, announced: clock, start: start, end: end,
        declaration: eventID))
    return draft
  }

  /// Another source's report of a declaration, with another end: it disputes the first.
  mutating func reportPauseAgain() -> EventDraft {
    let index = random.below(state.pauses.count)
    let pause = state.pauses[index]
    state.pauses[index].followed = true
    var draft = EventDraft(.pauseDeclared, area: pause.area, announced: pause.announced)
    draft.disputes = [pause.declaration]
    let hours = Int64(random.element(of: [-6, -3, -2, -1, 1, 2, 3, 6, 12, 24]))
    var end = (pause.end ?? pause.start.adding(seconds: span(10...40))).adding(
      seconds: hours * 3600)
    if end <= pause.start { end = pause.start.adding(seconds: span(10...40)) }
    draft.payload = [
      ("pause", .string(pause.id)),
      ("kind", .string(random.element(of: PauseKind.allCases).rawValue)),
      (
        "window",
        ["start": moment(pause.start, in: pause.area), "end": moment(end, in: pause.area)]
      ),
    ]
    draft.note = "Another source gives a different end."
    return draft
  }

  /// An extension reported by another source as a new pause: the same announcement, recorded
  /// under the pause's id (as the bundled history records Putin's "new pause"), so that its end
  /// competes with the extension's and the pause keeps its own start.
  mutating func reportExtensionAsPause() -> EventDraft {
    let pause = random.element(of: state.pauses.filter { $0.lastExtension != nil })
    let area = pause.area
    var draft = EventDraft(.pauseDeclared, area: area, announced: clock)
    guard let extended = pause.lastExtension else { return draft }
    draft.announced = extended.announced
    draft.sameAnnouncementAs = [extended.event]
    let end = extended.to.adding(seconds: 3600 * Int64(random.int(in: 0...6)))
    draft.payload = [
      ("pause", .string(pause.id)),
      ("kind", .string(random.element(of: PauseKind.allCases).rawValue)),
      (
        "window",
        [
          "start": moment(extended.from ?? extended.announced, in: area),
          "end": moment(end, in: area),
        ]
      ),
    ]
    draft.note = "Reported as a new pause; other sources call it an extension."
    return draft
  }

  mutating func extendPause() -> EventDraft {
    let index = random.below(state.pauses.count)
    let pause = state.pauses[index]
    state.pauses[index].followed = true
    var draft = EventDraft(.pauseExtended, area: pause.area, announced: clock)
    if let extended = pause.lastExtension, random.chance(1, in: 8) {
      // The same extension in another source's words.
      draft.announced = extended.announced
      draft.sameAnnouncementAs = [extended.event]
      draft.payload = [("pause", .string(pause.id)), ("end", moment(extended.to, in: pause.area))]
      draft.end = extended.to
      return draft
    }
    let base = max(pause.end ?? clock, clock, pause.start)
    var end: Instant? = halfHour(atOrAfter: base.adding(seconds: span(5...30)), in: pause.area)
    var form: TimeForm?
    if random.chance(1, in: 5),
      let change = speller.transition(after: base, within: 30 * 86_400, in: zone(pause.area))
    {
      end = change.adding(seconds: 1800 * Int64(random.int(in: 0...6)))
      form = .local
    }
    if random.chance(3, in: 25) {
      end = nil
      features.nullEnds += 1
    }
    draft.payload = [
      ("pause", .string(pause.id)),
      ("end", end.map { moment($0, in: pause.area, form: form) } ?? .null),
    ]
    draft.end = end
    if let end {
      state.pauses[index].lastExtension = (eventID, clock, pause.end, end)
    }
    state.pauses[index].end = end
    return draft
  }

  mutating func suspendPause() -> EventDraft {
    let open = state.pauses.indices.filter { state.pauses[$0].suspension == nil }
    let index = random.element(of: open)
    let pause = state.pauses[index]
    var draft = EventDraft(.pauseSuspended, area: pause.area, announced: clock)
    let at = halfHour(
      atOrAfter: max(clock, pause.start).adding(seconds: span(0...3)), in: pause.area)
    draft.payload = [
      ("pause", .string(pause.id)),
      ("at", moment(at, in: pause.area, table: TimeSpeller.boundedMoment)),
    ]
    state.pauses[index].suspension = (eventID, at)
    state.pauses[index].followed = true
    return draft
  }

  /// Another report of a suspension still in force, naming the first.
  mutating func reportSuspensionAgain() -> EventDraft {
    let pause = random.element(of: state.pauses.filter { $0.suspension != nil })
    var draft = EventDraft(.pauseSuspended, area: pause.area, announced: clock)
    guard let suspension = pause.suspension else { return draft }
    let at = moment(suspension.at, in: pause.area, table: TimeSpeller.boundedMoment)
    if random.chance(1, in: 3) {
      draft.disputes = [suspension.event]
    } else {
      draft.sameAnnouncementAs = [suspension.event]
    }
    draft.payload = [("pause", .string(pause.id)), ("at", at)]
    return draft
  }

  mutating func resumePause() -> EventDraft {
    let suspended = state.pauses.indices.filter { state.pauses[$0].suspension != nil }
    let index = random.element(of: suspended)
    let pause = state.pauses[index]
    var draft = EventDraft(.pauseResumed, area: pause.area, announced: clock)
    let since = pause.suspension?.at ?? pause.start
    let at = halfHour(atOrAfter: max(clock, since).adding(seconds: span(1...10)), in: pause.area)
    draft.payload = [
      ("pause", .string(pause.id)),
      ("at", moment(at, in: pause.area, table: TimeSpeller.boundedMoment)),
    ]
    state.pauses[index].suspension = nil
    return draft
  }

  mutating func endPause() -> EventDraft {
    let full = state.pauses.count >= TheatreState.pauseLimit
    let index = full ? 0 : random.below(state.pauses.count)
    let pause = state.pauses.remove(at: index)
    state.corridors.removeAll { $0.pause == pause.id }
    var draft = EventDraft(.pauseEnded, area: pause.area, announced: clock)
    var reopened = pause
    reopened.followed = true
    draft.reopens = .pause(reopened)
    let now = max(clock, pause.start)
    let at: Instant
    let how: PauseEnding
    if let end = pause.end, end <= now.adding(seconds: scale), random.chance(3, in: 4) {
      at = end
      how = random.chance(4, in: 5) ? .expired : .unspecified
    } else {
      at = halfHour(atOrAfter: now.adding(seconds: span(0...4)), in: pause.area)
      how = random.element(of: [.collapsed, .revoked, .unspecified])
    }
    draft.payload = [
      ("pause", .string(pause.id)), ("at", moment(at, in: pause.area)),
      ("how", .string(how.rawValue)),
    ]
    if how == .collapsed && random.chance(1, in: 2) { draft.quote = "the truce collapsed" }
    return draft
  }

  private mutating func dailyHours() -> JSONValue {
    let from = random.int(in: 6...10)
    let to = random.int(in: 15...20)
    return ["from": .string("\(pad(from, 2)):00"), "to": .string("\(pad(to, 2)):00")]
  }

  static let scopes = [
    "air strikes", "air and artillery strikes", "all hostilities", "shelling of the city",
    "ground operations",
  ]
  static let conditions = [
    "fighters leave the city", "aid convoys are let through", "heavy weapons are withdrawn",
    "prisoners are exchanged", "monitors are admitted",
  ]
  static let declarationQuotes = [
    "a humanitarian pause", "a halt to air strikes", "a ceasefire will take effect",
    "a pause on attacks", "a window for civilians to leave",
  ]
}
