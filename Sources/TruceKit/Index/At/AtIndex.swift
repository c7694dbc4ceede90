/// The index `truce at` answers from (`<log>.at-index`): every item with when it may be in
/// force, its area and the lines it rests on (see ``AtIndexLayout`` and ``AtIndexBuilder``).
///
/// It is a cache of the whole log as it stood when it was built, used only while the log still
/// holds those lines (ending with the same line, which still names the one before it). Lines
/// appended since through `truce append` are read beside it (``LogTail``); lines the index
/// appends check against does not vouch for send the question to the whole log.
final class AtIndex {
  /// Where the index of a log is kept.
  static func path(forLog path: String) -> String { path + ".at-index" }

  let file: IndexFile
  let header: AtIndexLayout.Header
  /// The blocks' checksums, and which blocks were read: every accessor checks the bytes it
  /// reads, and a reader gives up on the index once ``IndexBlocks/isDamaged``.
  let blocks: IndexBlocks

  /// Whether a block read so far did not match its checksum: what was read from the index
  /// since it was opened must be thrown away.
  var isDamaged: Bool { blocks.isDamaged }

  /// Opens the index beside a log.
  ///
  /// - Throws: ``IndexMismatch`` when it is missing, not an index of this version, or damaged.
  init(forLog logPath: String) throws(IndexMismatch) {
    let path = AtIndex.path(forLog: logPath)
    guard let file = IndexFile(path: path, writable: false) else {
      throw IndexMismatch(reason: "\(path) is missing or unreadable")
    }
    guard let header = AtIndexLayout.Header(loadingFrom: file.base, size: file.size),
      let blocks = IndexBlocks(file: file, header: header)
    else {
      throw IndexMismatch(reason: "\(path) is not an index of this version, or is damaged")
    }
    self.file = file
    self.header = header
    self.blocks = blocks
  }

  /// Checks that the log still holds the lines the index was built from: the line it ended
  /// with is still there, ending where the log then ended, and still chains onto the line
  /// before it (as every reader checks the last line). Lines appended since are the tail's to
  /// check (``LogTail``).
  ///
  /// - Parameters:
  ///   - reader: The log.
  ///   - size: The log's size now.
  func check(against reader: LogLineReader, size: Int) throws(IndexMismatch) {
    guard size >= Int(header.logLength) else {
      throw IndexMismatch(reason: "the log is shorter than when it was indexed")
    }
    try reader.checkIndexedLine(
      at: Int(header.lastLineOffset), endingAt: Int(header.logLength), hash: header.lastLineHash)
  }

  /// The record of the event at a position in the log (from 0).
  func event(_ position: Int) -> AtIndexLayout.EventRecord {
    let offset = header.eventsOffset + position * AtIndexLayout.eventSize
    return AtIndexLayout.EventRecord(
      loadingFrom: blocks.record(at: offset, count: AtIndexLayout.eventSize))
  }

  /// The number of items.
  var count: Int { Int(header.itemCount) }

  /// The item at a position; `nil` past the records (or for a record of no kind this version
  /// knows).
  func item(_ position: Int) -> AtIndexLayout.Item? {
    guard position >= 0, position < count else { return nil }
    let offset = AtIndexLayout.headerSize + position * AtIndexLayout.itemSize
    return AtIndexLayout.Item(loadingFrom: blocks.record(at: offset, count: AtIndexLayout.itemSize))
  }

  /// When, where and what the item at a position is, without the rest of its record.
  func summary(_ position: Int) -> AtIndexLayout.ItemSummary {
    let offset = AtIndexLayout.headerSize + position * AtIndexLayout.itemSize
    return AtIndexLayout.ItemSummary(
      loadingFrom: blocks.record(at: offset, count: AtIndexLayout.itemSize))
  }

  /// The time orders' lists, in the order they are stored.
  enum OrderList: Int, CaseIterable {
    case itemsByLow, itemsByHigh, proposalsByLow, proposalsByHigh, others
  }

  /// One of the time orders, read in place.
  func order(_ list: OrderList) -> TimeOrder {
    let items = Int(header.shortItemCount)
    let proposals = Int(header.shortProposalCount)
    let counts = [items, items, proposals, proposals, header.otherItemCount]
    let before = counts[..<list.rawValue].reduce(0, +)
    return TimeOrder(
      offset: header.ordersOffset + before * AtIndexLayout.orderEntrySize,
      count: counts[list.rawValue], blocks: blocks)
  }

  /// Appends the lines an item rests on; `false` (appending none) when the index points
  /// outside itself.
  func appendLines(of item: AtIndexLayout.Item, to lines: inout [LogSubset.Line]) -> Bool {
    let first = Int(item.firstLine)
    let count = Int(item.lineCount)
    guard first + count <= Int(header.lineCount),
      blocks.check(
        header.linesOffset + first * AtIndexLayout.lineSize, count: count * AtIndexLayout.lineSize)
    else { return false }
    let base = file.base + header.linesOffset
    // Grown as appending grows it (doubling): reserving exactly what each item adds copied
    // every line read so far once per item, which a question reading thousands of items felt.
    if lines.capacity < lines.count + count {
      lines.reserveCapacity(max(lines.count + count, 2 * lines.capacity))
    }
    for index in first..<first + count {
      let pointer = base + index * AtIndexLayout.lineSize
      lines.append(
        LogSubset.Line(
          offset: Int(UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))),
          number: Int(
            UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))))
    }
    return true
  }

  /// An item's id; `nil` when the index points outside itself.
  func name(of item: AtIndexLayout.Item) -> String? {
    let start = Int(item.nameOffset)
    let count = Int(item.nameLength)
    guard start + count <= Int(header.nameBytes),
      blocks.check(header.namesOffset + start, count: count)
    else { return nil }
    let bytes = UnsafeRawBufferPointer(start: file.base + header.namesOffset + start, count: count)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The positions of the pauses, corridor groups and offensives with these ids, by id (ids
  /// the index does not hold are left out).
  func positions(named names: Set<String>) -> [String: [Int]] {
    guard !names.isEmpty else { return [:] }
    // The names by the hash of their bytes: each item's id is hashed once and compared with
    // the few names of its hash, not with every name of its length.
    var wanted: [UInt64: [String]] = [:]
    for name in names { wanted[NameSlots.hash(name), default: []].append(name) }
    var found: [String: [Int]] = [:]
    for position in 0..<count {
      guard let item = item(position), item.kind != .proposal,
        Int(item.nameOffset) + Int(item.nameLength) <= Int(header.nameBytes),
        blocks.check(header.namesOffset + Int(item.nameOffset), count: Int(item.nameLength))
      else { continue }
      let stored = UnsafeRawBufferPointer(
        start: file.base + header.namesOffset + Int(item.nameOffset), count: Int(item.nameLength))
      guard let candidates = wanted[ByteHash.hash(stored)] else { continue }
      for name in candidates where ByteHash.equal(name, stored) {
        found[name, default: []].append(position)
      }
    }
    return found
  }

  /// The positions of the corridor groups among whose lines is one starting at any of these
  /// offsets.
  func corridorGroups(holdingAnyOf offsets: [Int]) -> Set<Int> {
    items(holdingAnyOf: offsets) { $0 == .corridors }
  }

  /// The positions of the items of the kinds `isWanted` takes among whose lines is one starting
  /// at any of these offsets.
  func items(
    holdingAnyOf offsets: [Int], kinds isWanted: (AtIndexLayout.Kind) -> Bool = { _ in true }
  )
    -> Set<Int>
  {
    guard !offsets.isEmpty else { return [] }
    var found = Set<Int>()
    let base = file.base + header.linesOffset
    // A line in a damaged block starts nowhere.
    func offset(ofLine index: Int) -> Int {
      guard blocks.check(header.linesOffset + index * AtIndexLayout.lineSize, count: 8) else {
        return -1
      }
      return Int(
        UInt64(
          littleEndian: (base + index * AtIndexLayout.lineSize).loadUnaligned(as: UInt64.self)))
    }
    for position in 0..<count {
      guard let item = item(position), isWanted(item.kind) else { continue }
      let first = Int(item.firstLine)
      let end = first + Int(item.lineCount)
      guard end <= Int(header.lineCount) else { continue }
      // An item's lines are in log order: search them.
      for target in offsets {
        var low = first
        var high = end
        while low < high {
          let middle = (low + high) / 2
          if offset(ofLine: middle) < target { low = middle + 1 } else { high = middle }
        }
        if low < end && offset(ofLine: low) == target {
          found.insert(position)
          break
        }
      }
    }
    return found
  }

  /// The positions of the items among whose lines is one starting at any of these offsets, for
  /// many offsets: where ``items(holdingAnyOf:kinds:)`` searches every item's lines for each
  /// offset, this passes every item's lines once.
  ///
  /// - Throws: ``IndexMismatch`` when an item's record is damaged.
  func items(holdingLinesAt offsets: Set<Int>) throws(IndexMismatch) -> Set<Int> {
    guard !offsets.isEmpty else { return [] }
    var found = Set<Int>()
    let base = file.base + header.linesOffset
    for position in 0..<count {
      guard let item = item(position) else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      let first = Int(item.firstLine)
      let end = first + Int(item.lineCount)
      guard end <= Int(header.lineCount) else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      guard
        blocks.check(
          header.linesOffset + first * AtIndexLayout.lineSize,
          count: (end - first) * AtIndexLayout.lineSize)
      else { throw IndexMismatch(reason: "the index is damaged") }
      for line in first..<end {
        let pointer = base + line * AtIndexLayout.lineSize
        if offsets.contains(Int(UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self)))) {
          found.insert(position)
          break
        }
      }
    }
    return found
  }

  /// The positions (in the log, from 0; ascending) of the events linked to a name by one of
  /// `relations`, as the lines give them. Names are matched by their 64-bit hash, so a caller
  /// that must not take another name's events checks the lines it reads.
  ///
  /// - Throws: ``IndexMismatch`` when the index is damaged.
  func positions(
    linkedTo name: String, by relations: Set<AtIndexLayout.LinkRelation>
  ) throws(IndexMismatch) -> [Int] {
    let hash = NameHash.of(name)
    let count = Int(header.linkCount)
    let base = file.base + header.linksOffset
    func entry(_ index: Int) throws(IndexMismatch) -> AtIndexLayout.LinkEntry {
      guard
        blocks.check(
          header.linksOffset + index * AtIndexLayout.linkEntrySize,
          count: AtIndexLayout.linkEntrySize),
        let entry = AtIndexLayout.LinkEntry(
          loadingFrom: base + index * AtIndexLayout.linkEntrySize)
      else { throw IndexMismatch(reason: "the index is damaged") }
      return entry
    }
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if try entry(middle).hash < hash { low = middle + 1 } else { high = middle }
    }
    var positions: [Int] = []
    var index = low
    while index < count, case let found = try entry(index), found.hash == hash {
      guard UInt64(found.position) < header.eventCount else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      if relations.contains(found.relation) { positions.append(Int(found.position)) }
      index += 1
    }
    return positions.sorted()
  }
}

extension AtIndex {
  /// The first event ids (at most `limit`), in log order, that begin with `prefix`, as
  /// `String.hasPrefix` has it.
  func eventIDs(beginningWith prefix: String, limit: Int) -> [String] {
    guard limit > 0, blocks.check(header.eventIDsOffset, count: Int(header.eventIDBytes)) else {
      return []
    }
    let bytes = UnsafeRawBufferPointer(
      start: file.base + header.eventIDsOffset, count: Int(header.eventIDBytes))
    // An id whose first byte differs from an ASCII first byte of the prefix cannot begin with
    // it (an ASCII character is equivalent to no other), so it is passed without a string.
    let first = prefix.utf8.first.flatMap { $0 < 0x80 ? $0 : nil }
    var found: [String] = []
    var start = 0
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      defer { start = offset + 1 }
      if let first, offset == start || bytes[start] != first { continue }
      let id = String(decoding: bytes[start..<offset], as: UTF8.self)
      guard id.hasPrefix(prefix) else { continue }
      found.append(id)
      if found.count == limit { break }
    }
    return found
  }
}

/// A list of ``AtIndexLayout/OrderEntry``s in a mapped index, each checked as it is read.
struct TimeOrder {
  /// Where the list starts in the index.
  let offset: Int
  let count: Int
  let blocks: IndexBlocks

  @inline(__always)
  subscript(index: Int) -> AtIndexLayout.OrderEntry {
    AtIndexLayout.OrderEntry(
      loadingFrom: blocks.record(
        at: offset + index * AtIndexLayout.orderEntrySize, count: AtIndexLayout.orderEntrySize))
  }

  /// The first index whose entry satisfies `isPast`, which must be false up to some index and
  /// true from there on; `count` when no entry does.
  func partitionPoint(_ isPast: (AtIndexLayout.OrderEntry) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = low + (high - low) / 2
      if isPast(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
