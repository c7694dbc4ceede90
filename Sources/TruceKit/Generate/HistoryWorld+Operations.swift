/// Corridor groups and offensives.
extension HistoryWorld {
  mutating func openCorridors() -> EventDraft {
    let pauseIndex = random.below(state.pauses.count)
    let pause = state.pauses[pauseIndex]
    state.pauses[pauseIndex].followed = true
    let area = areaWithin(pause.area)
    var draft = EventDraft(.corridorOpened, area: area, announced: clock)
    let id = newItemID("corridors")
    let base = max(clock, pause.start)
    let givesStart = random.chance(7, in: 10)
    if !givesStart {
      // The corridors open with their announcement, so that is dated to a range of days at worst.
      draft.announcedForm = TimeSpeller.draw(TimeSpeller.datedAnnouncement, &random)
    }
    let start =
      givesStart ? halfHour(atOrAfter: base.adding(seconds: span(0...5)), in: area) : clock
    var payload: [(String, JSONValue)] = [("corridor", .string(id)), ("pause", .string(pause.id))]
    if random.chance(4, in: 5) { payload.append(("count", .int(random.int(in: 1...8)))) }
    payload.append(("users", .array(oneOrTwo(CorridorUser.allCases.map(\.rawValue)))))
    if random.chance(1, in: 4) {
      payload.append(("route", .string(random.element(of: areas.theatres[theatre].profile.routes))))
    }
    var window = JSONObject()
    if givesStart { window["start"] = moment(start, in: area) }
    if random.chance(1, in: 2) {
      let end = halfHour(atOrAfter: max(start, base).adding(seconds: span(2...20)), in: area)
      window["end"] = moment(end, in: area)
    }
    if !window.isEmpty { payload.append(("window", .object(window))) }
    if random.chance(3, in: 20) {
      payload.append(
        ("dailyHours", ["from": "08:00", "to": .string("\(random.int(in: 16...19)):00")]))
    }
    draft.payload = payload
    draft.founds = id
    state.corridors.append(
      CorridorState(
        id: id, pause: pause.id, area: area, start: start, startGiven: givesStart,
        opening: eventID, announced: clock))
    return draft
  }

  /// Another source's report of the same corridors, with another count: it disputes the first.
  mutating func reportCorridorsAgain() -> EventDraft {
    let index = random.below(state.corridors.count)
    let corridors = state.corridors[index]
    state.corridors[index].followed = true
    var draft = EventDraft(.corridorOpened, area: corridors.area, announced: corridors.announced)
    draft.disputes = [corridors.opening]
    draft.payload = [
      ("corridor", .string(corridors.id)), ("pause", .string(corridors.pause)),
      ("count", .int(random.int(in: 1...12))),
      ("users", .array(oneOrTwo(CorridorUser.allCases.map(\.rawValue)))),
    ]
    if corridors.startGiven {
      draft.payload.append(("window", ["start": moment(corridors.start, in: corridors.area)]))
    }
    draft.note = "Sources differ on the number of corridors."
    return draft
  }

  mutating func closeCorridors() -> EventDraft {
    let index = random.below(state.corridors.count)
    var corridors = state.corridors.remove(at: index)
    var draft = EventDraft(.corridorClosed, area: corridors.area, announced: clock)
    corridors.followed = true
    draft.reopens = .corridors(corridors)
    let at = halfHour(
      atOrAfter: max(clock, corridors.start).adding(seconds: span(0...3)), in: corridors.area)
    draft.payload = [("corridor", .string(corridors.id)), ("at", moment(at, in: corridors.area))]
    return draft
  }

  mutating func launchOffensive() -> EventDraft {
    let area = anyArea()
    var draft = EventDraft(.offensiveLaunched, area: area, announced: clock)
    let id = newItemID("offensive")
    let at = halfHour(atOrAfter: clock.adding(seconds: -span(0...3)), in: area)
    let profile = areas.theatres[theatre].profile
    draft.payload = [
      ("offensive", .string(id)), ("at", moment(at, in: area)),
      ("parties", .array(oneOrTwo(profile.actors))),
    ]
    if random.chance(1, in: 3) {
      draft.payload.append(("aim", .string(random.element(of: Self.aims))))
    }
    draft.founds = id
    state.offensives.append(OffensiveState(id: id, area: area, launched: at))
    return draft
  }

  /// An offensive scaled back, intensified or ended.
  mutating func changeOffensive(_ type: EventType) -> EventDraft {
    // Half the offensives that end are the longest under way, so that few drag on for years.
    let index =
      type == .offensiveEnded && random.chance(1, in: 2) ? 0 : random.below(state.offensives.count)
    var offensive = state.offensives[index]
    offensive.followed = true
    state.offensives[index].followed = true
    var draft = EventDraft(type, area: offensive.area, announced: clock)
    if type == .offensiveEnded {
      state.offensives.remove(at: index)
      draft.reopens = .offensive(offensive)
    }
    let at = halfHour(
      atOrAfter: max(clock.adding(seconds: -span(0...2)), offensive.launched), in: offensive.area)
    draft.payload = [("offensive", .string(offensive.id)), ("at", moment(at, in: offensive.area))]
    return draft
  }

  static let aims = [
    "to capture the whole city", "to retake the highway", "to clear the border area",
    "to break the siege", "to push back the front line",
  ]
}
