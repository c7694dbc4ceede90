/// A pause during a replay: its events still on record, its draft and track, and its disputes.
struct PauseItem {
  let id: String
  /// Its events on record, with the condition statements attached to it, in replay order.
  var members: [Int] = []
  var draft = PauseDraft()
  /// The track; meaningful only while the pause is on record.
  var track: PauseTrack
  /// Whether one of its own events is on record.
  var isOnRecord = false
  /// The position of its first event on record: where a projection lists it.
  var order = 0
  /// Its disputes listed with the pauses (what was announced, start, end).
  var disputes: [Dispute] = []
  /// Its daily-hours dispute, listed after every pause's other disputes.
  var dailyHours: [Dispute] = []
  /// How many of ``disputes`` are about what was announced (they come first).
  private var characterizations = 0

  init(id: String) {
    self.id = id
    track = PauseDraft.emptyTrack(id: id, area: "")
  }

  /// The pause as a projection showed it before a step.
  struct Snapshot {
    var slot: Int
    var isOnRecord: Bool
    /// The track as it was; `nil` when the step is not described.
    var track: PauseTrack?
    var order: Int
    var disputes: [Dispute]
    var dailyHours: [Dispute]
    /// What its corridor groups took from it; `nil` when it was not on record.
    var facts: CorridorDraft.PauseFacts?
  }

  /// Folds one more event (a report about the pause, or a condition stated about it).
  mutating func apply(_ position: Int, in events: some FoldEvents) {
    if case .statement = events.payload(at: position) {
      // A condition counts only once the pause is on record.
      guard isOnRecord else { return }
      let condition = events.condition(statedAt: position)
      PauseDraft.addCondition(condition, by: FoldedEvent(position, in: events), to: &track)
      return
    }
    if !isOnRecord {
      track = PauseDraft.emptyTrack(id: id, area: events.area(at: position))
      order = position
      isOnRecord = true
    }
    draft.fold(position, into: &track, in: events)
  }

  /// Takes an event off the record and folds the pause again from the rest.
  mutating func remove(_ position: Int, in events: some FoldEvents) {
    members.removeAll { $0 == position }
    draft = PauseDraft()
    track = PauseDraft.emptyTrack(id: id, area: "")
    isOnRecord = false
    // An empty track has no disputes; ``settle(in:folded:)`` lists them again from there.
    disputes = []
    characterizations = 0
    for member in members { apply(member, in: events) }
  }

  /// Reconciles the track and lists its disputes again (those of a boundary or of the hours
  /// only when these changed: putting times into words is the costly part).
  mutating func settle(in events: some FoldEvents, folded: (String) -> Int?) {
    guard isOnRecord else {
      disputes = []
      dailyHours = []
      characterizations = 0
      return
    }
    let (start, end) = (track.start, track.end)
    draft.finish(&track, in: events)
    if track.start != start || track.end != end {
      disputes = DisputeRules.boundaryDisputes(subject: id, start: track.start, end: track.end)
    } else if characterizations > 0 {
      disputes.removeFirst(characterizations)
    }
    characterizations = 0
    if !draft.recharacterizations.isEmpty {
      let found = draft.characterizationDisputes(of: id, in: events, folded: folded)
      characterizations = found.count
      disputes = found + disputes
    }
    if track.dailyHours.count > 1 || !dailyHours.isEmpty {
      dailyHours = DisputeRules.dailyHoursDisputes(track)
    }
  }
}
