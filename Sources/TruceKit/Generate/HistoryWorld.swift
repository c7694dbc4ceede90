/// The state of a history being generated: its areas, each country's clock and what is under
/// way there. Each call to ``next(seq:)`` draws one event that is valid against every event
/// drawn before it.
///
/// Every country keeps its own clock, which only moves forward, and events refer only to what
/// their own country declared earlier; every time is written in a form whose range holds the
/// instant it stands for. So each event's announcement can follow what it refers to.
struct HistoryWorld {
  var random: SplitMix64
  let areas: GeneratedAreas
  var theatres: [TheatreState]
  var speller: TimeSpeller
  var features = GenerationReport.Features()
  /// The seq of the event being generated.
  private(set) var seq = 0
  /// The index of the country of the event being generated.
  private(set) var theatre = 0
  /// The average time between two announcements in one country.
  let meanGap: Int64
  /// The unit of durations: pauses last from one to six of them.
  let scale: Int64
  /// The moment of the event being generated written open-ended, if any: at most one is.
  var openMoment: (text: String, instant: Instant, area: Int)?

  /// The first instant of every generated history: 2015-01-01T00:00Z.
  static let historyStart = Instant(secondsSinceEpoch: 1_420_070_400)
  /// How long a history runs: four years.
  static let historyLength: Int64 = 4 * 365 * 86_400

  init(areas: GeneratedAreas, events: Int, seed: UInt64) {
    random = SplitMix64(seed: seed)
    self.areas = areas
    let count = areas.theatres.count
    meanGap = max(60, Self.historyLength * Int64(count) / Int64(max(events, 1)))
    scale = min(max(meanGap * 30 / 3600 * 3600, 12 * 3600), 12 * 86_400)
    theatres = (0..<count).map { index in
      TheatreState(clock: Self.historyStart.adding(seconds: Int64(index) * 11 * 86_400))
    }
    speller = TimeSpeller(
      zones: areas.areas.map(\.zone), from: Self.historyStart.adding(seconds: -86_400),
      to: Self.historyStart.adding(seconds: Self.historyLength * 2))
  }

  /// The code of the current country, which prefixes ids.
  var theatreCode: String { areas.theatres[theatre].profile.code }

  /// The current country's state.
  var state: TheatreState {
    get { theatres[theatre] }
    _modify { yield &theatres[theatre] }
  }

  /// The current country's clock.
  var clock: Instant { theatres[theatre].clock }

  /// Draws the event with sequence number `seq`.
  mutating func next(seq: Int) -> (EventType, JSONObject) {
    self.seq = seq
    theatre = random.below(theatres.count)
    let gap = max(60, meanGap * Int64(random.int(in: 20...180)) / 100 / 60 * 60)
    state.clock = state.clock.adding(seconds: gap)
    let actions = Action.allCases
    let action = actions[random.weighted(actions.map { weight(of: $0) })]
    let draft = self.draft(action)
    if draft.type != .erratum && draft.type != .retraction {
      state.remember(
        RecentEvent(
          id: eventID, type: draft.type, area: draft.area, end: draft.end, founds: draft.founds,
          reopens: draft.reopens))
    }
    let rendered = render(draft, theatre: theatre)
    queueNarrowing(of: draft, rendered: rendered)
    return (draft.type, rendered)
  }

  /// What the next event does.
  enum Action: CaseIterable {
    case declare, secondReport, reportAsNew, extend, suspend, reportSuspension, resume, endPause
    case openCorridors, reportCorridors, closeCorridors
    case launch, scaleBack, intensify, endOffensive
    case violation, proposal, statement, erratum, retraction, narrowing
  }

  private func weight(of action: Action) -> Int {
    let state = theatres[theatre]
    let pauses = !state.pauses.isEmpty
    let suspended = state.pauses.contains { $0.suspension != nil }
    let corridors = !state.corridors.isEmpty
    let offensives = !state.offensives.isEmpty
    let full = state.pauses.count >= TheatreState.pauseLimit
    switch action {
    case .declare: return full ? 0 : 90
    case .secondReport: return pauses ? 22 : 0
    case .reportAsNew: return state.pauses.contains { $0.lastExtension != nil } ? 8 : 0
    case .extend: return pauses ? 70 : 0
    case .suspend: return state.pauses.contains { $0.suspension == nil } ? 24 : 0
    case .reportSuspension: return suspended ? 6 : 0
    case .resume: return suspended ? 22 : 0
    case .endPause: return pauses ? (full ? 140 : 50) : 0
    case .openCorridors:
      return pauses && state.corridors.count < TheatreState.corridorLimit ? 60 : 0
    case .reportCorridors: return corridors ? 8 : 0
    case .closeCorridors: return corridors ? 40 : 0
    case .launch: return state.offensives.count < TheatreState.offensiveLimit ? 30 : 0
    case .scaleBack, .intensify: return offensives ? 18 : 0
    case .endOffensive: return offensives ? 20 : 0
    case .violation: return 100
    case .proposal: return 35
    case .statement: return 85
    case .erratum: return state.recent.isEmpty ? 0 : 18
    case .retraction: return state.recent.contains(where: state.isWithdrawable) ? 16 : 0
    case .narrowing: return narrowingDue ? 400 : 0
    }
  }

  private mutating func draft(_ action: Action) -> EventDraft {
    switch action {
    case .declare: return declarePause()
    case .secondReport: return reportPauseAgain()
    case .reportAsNew: return reportExtensionAsPause()
    case .extend: return extendPause()
    case .suspend: return suspendPause()
    case .reportSuspension: return reportSuspensionAgain()
    case .resume: return resumePause()
    case .endPause: return endPause()
    case .openCorridors: return openCorridors()
    case .reportCorridors: return reportCorridorsAgain()
    case .closeCorridors: return closeCorridors()
    case .launch: return launchOffensive()
    case .scaleBack: return changeOffensive(.offensiveScaledBack)
    case .intensify: return changeOffensive(.offensiveIntensified)
    case .endOffensive: return changeOffensive(.offensiveEnded)
    case .violation: return reportViolation()
    case .proposal: return propose()
    case .statement: return makeStatement()
    case .erratum: return correctRecentEvent()
    case .retraction: return retractRecentEvent()
    case .narrowing: return narrowOpenBound()
    }
  }

  // MARK: - Helpers shared by the kinds of event

  /// A random area of the current country.
  mutating func anyArea() -> Int {
    random.element(of: areas.theatres[theatre].areas)
  }

  /// A random area inside `area` (or itself).
  mutating func areaWithin(_ area: Int) -> Int {
    random.element(of: areas.areas[area].within)
  }

  /// The zone of an area.
  func zone(_ area: Int) -> Zone { areas.areas[area].zone }

  /// A duration of `tenths` tenths of the scale, in whole minutes.
  mutating func span(_ tenths: ClosedRange<Int>) -> Int64 {
    scale * Int64(random.int(in: tenths)) / 10 / 60 * 60
  }

  /// The first local half hour at or after an instant.
  func halfHour(atOrAfter instant: Instant, in area: Int) -> Instant {
    let offset = Int64(zone(area).offset(at: instant))
    let local = instant.secondsSinceEpoch + offset
    return Instant(secondsSinceEpoch: (local + 1799) / 1800 * 1800 - offset)
  }

  /// An instant written as a moment (a start, an end, an `at`) in an area's zone, in `form` or
  /// else in a form drawn from `table`.
  ///
  /// At most one moment of an event is written open-ended (another would be written as a day),
  /// and it is kept in ``openMoment`` so that a later report can narrow it.
  mutating func moment(
    _ instant: Instant, in area: Int, form: TimeForm? = nil,
    table: [(TimeForm, Int)] = TimeSpeller.moment
  ) -> JSONValue {
    var form = form ?? TimeSpeller.draw(table, &random)
    let open = form == .onOrBefore || form == .onOrAfter
    if open && openMoment != nil { form = .day }
    let text = speller.spell(instant, in: zone(area), form: form, &random)
    if open && openMoment == nil { openMoment = (text, instant, area) }
    return .string(text)
  }

  /// A new id for a pause, corridor group, offensive or proposal of the current country.
  mutating func newItemID(_ kind: String) -> String {
    state.items += 1
    return "\(theatreCode)-\(kind)-\(state.items)"
  }

  /// One or two of a list, distinct.
  mutating func oneOrTwo(_ items: [String]) -> [JSONValue] {
    let first = random.element(of: items)
    let second = random.element(of: items)
    return (random.chance(1, in: 5) && second != first ? [first, second] : [first]).map {
      .string($0)
    }
  }
}
