/// A table from event ids to their line numbers: the one table by id a log keeps of all its
/// events, entered and looked up once per line while a log is read.
///
/// It does what a `[String: Int]` does, faster for this use, where the table outgrows the
/// processor's caches and every access to it would miss them:
/// - Ids are hashed with ``ByteHash`` (a few instructions per eight bytes, where `String`
///   hashing seeds and runs SipHash).
/// - A lookup first reads a byte per slot, seven bits of the id's hash (at a million ids,
///   2 MB), and reads an entry's id only when those bits match.
/// - Entries are appended in order to their own array and slots hold their positions, so
///   entering a new id writes a byte and a position and appends, reading no other id.
///
/// Open addressing with linear probing; a removal shifts the slots after it back, leaving no
/// tombstones, and moves the last entry into the removed one's place.
struct IDTable: Equatable, ExpressibleByDictionaryLiteral, Sendable {
  /// Per slot: 0 when empty, else 0x80 with seven bits of the id's hash.
  private var tags: [UInt8]
  /// Per used slot: where its entry is in `ids` and `lines`.
  private var positions: [UInt32]
  /// The entries, in the order entered (until a removal moves the last).
  private var ids: [String] = []
  private var lines: [Int] = []

  /// How many ids are entered.
  var count: Int { ids.count }

  /// An empty table.
  init() { (tags, positions) = IDTable.emptySlots(16) }

  /// A table holding these ids and lines; an id given twice keeps its last line.
  init(dictionaryLiteral elements: (String, Int)...) {
    self.init()
    for (id, line) in elements { self[id] = line }
  }

  /// Makes room for `capacity` ids without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    ids.reserveCapacity(capacity)
    lines.reserveCapacity(capacity)
    let needed = IDTable.slotCount(for: capacity)
    if needed > tags.count { rehash(to: needed) }
  }

  /// The line of an id; setting `nil` removes it.
  subscript(id: String) -> Int? {
    get {
      guard let slot = find(id, hash: IDTable.hash(id)).found else { return nil }
      return lines[Int(positions[slot])]
    }
    set {
      let hash = IDTable.hash(id)
      let (found, empty) = find(id, hash: hash)
      switch (found, newValue) {
      case (let slot?, let line?): lines[Int(positions[slot])] = line
      case (let slot?, nil): remove(at: slot)
      case (nil, let line?): insert(id, line: line, hash: hash, at: empty)
      case (nil, nil): break
      }
    }
  }

  /// Enters an id with its line unless it is already there.
  ///
  /// - Returns: Whether the id was entered (`false` when it was already known).
  mutating func enter(_ id: String, line: Int) -> Bool {
    let hash = IDTable.hash(id)
    let (found, empty) = find(id, hash: hash)
    guard found == nil else { return false }
    insert(id, line: line, hash: hash, at: empty)
    return true
  }

  /// Every id with its line, in the order entered (until a removal).
  var entries: [(id: String, line: Int)] { Array(zip(ids, lines)) }

  static func == (lhs: IDTable, rhs: IDTable) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return zip(lhs.ids, lhs.lines).allSatisfy { rhs[$0.0] == $0.1 }
  }

  // MARK: - Slots

  /// The slot holding the id (`found`), or else the empty slot where it would go (`empty`).
  private func find(_ id: String, hash: UInt64) -> (found: Int?, empty: Int) {
    let mask = tags.count - 1
    let tag = IDTable.tag(hash)
    var slot = IDTable.home(hash, mask)
    while true {
      let stored = tags[slot]
      if stored == 0 { return (nil, slot) }
      if stored == tag && ids[Int(positions[slot])] == id { return (slot, slot) }
      slot = (slot + 1) & mask
    }
  }

  private mutating func insert(_ id: String, line: Int, hash: UInt64, at slot: Int) {
    tags[slot] = IDTable.tag(hash)
    positions[slot] = UInt32(truncatingIfNeeded: ids.count)
    ids.append(id)
    lines.append(line)
    if ids.count * 4 > tags.count * 3 { rehash(to: tags.count * 2) }
  }

  /// Empties a slot, moves back the slots after it that would no longer be found, and fills
  /// the removed entry's place with the last entry.
  private mutating func remove(at removed: Int) {
    let mask = tags.count - 1
    let position = Int(positions[removed])
    var hole = removed
    var slot = (removed + 1) & mask
    while tags[slot] != 0 {
      let home = IDTable.home(IDTable.hash(ids[Int(positions[slot])]), mask)
      // The slot may fill the hole unless its home lies after the hole, up to the slot.
      if (slot - home) & mask >= (slot - hole) & mask {
        tags[hole] = tags[slot]
        positions[hole] = positions[slot]
        hole = slot
      }
      slot = (slot + 1) & mask
    }
    tags[hole] = 0
    let last = ids.count - 1
    if position != last, let lastSlot = find(ids[last], hash: IDTable.hash(ids[last])).found {
      positions[lastSlot] = UInt32(truncatingIfNeeded: position)
      ids.swapAt(position, last)
      lines.swapAt(position, last)
    }
    ids.removeLast()
    lines.removeLast()
  }

  private mutating func rehash(to slotCount: Int) {
    precondition(slotCount <= 1 << 32, "an id table holds fewer than 2^32 ids")
    (tags, positions) = IDTable.emptySlots(slotCount)
    let mask = slotCount - 1
    for (position, id) in ids.enumerated() {
      let hash = IDTable.hash(id)
      var slot = IDTable.home(hash, mask)
      while tags[slot] != 0 { slot = (slot + 1) & mask }
      tags[slot] = IDTable.tag(hash)
      positions[slot] = UInt32(truncatingIfNeeded: position)
    }
  }

  private static func emptySlots(_ count: Int) -> ([UInt8], [UInt32]) {
    (Array(repeating: 0, count: count), Array(repeating: 0, count: count))
  }

  /// The smallest power of two with room for `capacity` ids at most three quarters full.
  private static func slotCount(for capacity: Int) -> Int {
    var count = 16
    while count * 3 < capacity * 4 { count *= 2 }
    return count
  }

  /// The slot where an id with this hash is looked for first: the hash's low bits.
  private static func home(_ hash: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: hash) & mask
  }

  /// The slot's tag: seven of the hash's high bits, which pick no slot, and the used bit.
  private static func tag(_ hash: UInt64) -> UInt8 {
    0x80 | UInt8(truncatingIfNeeded: hash >> 57)
  }

  /// The id's hash.
  static func hash(_ id: String) -> UInt64 {
    var id = id
    return id.withUTF8 { ByteHash.hash(UnsafeRawBufferPointer($0)) }
  }
}
