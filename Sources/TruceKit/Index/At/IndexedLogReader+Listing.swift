extension IndexedLogReader {
  /// The most lines a listing reads through the index, as a share of the log's events (with at
  /// least ``windowLineFloor``): past about six in ten, reading lines one by one costs more than
  /// reading the whole log, which decodes on every core (at a million events, a listing that
  /// read every line one by one took 4.4 s, against 2.9 s for the whole log).
  static let listingLineShare = 0.5

  /// The events a filter takes, in log order, as reading the whole log and filtering it gives
  /// them; `nil` when the index cannot give them, and the whole log must be read.
  ///
  /// The index's event records (area, type, when each may have been announced) and its lists
  /// of the events each announcer announced sort out the events the filter cannot take; only
  /// the lines of the others are read and decoded, then filtered by
  /// ``EventFilter/accepts(_:areas:)`` itself. Lines appended since the index was built
  /// (``LogTail``) are filtered the same way. When the lines to read would be more than half
  /// the log's (and more than ``windowLineFloor``), the whole log is read instead.
  public func events(matching filter: EventFilter) -> [Event]? {
    vouched(
      events(
        matching: filter,
        lineLimit: lineLimit(share: IndexedLogReader.listingLineShare)))
  }

  /// ``events(matching:)`` reading at most `lineLimit` lines.
  func events(matching filter: EventFilter, lineLimit: Int) -> [Event]? {
    (try? events(matchingIndexed: filter, lineLimit: lineLimit)) ?? nil
  }

  private func events(matchingIndexed filter: EventFilter, lineLimit: Int)
    throws(IndexMismatch) -> [Event]?
  {
    let areas = header.areas
    let areaTaken = areas.areas.map { candidate in
      filter.area.map { areas.areRelated(candidate.id, $0.id) } ?? true
    }
    let typeTaken = EventType.allCases.map(filter.accepts(type:))
    let (from, to) = filter.announcementBounds
    let announced = try index.events(announcedByAnyOf: filter.actors)
    var wanted: [Int] = []
    for position in 0..<Int(index.header.eventCount) {
      if let announced, !announced[position] { continue }
      let record = index.event(position)
      guard Int(record.area) < areaTaken.count, Int(record.type) < typeTaken.count else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      guard areaTaken[Int(record.area)], typeTaken[Int(record.type)] else { continue }
      guard record.mayBeAnnounced(from: from, to: to, asCorrected: false) else { continue }
      wanted.append(position)
    }
    guard wanted.count <= lineLimit else { return nil }
    var decoder = LineDecoder(areas: areas)
    var scratch: [ContextCheck] = []
    var events: [Event] = []
    for position in wanted {
      let record = index.event(position)
      let found: (content: [UInt8], end: Int)?
      do { found = try reader.line(at: Int(record.offset)) } catch {
        throw IndexMismatch(reason: "\(error.path): \(error)")
      }
      guard let content = found?.content else {
        throw IndexMismatch(reason: "no complete line at byte \(record.offset)")
      }
      scratch.removeAll(keepingCapacity: true)
      let outcome = content.withUnsafeBytes {
        decoder.decode($0, number: position + 2, checks: &scratch)
      }
      guard let event = outcome.event, outcome.failure == nil, event.seq == position + 1 else {
        throw IndexMismatch(reason: "line \(position + 2) is not the event indexed")
      }
      if filter.accepts(event, areas: areas) { events.append(event) }
    }
    for entry in tail.entries where filter.accepts(entry.event, areas: areas) {
      events.append(entry.event)
    }
    return events
  }
}
