extension EventLog {
  /// The events with errata applied, as ``effectiveEvents`` gives them, from a log that holds
  /// them as records (``records``), handed over with what it takes to show each one whole; `nil`
  /// when the log holds events instead.
  ///
  /// The log is left without its records and the places of its lines (the records read them
  /// again), everything else as it was. Its bytes (``storage``) stay open for the records'
  /// reading as long as they are held.
  public mutating func takeEffectiveRecords() -> RecordedEvents? {
    guard var store = records else { return nil }
    records = nil
    let count = store.count
    let corrected =
      correctedPositions(count: count, id: store.id(at:))
      ?? correctedPositionsByScanning(count: count, id: store.id(at:))
    // Which errata amend each amended event, in order (noted as the reading applied them): an
    // amended event is read again from its line with them merged in, as the reading merged them.
    let amendingErrata = self.amendingErrata
    self.amendingErrata = [:]
    // Voided records go and the others move up; amended ones took their event's place as the
    // errata were applied (``LogState``).
    var removed: [Int] = []
    var amendedAt: [(position: Int, id: String)] = []
    for correction in corrected {
      // An amended event's record took its place as the erratum was applied.
      if let amendment = correction.amendment {
        amendedAt.append((correction.position, amendments.keys[amendment]))
      } else {
        removed.append(correction.position)
      }
    }
    store.remove(atAscending: removed)
    // From here on the records are only read: a name's number is not looked up again.
    store.releaseNameLookup()
    var origins: [UInt32] = []
    origins.reserveCapacity(store.count)
    var nextRemoved = 0
    for origin in 0..<count {
      if nextRemoved < removed.count && removed[nextRemoved] == origin {
        nextRemoved += 1
        continue
      }
      origins.append(UInt32(truncatingIfNeeded: origin))
    }
    // An amended event's place among the records: its origin, less the voided ones before it.
    var errata: [Int: [UInt32]] = [:]
    errata.reserveCapacity(amendedAt.count)
    nextRemoved = 0
    for (origin, id) in amendedAt {
      while nextRemoved < removed.count && removed[nextRemoved] < origin { nextRemoved += 1 }
      errata[origin - nextRemoved] = amendingErrata[id] ?? []
    }
    let reader = LineRereader(storage: storage, file: file, lines: eventLines, areas: areas)
    eventLines = []
    return RecordedEvents(records: store, origins: origins, errata: errata, reader: reader)
  }
}
