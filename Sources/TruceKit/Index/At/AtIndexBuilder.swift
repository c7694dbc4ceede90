import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Builds `<log>.at-index` from a log read in full and its projection.
///
/// For every item it records when the item may be in force (from its folded start and end),
/// its area, the lines it rests on (``ItemClosure``) and when their events may have been
/// announced (``AnnouncedSpan``), and the same lines for every name the
/// events are about that the projection does not list (``AtIndexLayout/Kind/unlisted``); and whether folding those lines alone
/// was found to give the same track, disputes, statements and cited events as folding the whole
/// log. An answer that needs an item for which it was not is drawn from the whole log instead.
enum AtIndexBuilder {
  /// The index's bytes.
  ///
  /// - Parameters:
  ///   - log: The log, read in full.
  ///   - projection: Its projection with everything known.
  static func image(of log: EventLog, projection: Projection) -> [UInt8] {
    let closures = ItemClosure.positions(in: log)
    var areaIndex: [String: UInt16] = [:]
    for (index, area) in log.areas.areas.enumerated() { areaIndex[area.id] = UInt16(index) }
    var pending: [Pending] = []
    func add(
      _ kind: AtIndexLayout.Kind, _ id: String, area: String, low: Instant?, high: Instant?,
      eventIDs: [String], linesOf subject: String? = nil,
      reach: (first: Instant, last: Instant)? = nil, calendar: (first: Int64, last: Int64)? = nil
    ) {
      pending.append(
        Pending(
          kind: kind, id: id, subject: subject ?? id, area: areaIndex[area],
          low: low?.secondsSinceEpoch ?? Int64.min, high: high?.secondsSinceEpoch ?? Int64.max,
          reachFirst: reach?.first.secondsSinceEpoch ?? Int64.max,
          reachLast: reach?.last.secondsSinceEpoch ?? Int64.min,
          calendarFirst: calendar?.first ?? Int64.max, calendarLast: calendar?.last ?? Int64.min,
          eventIDs: eventIDs, positions: closures[subject ?? id] ?? []))
    }
    for pause in projection.pauses {
      add(
        .pause, pause.id, area: pause.area, low: pause.start.possibleRange?.earliest,
        high: pause.end.possibleRange?.latest, eventIDs: pause.eventIDs,
        reach: Timeline.reach(start: pause.start, end: pause.end),
        calendar: CalendarReplay.extent(start: pause.start, end: pause.end))
    }
    for corridor in projection.corridors {
      add(
        .corridors, corridor.id, area: corridor.area,
        low: corridor.start.possibleRange?.earliest, high: corridor.end.possibleRange?.latest,
        eventIDs: corridor.eventIDs,
        reach: Timeline.reach(start: corridor.start, end: corridor.end),
        calendar: CalendarReplay.extent(start: corridor.start, end: corridor.end))
    }
    for offensive in projection.offensives {
      add(
        .offensive, offensive.id, area: offensive.area,
        low: offensive.start.possibleRange?.earliest, high: offensive.end.possibleRange?.latest,
        eventIDs: offensive.eventIDs,
        reach: Timeline.reach(start: offensive.start, end: offensive.end),
        calendar: CalendarReplay.extent(
          start: offensive.start, end: offensive.end, phases: offensive.phases))
    }
    // A proposal is named by its event's id (several events may propose under one id), and
    // rests on the lines about its proposal id.
    for proposal in projection.proposals {
      add(
        .proposal, proposal.id, area: proposal.area, low: proposal.announced.range.earliest,
        high: proposal.announced.range.latest, eventIDs: [proposal.id],
        linesOf: proposal.subject ?? proposal.id)
    }
    // The names events are about that the projection does not list, in the order their
    // first lines come. A proposal id is listed through its proposals' items only when nothing
    // but proposals and their corrections is about it: lines appended later are matched to
    // items by name among pauses, corridor groups, offensives and these (a retracted pause
    // declared under a proposal's id would otherwise be found nowhere).
    let proposalTypes: Set<EventType> = [.proposal, .erratum, .retraction]
    let proposalOnly = projection.proposals.compactMap(\.subject).filter { name in
      (closures[name] ?? []).allSatisfy { proposalTypes.contains(log.events[$0].type) }
    }
    // (A proposal's item bears its event's id, which is no name an event is about.)
    let listed = Set(pending.filter { $0.kind != .proposal }.map(\.id)).union(proposalOnly)
    let unlisted = closures.filter { !listed.contains($0.key) && !$0.value.isEmpty }
      .sorted { ($0.value[0], $0.key) < ($1.value[0], $1.key) }
    for (name, positions) in unlisted {
      pending.append(
        Pending(
          kind: .unlisted, id: name, subject: name, area: areaIndex[log.events[positions[0]].area],
          low: Int64.min, high: Int64.max, reachFirst: Int64.max, reachLast: Int64.min,
          calendarFirst: Int64.max, calendarLast: Int64.min, eventIDs: [], positions: positions))
    }
    let verdicts = verify(pending, log: log, projection: projection)
    var items: [AtIndexLayout.Item] = []
    var lines: [LogSubset.Line] = []
    var names: [UInt8] = []
    for (index, entry) in pending.enumerated() {
      var item = AtIndexLayout.Item()
      item.kind = entry.kind
      item.low = entry.low
      item.high = entry.high
      item.reachFirst = entry.reachFirst
      item.reachLast = entry.reachLast
      item.calendarFirst = entry.calendarFirst
      item.calendarLast = entry.calendarLast
      // An area the header does not declare (which the decoder does not let through), or a
      // table too large for its 32-bit positions, leaves the item out of reach: a question in
      // scope of it reads the whole log.
      guard let area = entry.area, let firstLine = UInt32(exactly: lines.count),
        let lineCount = UInt32(exactly: entry.positions.count),
        let nameOffset = UInt32(exactly: names.count),
        let nameLength = UInt32(exactly: entry.id.utf8.count)
      else {
        item.area = UInt16.max
        items.append(item)
        continue
      }
      item.area = area
      item.answersAlone = verdicts[index]
      item.firstLine = firstLine
      item.lineCount = lineCount
      item.nameOffset = nameOffset
      item.nameLength = nameLength
      names += entry.id.utf8
      var ownAreas: Set<String> = []
      for position in entry.positions {
        lines.append(
          LogSubset.Line(
            offset: log.eventLines[position].lowerBound, number: log.events[position].line))
        // As a fold weighs it: once errata apply (whatever the as-of moment), and not at all
        // when an erratum strikes the event.
        let id = log.events[position].id
        if !log.voided.contains(id) {
          let effective = log.amendments[id] ?? log.events[position]
          item.announced.take(
            effective.announced.range, retraction: effective.type == .retraction)
        }
        // The areas of the events that give it its area: a fold takes the area of the first of
        // them it folds, which an as-of moment may change (errata apply at every moment).
        if !log.voided.contains(id) {
          let effective = log.amendments[id] ?? log.events[position]
          if effective.subject == entry.subject && Self.givesItsArea(effective.payload) {
            ownAreas.insert(effective.area)
          }
        }
      }
      item.areaVaries = ownAreas.count > 1
      items.append(item)
    }
    var header = AtIndexLayout.Header()
    header.logLength = UInt64(log.completeLength)
    header.lastLineOffset = UInt64(log.eventLines.last?.lowerBound ?? 0)
    header.lastLineHash = log.lastLineHash
    header.headerFingerprint = LogHeaderLine.fingerprint(log.headerLine)
    // Each event's names as its line gives them and as errata make them: an erratum may set
    // what a statement disputes, and a replay's fold then watches that event.
    var links: [AtIndexLayout.LinkEntry] = []
    for (position, event) in log.events.enumerated() {
      guard let stored = UInt32(exactly: position) else { break }
      links += AtIndexLayout.LinkEntry.entries(of: event, position: stored)
      if let amended = log.amendments[event.id] {
        links += AtIndexLayout.LinkEntry.entries(of: amended, position: stored)
      }
    }
    links.sort()
    links = links.enumerated().filter { $0.offset == 0 || links[$0.offset - 1] != $0.element }
      .map(\.element)
    var eventIDs: [UInt8] = []
    for event in log.events {
      eventIDs += event.id.utf8
      eventIDs.append(UInt8(ascii: "\n"))
    }
    return image(
      header: header, items: items, lines: lines, names: names, links: links,
      eventIDs: eventIDs,
      announcers: AtIndexLayout.Announcers(of: log.events, amendments: log.amendments),
      events: log.events.count
    ) {
      cursor in
      for position in log.events.indices {
        eventRecord(position, of: log, areaIndex: areaIndex)
          .store(to: cursor + position * AtIndexLayout.eventSize)
      }
    }
  }

  /// The record of the event at `position` in `log.events`: what its line says, and what errata
  /// make of it.
  private static func eventRecord(
    _ position: Int, of log: EventLog, areaIndex: [String: UInt16]
  ) -> AtIndexLayout.EventRecord {
    let event = log.events[position]
    var record = AtIndexLayout.EventRecord(
      offset: log.eventLines[position].lowerBound, event: event,
      area: areaIndex[event.area] ?? UInt16.max)
    if log.voided.contains(event.id) { record.corrections.insert(.voided) }
    if let amended = log.amendments[event.id] {
      record.corrections.insert(.amended)
      record.effectiveArea = areaIndex[amended.area] ?? UInt16.max
      record.placed = AnnouncementOrder.placement(of: amended).instant.secondsSinceEpoch
      record.effectiveLow = amended.announced.range.earliest?.secondsSinceEpoch ?? Int64.min
      record.effectiveHigh = amended.announced.range.latest?.secondsSinceEpoch ?? Int64.max
    }
    switch event.payload {
    case .erratum(let target, _), .retraction(let target):
      // Lines are numbered from the header's, 1; events from the first line after it.
      if let line = log.lineByID[target], log.events.indices.contains(line - 2),
        log.events[line - 2].id == target, let stored = UInt32(exactly: line - 1)
      {
        record.target = stored
      }
    default: break
    }
    return record
  }

  /// The index's bytes from its parts: the header's counts and the time orders are filled in
  /// here.
  ///
  /// - Parameters:
  ///   - header: The header, with what it says of the log.
  ///   - items: The item records.
  ///   - lines: The lines they rest on.
  ///   - names: Their ids.
  ///   - links: The names the events bear or cite, sorted.
  ///   - eventIDs: The events' ids in log order, each ended by a newline.
  ///   - announcers: Who announced the events.
  ///   - events: How many event records there are.
  ///   - storeEvents: Stores them, one after another from the pointer given.
  static func image(
    header: AtIndexLayout.Header, items: [AtIndexLayout.Item], lines: [LogSubset.Line],
    names: [UInt8], links: [AtIndexLayout.LinkEntry] = [], eventIDs: [UInt8] = [],
    announcers: AtIndexLayout.Announcers = AtIndexLayout.Announcers(), events: Int,
    storeEvents: (UnsafeMutableRawPointer) -> Void
  ) -> [UInt8] {
    var header = header
    header.eventCount = UInt64(events)
    header.itemCount = UInt64(items.count)
    header.lineCount = UInt64(lines.count)
    header.nameBytes = UInt64(names.count)
    let orders = AtIndexLayout.TimeOrders(items: items)
    header.shortSpan = orders.span
    header.shortItemCount = UInt64(orders.itemsByLow.count)
    header.shortProposalCount = UInt64(orders.proposalsByLow.count)
    header.linkCount = UInt64(links.count)
    header.eventIDBytes = UInt64(eventIDs.count)
    header.announcerCount = UInt64(announcers.records.count)
    header.announcerNameBytes = UInt64(announcers.names.count)
    header.announcedCount = UInt64(announcers.announced.count)
    var bytes = [UInt8](repeating: 0, count: header.fileSize)
    bytes.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      header.store(to: base)
      var cursor = base + AtIndexLayout.headerSize
      for item in items {
        item.store(to: cursor)
        cursor += AtIndexLayout.itemSize
      }
      for line in lines {
        cursor.storeBytes(of: UInt64(line.offset).littleEndian, as: UInt64.self)
        cursor.storeBytes(of: UInt64(line.number).littleEndian, toByteOffset: 8, as: UInt64.self)
        cursor += AtIndexLayout.lineSize
      }
      for byte in names {
        cursor.storeBytes(of: byte, as: UInt8.self)
        cursor += 1
      }
      storeEvents(cursor)
      cursor += events * AtIndexLayout.eventSize
      for entry in orders.stored {
        entry.store(to: cursor)
        cursor += AtIndexLayout.orderEntrySize
      }
      for entry in links {
        entry.store(to: cursor)
        cursor += AtIndexLayout.linkEntrySize
      }
      eventIDs.withUnsafeBytes { ids in
        UnsafeMutableRawBufferPointer(start: cursor, count: ids.count).copyMemory(from: ids)
      }
      cursor += eventIDs.count
      announcers.store(to: cursor)
      seal(base, header: &header)
    }
    return bytes
  }

  /// Writes the checksums of an index image's blocks after them, and the header with the
  /// checksum of those and its own (``IndexBlocks``).
  ///
  /// - Parameters:
  ///   - base: The image, `header.fileSize` bytes.
  ///   - header: Its header, whose ``AtIndexLayout/Header/blocksChecksum`` is set.
  static func seal(_ base: UnsafeMutableRawPointer, header: inout AtIndexLayout.Header) {
    let checksums = IndexBlocks.checksums(
      of: UnsafeRawBufferPointer(
        start: base + AtIndexLayout.headerSize,
        count: header.blocksOffset - AtIndexLayout.headerSize))
    var cursor = base + header.blocksOffset
    for checksum in checksums {
      cursor.storeBytes(of: checksum.littleEndian, as: UInt64.self)
      cursor += IndexBlocks.checksumSize
    }
    header.blocksChecksum = IndexBlocks.checksum(
      UnsafeRawBufferPointer(
        start: base + header.blocksOffset, count: header.fileSize - header.blocksOffset))
    header.store(to: base)
  }

  /// Whether an event with this body gives the item it is about its area, when a fold meets it
  /// first (``Folder``): a pause's events, a corridor group's opening, an offensive's events.
  static func givesItsArea(_ payload: EventPayload) -> Bool {
    switch payload {
    case .pauseDeclared, .pauseExtended, .pauseSuspended, .pauseResumed, .pauseEnded,
      .corridorOpened, .offensiveLaunched, .offensiveScaledBack, .offensiveIntensified,
      .offensiveEnded:
      return true
    case .corridorClosed, .statement, .violationReported, .proposal, .erratum, .retraction:
      return false
    }
  }

  /// An item found in the projection, before it is checked.
  private struct Pending: Sendable {
    var kind: AtIndexLayout.Kind
    var id: String
    /// The name its lines are about (for a proposal, its proposal id; else its id).
    var subject: String
    var area: UInt16?
    var low: Int64
    var high: Int64
    /// As ``AtIndexLayout/Item/reachFirst`` and ``AtIndexLayout/Item/reachLast``.
    var reachFirst: Int64
    var reachLast: Int64
    /// As ``AtIndexLayout/Item/calendarFirst`` and ``AtIndexLayout/Item/calendarLast``.
    var calendarFirst: Int64
    var calendarLast: Int64
    var eventIDs: [String]
    var positions: [Int]
  }

  /// For each item, whether it reads the same from its own lines as from the whole log; checked
  /// on every core.
  private static func verify(_ pending: [Pending], log: EventLog, projection: Projection)
    -> [Bool]
  {
    var disputesBySubject: [String: [Dispute]] = [:]
    for dispute in projection.disputes {
      disputesBySubject[dispute.subject, default: []].append(dispute)
    }
    var proposalByEvent: [String: Event] = [:]
    for proposal in projection.proposals { proposalByEvent[proposal.id] = proposal }
    let disputes = disputesBySubject
    let proposals = proposalByEvent
    let verdicts = Verdicts(count: pending.count)
    let parts = max(1, System.activeCores * 4)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      for index in stride(from: part, to: pending.count, by: parts) {
        let entry = pending[index]
        guard entry.area != nil, !entry.positions.isEmpty else { continue }
        let alone = Projection(log: LogSubset.log(log, positions: entry.positions))
        verdicts.set(
          index,
          sameAnswer(
            entry.kind, entry.id, eventIDs: entry.eventIDs, whole: projection, alone: alone,
            disputes: disputes[entry.id] ?? [],
            wholeProposal: { proposals[$0] }))
      }
    }
    return verdicts.values
  }

  /// Whether an item reads the same in a projection of its own lines as in the whole log's:
  /// its track (or, for a proposal, its event), its disputes, the statements about it, and
  /// every event they cite.
  private static func sameAnswer(
    _ kind: AtIndexLayout.Kind, _ id: String, eventIDs: [String], whole: Projection,
    alone: Projection, disputes: [Dispute],
    wholeProposal: (String) -> Event?
  ) -> Bool {
    switch kind {
    case .pause: guard whole.pause(id) == alone.pause(id) else { return false }
    case .corridors: guard whole.corridor(id) == alone.corridor(id) else { return false }
    case .offensive: guard whole.offensive(id) == alone.offensive(id) else { return false }
    case .unlisted:
      // Not listed from the whole log, nor from its own lines.
      return alone.pause(id) == nil && alone.corridor(id) == nil && alone.offensive(id) == nil
        && whole.pause(id) == nil && whole.corridor(id) == nil && whole.offensive(id) == nil
    case .proposal:
      // Only the proposal's event is shown.
      guard let event = eventIDs.first, let proposal = wholeProposal(event) else { return false }
      return alone.proposals.filter({ $0.id == event }) == [proposal]
    }
    guard alone.disputes.filter({ $0.subject == id }) == disputes else { return false }
    let statements = whole.statements(about: id)
    guard alone.statements(about: id) == statements else { return false }
    var cited = Set(eventIDs)
    for dispute in disputes {
      for version in dispute.versions { cited.formUnion(version.eventIDs) }
    }
    cited.formUnion(statements.map(\.id))
    let aloneEvents = alone.events
    return cited.allSatisfy { whole.event($0) == aloneEvents[$0] }
  }

  /// Writes the index beside a log, replacing any there: a file of its own first (named for
  /// this process, so that two writers do not mix), flushed, then renamed over the old one, so
  /// that a reader sees one or the other whole.
  static func write(_ image: [UInt8], atLog path: String) throws(FileIOError) {
    let target = AtIndex.path(forLog: path)
    let temporary = target + ".\(getpid()).tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw FileIOError(path: temporary, operation: "create", code: errno)
    }
    do {
      try FileIO.writeAll(image, descriptor: descriptor, path: temporary)
      try FileIO.sync(descriptor, path: temporary)
      close(descriptor)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    guard rename(temporary, target) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileIOError(path: target, operation: "rename", code: code)
    }
  }
}

/// The checks' verdicts, one slot per item, each written by one thread and read after all
/// have finished.
private final class Verdicts: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<Bool>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: false)
  }

  deinit { slots.deallocate() }

  func set(_ index: Int, _ value: Bool) { slots[index] = value }

  var values: [Bool] { Array(slots) }
}
