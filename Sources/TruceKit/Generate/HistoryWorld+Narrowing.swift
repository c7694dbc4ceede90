/// Open-ended times ("on or after 13 July", `2015-07-13/..`) and the later reports that narrow
/// them.
///
/// An analyst's log holds a few such bounds at any time: a source dates a declaration only as
/// "before" its publication, or an end as "after" some day, and a later report gives the day. A
/// history where they stay open is unlike one: an end "on or after 13 July" leaves the pause
/// possibly in force for ever after, a start "on or before" leaves it possibly in force since
/// the beginning. So every open-ended time of a report of a pause, corridor group or offensive
/// is narrowed some days later by an erratum that gives it as a day or a time.
extension HistoryWorld {
  /// The event types whose open-ended times are narrowed later: those that set a pause's,
  /// corridor group's or offensive's bounds. Suspensions and resumptions are not corrected
  /// (see ``correctRecentEvent()``), so their times are never written open-ended.
  static let narrowed: Set<EventType> = [
    .pauseDeclared, .pauseExtended, .pauseEnded, .corridorOpened, .corridorClosed,
    .offensiveLaunched, .offensiveScaledBack, .offensiveIntensified, .offensiveEnded,
  ]

  /// Whether a time string is open at one end or both (`../X`, `X/..`, `../..`).
  static func isOpenEnded(_ text: String) -> Bool {
    text.hasPrefix("../") || text.hasSuffix("/..")
  }

  /// Queues the narrowing of the open-ended times of the event just rendered: its announcement
  /// and the one moment (start, end or `at`) that ``moment(_:in:form:table:)`` wrote open-ended.
  mutating func queueNarrowing(of draft: EventDraft, rendered: JSONObject) {
    defer { openMoment = nil }
    guard Self.narrowed.contains(draft.type) else { return }
    var set = JSONObject()
    if let announced = rendered["announced"]?.stringValue, Self.isOpenEnded(announced) {
      set["announced"] = boundedTime(draft.announced, in: draft.area)
    }
    if let open = openMoment {
      for (key, value) in draft.payload {
        if value.stringValue == open.text {
          set[key] = boundedTime(open.instant, in: open.area)
        } else if var window = value.objectValue {
          for bound in ["start", "end"] where window[bound]?.stringValue == open.text {
            window[bound] = boundedTime(open.instant, in: open.area)
            set[key] = .object(window)
          }
        }
      }
    }
    guard !set.isEmpty else { return }
    let delay = scale * Int64(random.int(in: 2...20)) / 10
    state.pending.append(
      PendingNarrowing(
        event: eventID, area: draft.area, set: set, due: clock.adding(seconds: delay)))
  }

  /// Whether a narrowing is due in the current country.
  var narrowingDue: Bool {
    state.pending.contains { $0.due <= clock }
  }

  /// The erratum that narrows the first open-ended time due.
  mutating func narrowOpenBound() -> EventDraft {
    let index = state.pending.firstIndex { $0.due <= clock } ?? 0
    let pending = state.pending.remove(at: index)
    var draft = EventDraft(.erratum, area: pending.area, announced: clock)
    draft.announcedBy = ["analyst"]
    draft.announcedForm = random.chance(1, in: 2) ? .day : .utc
    draft.payload = [("corrects", .string(pending.event)), ("set", .object(pending.set))]
    draft.note = random.element(of: Self.narrowingNotes)
    features.openBoundsNarrowed += 1
    return draft
  }

  /// An instant as a later, better report gives it: to the minute or to the day.
  private mutating func boundedTime(_ instant: Instant, in area: Int) -> JSONValue {
    .string(speller.spell(instant, in: zone(area), TimeSpeller.bounded, &random))
  }

  static let narrowingNotes = [
    "A later report gives the date.", "Dated from the source's follow-up.",
    "The date is now confirmed.",
  ]
}
