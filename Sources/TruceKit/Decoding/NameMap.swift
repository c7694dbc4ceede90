/// A map from names (event ids, pause ids and the like) to values, for the tables a log keeps
/// of everything it has read (entered and looked up once or more per line while a log is read),
/// and for a fold's tables of tracks by id (``Folder``, the replay's `ReplayFold`).
///
/// It does what a `[String: Value]` does, faster for this use, where the table outgrows the
/// processor's caches and every access to it would miss them:
/// - Names are hashed with ``ByteHash`` (a few instructions per eight bytes, where `String`
///   hashing seeds and runs SipHash); the slots are laid out as ``NameSlots`` describes.
/// - A lookup first reads a byte per slot, seven bits of the name's hash (at a million names,
///   2 MB), and reads an entry's name only when those bits match.
/// - Entries are appended in order to their own arrays and slots hold their positions, so
///   entering a new name writes a byte and a position and appends, reading no other name.
///
/// Open addressing with linear probing; a removal shifts the slots after it back, leaving no
/// tombstones, and moves the last entry into the removed one's place.
struct NameMap<Value>: ExpressibleByDictionaryLiteral {
  /// Per slot: 0 when empty, else 0x80 with seven bits of the name's hash.
  private var tags: [UInt8]
  /// Per used slot: where its entry is in `names` and `values`.
  private var positions: [UInt32]
  /// The entries, in the order entered (until a removal moves the last).
  private var names: [String] = []
  private var values: [Value] = []

  /// How many names are entered.
  var count: Int { names.count }

  /// Whether no name is entered.
  var isEmpty: Bool { names.isEmpty }

  /// An empty table. It allocates nothing until a name is entered: a fold makes three of them
  /// for every item the index folds alone.
  init() { (tags, positions) = ([], []) }

  /// A table holding these names and values; a name given twice keeps its last value.
  init(dictionaryLiteral elements: (String, Value)...) {
    self.init()
    for (name, value) in elements { self[name] = value }
  }

  /// Makes room for `capacity` names without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    names.reserveCapacity(capacity)
    values.reserveCapacity(capacity)
    // Slots for the names held too, should they have been released.
    let needed = NameSlots.count(for: max(capacity, names.count))
    if needed > tags.count { rehash(to: needed) }
  }

  /// The value of a name; setting `nil` removes it.
  subscript(name: String) -> Value? {
    get {
      guard let entry = entry(of: name) else { return nil }
      return values[entry]
    }
    set {
      restoreSlots()
      let hash = NameSlots.hash(name)
      let (found, empty) = find(name, hash: hash)
      switch (found, newValue) {
      case (let slot?, let value?): values[Int(positions[slot])] = value
      case (let slot?, nil): remove(at: slot)
      case (nil, let value?): insert(name, value, hash: hash, at: empty)
      case (nil, nil): break
      }
    }
  }

  /// Whether the name is entered.
  func contains(_ name: String) -> Bool { entry(of: name) != nil }

  /// Enters a name with its value unless it is already there (whose value is kept).
  ///
  /// - Returns: Whether the name was entered (`false` when it was already known).
  mutating func enter(_ name: String, _ value: Value) -> Bool {
    restoreSlots()
    let hash = NameSlots.hash(name)
    let (found, empty) = find(name, hash: hash)
    guard found == nil else { return false }
    insert(name, value, hash: hash, at: empty)
    return true
  }

  /// The value `name` has; when it has none, `value` is entered for it first. One lookup, as
  /// ``enter(_:_:)`` makes.
  mutating func value(of name: String, enteringIfAbsent value: Value) -> Value {
    restoreSlots()
    let hash = NameSlots.hash(name)
    let (found, empty) = find(name, hash: hash)
    if let slot = found { return values[Int(positions[slot])] }
    insert(name, value, hash: hash, at: empty)
    return value
  }

  /// Every name with its value, in the order entered (until a removal).
  var entries: [(name: String, value: Value)] { Array(zip(names, values)) }

  /// The name of the entry at `index`, in the order entered (a table from which nothing is
  /// removed keeps every entry where it was entered).
  func name(atEntry index: Int) -> String { names[index] }

  /// Calls `body` with the names in the order entered, read in place.
  func withNames<Result>(_ body: (UnsafeBufferPointer<String>) -> Result) -> Result {
    names.withUnsafeBufferPointer(body)
  }

  /// Lets go of the slots that find a name (5 bytes a slot, a slot and a third or more a name),
  /// keeping the names and values: for a table that is only read by entry from now on (the
  /// names of a store of records once it is written). Entering or setting a name builds them
  /// again; until then, a lookup by name reads the names one by one.
  mutating func releaseSlots() {
    (tags, positions) = ([], [])
  }

  // MARK: - Slots

  /// Where `name`'s entry is, found through the slots, or name by name once they are released.
  private func entry(of name: String) -> Int? {
    guard !tags.isEmpty else { return names.firstIndex(of: name) }
    return find(name, hash: NameSlots.hash(name)).found.map { Int(positions[$0]) }
  }

  /// Builds the slots again after ``releaseSlots()``, before a name is entered or changed.
  private mutating func restoreSlots() {
    if tags.isEmpty && !names.isEmpty { rehash(to: NameSlots.count(for: names.count)) }
  }

  /// The slot holding the name (`found`), or else the empty slot where it would go (`empty`).
  private func find(_ name: String, hash: UInt64) -> (found: Int?, empty: Int) {
    // A table that has never held a name has no slots yet (see `insert`); one whose slots were
    // released has them restored before this is called.
    guard !tags.isEmpty else { return (nil, 0) }
    return NameSlots.probe(tags, positions, hash: hash) { names[$0] == name }
  }

  private mutating func insert(_ name: String, _ value: Value, hash: UInt64, at empty: Int) {
    var slot = empty
    if tags.isEmpty {
      rehash(to: 16)
      slot = find(name, hash: hash).empty
    }
    tags[slot] = NameSlots.tag(hash)
    positions[slot] = UInt32(truncatingIfNeeded: names.count)
    names.append(name)
    values.append(value)
    if names.count * 4 > tags.count * 3 { rehash(to: tags.count * 2) }
  }

  /// Empties a slot, moves back the slots after it that would no longer be found, and fills
  /// the removed entry's place with the last entry.
  private mutating func remove(at removed: Int) {
    let mask = tags.count - 1
    let position = Int(positions[removed])
    var hole = removed
    var slot = (removed + 1) & mask
    while tags[slot] != 0 {
      let home = NameSlots.home(NameSlots.hash(names[Int(positions[slot])]), mask)
      // The slot may fill the hole unless its home lies after the hole, up to the slot.
      if (slot - home) & mask >= (slot - hole) & mask {
        tags[hole] = tags[slot]
        positions[hole] = positions[slot]
        hole = slot
      }
      slot = (slot + 1) & mask
    }
    tags[hole] = 0
    let last = names.count - 1
    if position != last, let lastSlot = find(names[last], hash: NameSlots.hash(names[last])).found {
      positions[lastSlot] = UInt32(truncatingIfNeeded: position)
      names.swapAt(position, last)
      values.swapAt(position, last)
    }
    names.removeLast()
    values.removeLast()
  }

  private mutating func rehash(to slotCount: Int) {
    precondition(slotCount <= 1 << 32, "a name table holds fewer than 2^32 names")
    (tags, positions) = NameSlots.empty(slotCount)
    let mask = slotCount - 1
    for (position, name) in names.enumerated() {
      let hash = NameSlots.hash(name)
      var slot = NameSlots.home(hash, mask)
      while tags[slot] != 0 { slot = (slot + 1) & mask }
      tags[slot] = NameSlots.tag(hash)
      positions[slot] = UInt32(truncatingIfNeeded: position)
    }
  }
}

extension NameMap: Sendable where Value: Sendable {}

extension NameMap where Value == Void {
  /// Enters a name, for a table used as a set of names.
  mutating func insert(_ name: String) { _ = enter(name, ()) }

  /// Where `name`'s entry is, if it was entered.
  func entry(named name: String) -> Int? { entry(of: name) }

  /// Where `name`'s entry is, the name entered at the end when it is new: for a table that
  /// numbers names in the order they were first met, with no values to hold. One lookup.
  mutating func entry(ofEntering name: String) -> Int {
    restoreSlots()
    let hash = NameSlots.hash(name)
    let (found, empty) = find(name, hash: hash)
    if let slot = found { return Int(positions[slot]) }
    insert(name, (), hash: hash, at: empty)
    return names.count - 1
  }
}

extension NameMap: Equatable where Value: Equatable {
  /// Tables are equal when they map the same names to the same values, entered in any order.
  static func == (lhs: NameMap, rhs: NameMap) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return zip(lhs.names, lhs.values).allSatisfy { rhs[$0.0] == $0.1 }
  }
}
