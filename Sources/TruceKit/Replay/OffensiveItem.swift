/// An offensive during a replay.
struct OffensiveItem {
  let id: String
  var members: [Int] = []
  /// The track as folded, phases in replay order.
  var building: OffensiveTrack
  /// The track with its phases in time order; meaningful only while on record.
  var track: OffensiveTrack
  /// Whether one of its events is on record.
  var isOnRecord = false
  var order = 0
  var disputes: [Dispute] = []

  init(id: String) {
    self.id = id
    building = OffensiveDraft.emptyTrack(id: id, area: "")
    track = building
  }

  /// The offensive as a projection showed it before a step.
  struct Snapshot {
    var slot: Int
    var isOnRecord: Bool
    /// The track as it was; `nil` when the step is not described.
    var track: OffensiveTrack?
    var order: Int
    var disputes: [Dispute]
  }

  mutating func apply(_ position: Int, in events: some FoldEvents) {
    if !isOnRecord {
      building = OffensiveDraft.emptyTrack(id: id, area: events.area(at: position))
      order = position
      isOnRecord = true
    }
    OffensiveDraft.fold(position, into: &building, in: events)
  }

  mutating func remove(_ position: Int, in events: some FoldEvents) {
    members.removeAll { $0 == position }
    building = OffensiveDraft.emptyTrack(id: id, area: "")
    isOnRecord = false
    for member in members { apply(member, in: events) }
  }

  /// Puts the phases in time order and lists the disputes again when the boundaries changed.
  mutating func settle() {
    guard isOnRecord else {
      // Off the record: an empty track, which has no disputes.
      track = building
      disputes = []
      return
    }
    let (start, end) = (track.start, track.end)
    track = building
    OffensiveDraft.finish(&track)
    if !disputes.isEmpty || track.start != start || track.end != end {
      disputes = DisputeRules.offensiveDisputes(track)
    }
  }
}
