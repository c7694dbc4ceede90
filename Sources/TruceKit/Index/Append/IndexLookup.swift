/// Answers what the log's rules ask about earlier lines (is this pause declared, when did it
/// begin, is it suspended, how do errata leave this event) from the index and the few lines it
/// points to.
///
/// Every line read back is checked to be what the index says it is; when one is not, the index
/// is not used (``IndexMismatch``).
struct IndexLookup {
  /// The index's table (replaced when the index grows).
  var table: NameTable
  let reader: LogLineReader
  private var decoder: LineDecoder
  private var scratch: [ContextCheck] = []

  init(table: NameTable, reader: LogLineReader, areas: AreaRegistry) {
    self.table = table
    self.reader = reader
    self.decoder = LineDecoder(areas: areas)
  }

  /// An event read back from its line, with the line and, for an erratum, where its `set` is.
  struct ReadBack {
    var event: Event
    var line: [UInt8]
    var set: Range<Int>?
  }

  /// The event whose line starts at `offset`, as recorded.
  mutating func event(at offset: UInt64) throws(IndexMismatch) -> ReadBack {
    let found: (content: [UInt8], end: Int)?
    guard let position = Int(exactly: offset) else {
      throw IndexMismatch(reason: "no line at byte \(offset)")
    }
    do { found = try reader.line(at: position) } catch {
      throw IndexMismatch(reason: "\(error.path): \(error)")
    }
    guard let line = found?.content else {
      throw IndexMismatch(reason: "no complete line at byte \(offset)")
    }
    scratch.removeAll(keepingCapacity: true)
    let outcome = line.withUnsafeBytes { decoder.decode($0, number: 0, checks: &scratch) }
    guard let event = outcome.event, outcome.failure == nil else {
      throw IndexMismatch(reason: "the line at byte \(offset) is not a valid event")
    }
    return ReadBack(event: event, line: line, set: outcome.set.map(\.range))
  }

  /// What the log has declared about `names`, in the form the decoder's rules read it: a
  /// ``KnownSubjects`` holding only those names.
  mutating func knownSubjects(for names: Set<String>) throws(IndexMismatch) -> KnownSubjects {
    var known = KnownSubjects()
    for name in names {
      guard let record = try table.record(named: name) else { continue }
      if record.eventOffset != 0 {
        try expect(try event(at: record.eventOffset).event.id == name, name)
        known.events[name] = 0
        if record.flags.contains(.correction) { known.corrections.insert(name) }
      }
      if record.pauseOffset != 0 {
        guard
          case .pauseDeclared(let declaration) = try event(at: record.pauseOffset).event.payload,
          declaration.pause == name
        else { throw mismatch(name) }
        known.pauses[name] = .some(declaration.window.start?.range)
      }
      if record.suspensionOffset != 0 {
        let suspension = try event(at: record.suspensionOffset).event
        guard case .pauseSuspended(let pause, let at) = suspension.payload, pause == name else {
          throw mismatch(name)
        }
        known.suspended[name] = (at.range, suspension.id)
      }
      if record.corridorOffset != 0 {
        guard
          case .corridorOpened(let opening) = try event(at: record.corridorOffset).event.payload,
          opening.corridor == name
        else { throw mismatch(name) }
        known.corridors[name] = .some(opening.window.start?.range)
      }
      if record.offensiveOffset != 0 {
        guard
          case .offensiveLaunched(let launch) = try event(at: record.offensiveOffset).event.payload,
          launch.offensive == name
        else { throw mismatch(name) }
        known.offensives[name] = launch.at.range
      }
      if record.flags.contains(.proposal) { known.proposals.insert(name) }
    }
    return known
  }

  /// The line of the event with this id as errata have amended it so far (the line itself when
  /// none has), with its line number; `nil` when no event has the id.
  mutating func amendedLine(of id: String) throws(IndexMismatch) -> (number: Int, bytes: [UInt8])? {
    guard let record = try table.record(named: id), record.eventOffset != 0 else { return nil }
    let original = try event(at: record.eventOffset)
    try expect(original.event.id == id, id)
    // The errata, latest first, each naming the one before it.
    var errata: [ReadBack] = []
    var link = record.erratumLink
    while link != 0 {
      guard errata.count < table.used else { throw mismatch(id) }
      let erratum = try event(at: link)
      guard case .erratum(let target, false) = erratum.event.payload, target == id,
        erratum.set != nil, let own = try table.record(named: erratum.event.id)
      else { throw mismatch(id) }
      errata.append(erratum)
      link = own.erratumLink
    }
    var merged = original.line
    for erratum in errata.reversed() {
      guard let set = erratum.set else { throw mismatch(id) }
      do {
        merged = try erratum.line.withUnsafeBytes { line throws(ErratumMerge.ForbiddenKey) in
          try ErratumMerge.merge(UnsafeRawBufferPointer(rebasing: line[set]), into: merged)
        }
      } catch { throw mismatch(id) }
    }
    return (original.event.seq + 1, merged)
  }

  /// The earliest announcement by an event with this id or about it: `nil` when there is none,
  /// `.some(nil)` when one has no lower bound.
  ///
  /// - Throws: ``IndexMismatch`` when the index is damaged where it looks.
  func firstAnnounced(_ name: String) throws(IndexMismatch) -> Instant?? {
    guard let record = try table.record(named: name), record.firstAnnounced != Int64.max else {
      return nil
    }
    if record.firstAnnounced == Int64.min { return .some(nil) }
    return .some(Instant(secondsSinceEpoch: record.firstAnnounced))
  }

  private func expect(_ condition: Bool, _ name: String) throws(IndexMismatch) {
    if !condition { throw mismatch(name) }
  }

  private func mismatch(_ name: String) -> IndexMismatch {
    IndexMismatch(reason: "a line the index gives for '\(name)' does not mention it")
  }
}
