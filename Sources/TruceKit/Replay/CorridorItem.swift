/// A corridor group during a replay.
struct CorridorItem {
  let id: String
  /// Its events on record, in replay order.
  var members: [Int] = []
  var draft = CorridorDraft()
  /// The track; meaningful only while an opening is on record.
  var track: CorridorTrack
  /// Whether an opening is on record.
  var isOnRecord = false
  /// The position of its first opening on record.
  var order = 0
  var disputes: [Dispute] = []
  /// The pause under which the replay files the group: the one its first report names.
  var registeredPause: String?

  init(id: String) {
    self.id = id
    track = CorridorDraft.emptyTrack(id: id, area: "")
  }

  /// The group as a projection showed it before a step.
  struct Snapshot {
    var slot: Int
    var isOnRecord: Bool
    /// The track as it was; `nil` when the step is not described.
    var track: CorridorTrack?
    var order: Int
    var disputes: [Dispute]
  }

  /// Folds one more event; a closure counts only once the corridors opened.
  mutating func apply(_ position: Int, in events: some FoldEvents) {
    if !isOnRecord {
      guard case .corridorOpened = events.payload(at: position) else { return }
      track = CorridorDraft.emptyTrack(id: id, area: events.area(at: position))
      order = position
      isOnRecord = true
    }
    draft.fold(position, into: &track, in: events)
  }

  /// Takes an event off the record and folds the group again from the rest.
  mutating func remove(_ position: Int, in events: some FoldEvents) {
    members.removeAll { $0 == position }
    draft = CorridorDraft()
    track = CorridorDraft.emptyTrack(id: id, area: "")
    isOnRecord = false
    disputes = []
    for member in members { apply(member, in: events) }
  }

  /// Reconciles the track with its pause and lists its disputes again (only when there may be
  /// some: putting times into words is the costly part).
  mutating func settle(pause: CorridorDraft.PauseFacts?, in events: some FoldEvents) {
    guard isOnRecord else {
      disputes = []
      return
    }
    let (start, end) = (track.start, track.end)
    draft.finish(&track, pause: pause, in: events)
    let versions = [track.counts.count, track.pauses.count, track.routes.count]
    if !disputes.isEmpty || versions.contains(where: { $0 > 1 }) || track.dailyHours.count > 1
      || track.start != start || track.end != end
    {
      disputes = DisputeRules.corridorDisputes(track)
    }
  }
}
