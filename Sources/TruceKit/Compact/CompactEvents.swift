/// Events held as fixed-size records, every name a number, with what a fold reads of them (and
/// the rest of their payloads): the compact event store of `docs/compact-event-store.md`.
///
/// A record (``EventRecord``, 48 bytes) keeps an event's type, area, announcement, source's
/// citation and words, where its links and payload begin in the pools; the payload's fields are
/// words in one pool and its stamps in another (see ``PayloadWriter``). Names (areas, citations,
/// pause ids, parties, free text, the ids events refer to) are held once each in a
/// ``NameNumbers``. Each event's own id is held beside its record, in a list of ids: ids do not
/// repeat, so numbering them would cost a lookup each (four fifths of the names) and save
/// nothing.
///
/// Not kept: when an event was reported or recorded and by whom, who announced it, its line,
/// sequence number and chain link, its source's other fields. An answer that shows an event is
/// to read it from its line again.
///
/// Records are made from decoded events (``append(_:)``): by the log's line-by-line stage when a
/// log is read to be folded only (``ReadOptions/holdsRecords``), each event let go once its record
/// is written. The plan is for the decoder's workers to write them straight from a line's tokens.
struct CompactEvents: FoldEvents {
  private var records: [EventRecord] = []
  /// Each record's event's id, by the same position.
  private var ids: [String] = []
  private var pools = PayloadWriter()

  /// An empty store.
  init() {}

  /// A store of `events`, in order.
  init(_ events: [Event]) {
    reserveCapacity(events.count)
    events.withUnsafeBufferPointer { events in
      for index in events.indices { append(events[index]) }
    }
  }

  /// How many events are held.
  var count: Int { records.count }

  /// Makes room for about `capacity` records, their pools and names without growing: pools
  /// grown by doubling copy everything they hold each time. (A generated history writes about
  /// eight words and one and a quarter stamps an event, and a name for every four; room
  /// reserved and never written takes address space, not memory.)
  mutating func reserveCapacity(_ capacity: Int) {
    records.reserveCapacity(capacity)
    ids.reserveCapacity(capacity)
    pools.words.reserveCapacity(capacity * 10)
    pools.stamps.reserveCapacity(capacity * 3 / 2)
    pools.names.reserveCapacity(capacity / 4)
  }

  /// How many distinct names the events hold.
  var nameCount: Int { pools.names.count }

  /// Lets go of what finds a name's number, for a store that is only read from now on (see
  /// ``NameNumbers/releaseLookup()``); appending or replacing an event builds it again.
  mutating func releaseNameLookup() {
    pools.names.releaseLookup()
  }

  /// The bytes the records, ids and pools take (their elements, not their arrays' spare room, nor
  /// the names' table, nor strings longer than 15 bytes).
  var recordBytes: Int {
    records.count * MemoryLayout<EventRecord>.stride + ids.count * MemoryLayout<String>.stride
      + pools.words.count * 4
      + pools.stamps.count * MemoryLayout<Stamp>.stride
  }

  /// Adds an event after the others.
  mutating func append(_ event: borrowing Event) {
    let record = EventRecord(
      area: pools.names.number(of: event.area),
      citation: pools.names.number(of: event.source.citation),
      words: pools.names.number(ofOptional: event.source.quote ?? event.note),
      links: UInt32(pools.words.count), payloadStamp: UInt32(pools.stamps.count),
      type: event.type, announced: event.announced)
    pools.list(event.disputes)
    pools.list(event.sameAnnouncementAs)
    pools.write(event.payload)
    precondition(
      pools.words.count <= UInt32.max && pools.stamps.count <= UInt32.max, "pools past 2^32")
    records.append(record)
    ids.append(event.id)
  }

  /// Puts `event`'s record in place of the one at `position` (an event amended by an erratum).
  ///
  /// The replaced record's links, payload and names stay in the pools, unread.
  mutating func replace(at position: Int, with event: borrowing Event) {
    append(event)
    records.withUnsafeMutableBufferPointer { records in
      records.swapAt(position, records.count - 1)
    }
    records.removeLast()
    ids.swapAt(position, ids.count - 1)
    ids.removeLast()
  }

  /// Removes the records at `positions` (ascending, each once), moving the others up in order
  /// without copying the array.
  mutating func remove(atAscending positions: [Int]) {
    guard !positions.isEmpty, let placeholder = records.first else { return }
    records.withUnsafeMutableBufferPointer { $0.removeAscending(positions, leaving: placeholder) }
    records.removeLast(positions.count)
    ids.withUnsafeMutableBufferPointer { $0.removeAscending(positions, leaving: "") }
    ids.removeLast(positions.count)
  }

  func id(at position: Int) -> String {
    ids.withUnsafeBufferPointer { $0[position] }
  }

  func type(at position: Int) -> EventType {
    record(position).type
  }

  func area(at position: Int) -> String {
    pools.names.name(record(position).area)
  }

  func announced(at position: Int) -> Stamp {
    record(position).announced
  }

  func payload(at position: Int) -> EventPayload {
    withPayloadReader(at: position) { reader, type in reader.read(type) }
  }

  /// Read from the words, with no payload built.
  func itemChange(at position: Int) -> ItemChange? {
    guard ItemChange.isChange(record(position).type) else { return nil }
    return withPayloadReader(at: position) { reader, type in reader.readChange(type) }
  }

  /// Calls `body` with a reader at the start of the payload of the record at `position`, and
  /// the record's type.
  private func withPayloadReader<Result>(
    at position: Int, _ body: (inout PayloadReader, EventType) -> Result
  ) -> Result {
    let record = record(position)
    let word = payloadWord(of: record)
    // Every pool read in place: copying the table of names into the reader retained each of
    // its arrays, a third of the cost of a payload read back.
    return pools.words.withUnsafeBufferPointer { words in
      pools.stamps.withUnsafeBufferPointer { stamps in
        pools.names.withNames { names in
          var reader = PayloadReader(
            words: words, stamps: stamps, names: names, word: word,
            stamp: Int(record.payloadStamp))
          return body(&reader, record.type)
        }
      }
    }
  }

  func citation(at position: Int) -> String {
    pools.names.name(record(position).citation)
  }

  func words(at position: Int) -> String? {
    pools.names.optionalName(record(position).words)
  }

  func subject(at position: Int) -> String? {
    payload(at: position).subject
  }

  func disputes(at position: Int) -> [String] {
    list(at: Int(record(position).links))
  }

  func sameAnnouncementAs(at position: Int) -> [String] {
    let disputes = Int(record(position).links)
    return list(at: disputes + 1 + Int(pools.words[disputes]))
  }

  func lanes(at position: Int) -> UInt8 {
    let record = record(position)
    guard record.type == .statement else {
      return FoldLane.bits(of: record.type, statementKind: nil)
    }
    // A statement's kind is the first word of its body.
    let kind = StatementKind.compactCases[Int(pools.words[payloadWord(of: record)])]
    return FoldLane.bits(of: record.type, statementKind: kind)
  }

  /// The record at `position`, read in place.
  private func record(_ position: Int) -> EventRecord {
    records.withUnsafeBufferPointer { $0[position] }
  }

  /// Where a record's payload begins in the pool of words: after its two lists of links.
  private func payloadWord(of record: EventRecord) -> Int {
    let disputes = Int(record.links)
    let same = disputes + 1 + Int(pools.words[disputes])
    return same + 1 + Int(pools.words[same])
  }

  /// The names of the list written at `start` in the pool of words (its count, then each name).
  private func list(at start: Int) -> [String] {
    let count = Int(pools.words[start])
    guard count > 0 else { return [] }
    return pools.words.withUnsafeBufferPointer { words in
      (start + 1...start + count).map { pools.names.name(words[$0]) }
    }
  }
}

/// One event of a ``CompactEvents`` store, but for its id: names as numbers of its
/// ``NameNumbers`` (0 for none), links and payload as positions in its pools.
struct EventRecord {
  var area: UInt32
  var citation: UInt32
  /// The source's quote, else the event's note.
  var words: UInt32
  /// Where, in the pool of words, the list of the ids it disputes begins (a count, then each
  /// id), followed by the list of the events that report the same announcement, then by its
  /// payload's words.
  var links: UInt32
  /// Where its payload's stamps begin in the pool of stamps.
  var payloadStamp: UInt32
  var type: EventType
  var announced: Stamp
}
