extension NameTable {
  /// The most names one event adds: its id, its subject, what it declares, what it corrects.
  static let namesPerEvent = 4

  /// Takes in what an accepted event declares, as ``KnownSubjects/register(_:)`` does, and where
  /// its line is; also the earliest announcement about each name, for
  /// ``AnnouncementConsistency``.
  ///
  /// - Parameters:
  ///   - event: The event, as recorded (not as amended).
  ///   - offset: Where its line starts in the log.
  ///
  /// - Throws: ``IndexMismatch`` when a slot it passes is damaged (see ``NameTable``).
  mutating func register(_ event: Event, at offset: UInt64) throws(IndexMismatch) {
    let earliest = event.announced.range.earliest?.secondsSinceEpoch ?? Int64.min
    let isCorrection = event.type == .erratum || event.type == .retraction
    try modify(event.id) { record in
      record.eventOffset = offset
      if isCorrection { record.flags.insert(.correction) }
      record.firstAnnounced = min(record.firstAnnounced, earliest)
    }
    if let subject = event.subject, subject != event.id {
      try modify(subject) { $0.firstAnnounced = min($0.firstAnnounced, earliest) }
    }
    switch event.payload {
    case .pauseDeclared(let declaration):
      try modify(declaration.pause) { if $0.pauseOffset == 0 { $0.pauseOffset = offset } }
    case .pauseSuspended(let pause, _):
      try modify(pause) { if $0.suspensionOffset == 0 { $0.suspensionOffset = offset } }
    case .pauseResumed(let pause, _):
      try modify(pause) { $0.suspensionOffset = 0 }
    case .corridorOpened(let opening):
      try modify(opening.corridor) { if $0.corridorOffset == 0 { $0.corridorOffset = offset } }
    case .offensiveLaunched(let launch):
      try modify(launch.offensive) { if $0.offensiveOffset == 0 { $0.offensiveOffset = offset } }
    case .proposal(let id, _, _, _):
      try modify(id) { $0.flags.insert(.proposal) }
    case .erratum(let target, let void) where !void:
      var previous: UInt64 = 0
      try modify(target) { record in
        previous = record.erratumLink
        record.erratumLink = offset
      }
      try modify(event.id) { $0.erratumLink = previous }
    default: break
    }
  }
}
