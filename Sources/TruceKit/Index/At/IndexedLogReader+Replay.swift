extension IndexedLogReader {
  /// A log of only the lines a replay with `--type`, `--from` or `--to` (and no area; with or
  /// without `--as-of` and `--actor`) reads, which replays, step for step, as the whole log
  /// does.
  ///
  /// A step shows an event the filter takes, and what it changed: in the items among whose
  /// lines it is (``ItemClosure``: a pause's lines belong to its corridor groups too, a
  /// statement's to the items it names). Such an item's state before and after the step rests
  /// only on its own lines, so the log holds:
  /// - the events the filter may take, sorted out by the index's event records (type, and when
  ///   each may have been announced) and then by ``EventFilter/accepts(_:areas:)`` itself, once
  ///   errata apply (an amended event of a type taken is always read: its erratum may change
  ///   when it was announced);
  /// - the events those correct, and every erratum and retraction of an event held;
  /// - the events linked to a step's event, or to what it corrects, by `disputes` or
  ///   `sameAnnouncementAs` either way, and those linked to them in turn (found by id);
  /// - every line of every item among whose lines is one of these, each of which must fold
  ///   alone as in the whole log;
  /// - the lines appended since the index was built, with the items they touch
  ///   (``TailOverlay``).
  ///
  /// What the lines read bring in turn is read too, a few times at most, and never more lines
  /// than ``replayLineLimit(ofEvents:)``.
  ///
  /// - Returns: `nil` when the index cannot vouch for it, or reading it would cost more than the
  ///   whole log, which must then be read: a filter with an area (``log(forArea:events:)`` reads
  ///   that) or that does not narrow the steps (``EventFilter/narrowsSteps``), more lines than
  ///   the limit, an item whose lines alone were not found to fold as the whole log does,
  ///   appended lines the overlay does not take, or an index that does not match the log.
  ///
  /// - Parameters:
  ///   - filter: The replay's filter.
  ///   - lineLimit: The most lines to read (by default ``replayLineLimit(ofEvents:)``).
  public func log(forReplayOf filter: EventFilter, lineLimit: Int? = nil) -> EventLog? {
    guard filter.area == nil, filter.narrowsSteps else { return nil }
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    let limit =
      lineLimit ?? IndexedLogReader.replayLineLimit(ofEvents: Int(index.header.eventCount))
    return (try? replayLog(filter, overlay: overlay, lineLimit: limit)) ?? nil
  }

  private func replayLog(_ filter: EventFilter, overlay: TailOverlay, lineLimit: Int)
    throws(IndexMismatch) -> EventLog?
  {
    var events = try ReplayCandidates(index: index, filter: filter, areas: header.areas)
    var items = Set<Int>()
    var itemLines: [LogSubset.Line] = []
    func take(_ positions: some Sequence<Int>) throws(IndexMismatch) -> Bool {
      for position in positions where items.insert(position).inserted {
        guard let item = index.item(position) else {
          throw IndexMismatch(reason: "the index is damaged")
        }
        guard item.answersAlone else { return false }
        guard index.appendLines(of: item, to: &itemLines) else {
          throw IndexMismatch(reason: "the index is damaged")
        }
      }
      return true
    }
    // The items of the events the filter takes by their lines alone are taken at once, so that
    // the lines are mostly read once (the first reading finds what the steps rest on).
    let offsets = events.takenAsRecorded.map { Int(index.event($0).offset) }
    guard try take(overlay.touched), try take(index.items(holdingAnyOf: offsets)) else {
      return nil
    }
    for _ in 0..<4 {
      let lines = LogSubset.inLogOrder(events.taken.map(line(at:)) + itemLines + overlay.lines)
      guard lines.count <= lineLimit else { return nil }
      let log = try LogSubset.log(file: file, header: header, lines: lines, reader: reader)
      let wanted = try wantedForSteps(of: log, filter: filter)
      let itemsBefore = items.count
      let offsets = wanted.map { Int(index.event($0).offset) }
      guard try take(index.items(holdingAnyOf: offsets)) else { return nil }
      let grewEvents = try events.take(wanted)
      if !grewEvents && items.count == itemsBefore { return log }
    }
    return nil
  }

  /// The most lines a filtered replay reads through the index, for a log of `events` events:
  /// three in ten, or 50,000 in a smaller log. Past that, reading the whole log costs less.
  ///
  /// The lines are read one by one and again after what they bring is added, two or three
  /// times in all; at 1M events, replays that read half the lines this way took twice as long
  /// as reading the whole log, and one that read a quarter of them a third as long. Below
  /// 50,000 lines either way takes a fraction of a second.
  public static func replayLineLimit(ofEvents events: Int) -> Int { max(50_000, events * 3 / 10) }

  /// The positions of the events the steps a log shows rest on, beyond their items' lines: each
  /// event shown and what it corrects, and, around those, the events linked to them by
  /// `disputes` or `sameAnnouncementAs` either way (as written or once errata apply), and the
  /// events linked to those in turn, as far as the lines read reach. (A step says that a fact
  /// is no longer disputed only when no other report disputes it.)
  private func wantedForSteps(of log: EventLog, filter: EventFilter) throws(IndexMismatch)
    -> Set<Int>
  {
    // The links between the lines read, both ways.
    var links: [String: [String]] = [:]
    for events in [log.events, log.effectiveEvents] {
      for event in events where !(event.disputes.isEmpty && event.sameAnnouncementAs.isEmpty) {
        for cited in event.disputes + event.sameAnnouncementAs {
          links[cited, default: []].append(event.id)
          links[event.id, default: []].append(cited)
        }
      }
    }
    var involved = Set<String>()
    var pending: [String] = []
    for event in log.effectiveEvents where filter.accepts(event, areas: header.areas) {
      pending.append(event.id)
      switch event.payload {
      case .erratum(let target, _), .retraction(let target): pending.append(target)
      default: break
      }
    }
    while let id = pending.popLast() {
      guard involved.insert(id).inserted else { continue }
      pending += links[id] ?? []
    }
    var wanted = Set<Int>()
    for id in involved {
      wanted.formUnion(
        try index.positions(linkedTo: id, by: [.id, .disputes, .sameAnnouncement]))
    }
    return wanted
  }

  /// Where the event at a position (from 0) is in the log.
  private func line(at position: Int) -> LogSubset.Line {
    LogSubset.Line(offset: Int(index.event(position).offset), number: position + 2)
  }
}

/// The events a filtered replay reads by themselves (not as an item's lines): those the filter
/// may take, and the events those correct, with every erratum and retraction of an event taken.
private struct ReplayCandidates {
  let index: AtIndex
  /// Positions (from 0) of the events taken.
  private(set) var taken = Set<Int>()
  /// Positions of the events the filter takes by their lines, with no erratum to change that.
  private(set) var takenAsRecorded: [Int] = []
  /// The errata and retractions of each event, by its position.
  private var corrections: [Int: [Int]] = [:]

  init(index: AtIndex, filter: EventFilter, areas: AreaRegistry) throws(IndexMismatch) {
    self.index = index
    let typeTaken = EventType.allCases.map { type in
      filter.types.isEmpty
        || filter.types.contains { type.rawValue == $0 || type.rawValue.hasPrefix($0 + ".") }
    }
    let from = filter.from?.secondsSinceEpoch
    let to = [filter.to, filter.asOf].compactMap { $0?.secondsSinceEpoch }.min()
    var candidates: [Int] = []
    for position in 0..<Int(index.header.eventCount) {
      let record = index.event(position)
      guard Int(record.type) < typeTaken.count, Int(record.target) <= position else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      if record.target > 0 { corrections[Int(record.target) - 1, default: []].append(position) }
      // An erratum changes no event's type, but may change when it was announced.
      if record.corrections.contains(.voided) || !typeTaken[Int(record.type)] { continue }
      if !record.corrections.contains(.amended) {
        if let from, record.high != Int64.max, record.high < from { continue }
        if let to, record.low != Int64.min, record.low > to { continue }
        takenAsRecorded.append(position)
      }
      candidates.append(position)
    }
    _ = try take(candidates)
  }

  /// Takes events, with what each corrects and its corrections; whether any was new.
  mutating func take(_ positions: some Sequence<Int>) throws(IndexMismatch) -> Bool {
    var pending = Array(positions)
    var grew = false
    while let position = pending.popLast() {
      guard taken.insert(position).inserted else { continue }
      grew = true
      let target = Int(index.event(position).target)
      if target > 0 { pending.append(target - 1) }
      pending.append(contentsOf: corrections[position] ?? [])
    }
    return grew
  }
}
