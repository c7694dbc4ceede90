/// The index's table of names: open addressing with linear probing over fixed-size records, in
/// memory that is either a mapped index file or a buffer being built.
///
/// The table never holds more than ``maximumLoad`` of its slots, so a probe always ends at the
/// name's slot or an empty one. Every slot a probe passes is checked against its checksum
/// (``NameRecord/isIntact(at:slot:)``): a damaged one could hide a name, or stand for another, so
/// the probe throws instead.
struct NameTable {
  /// The first record.
  let slots: UnsafeMutableRawPointer
  /// The number of slots, a power of two.
  let capacity: Int
  /// The number of slots in use.
  private(set) var used: Int
  /// The mapped file the slots are in, kept open as long as the table is used (`nil` for a table
  /// being built in memory, whose caller keeps the memory).
  var file: IndexFile? = nil

  /// The largest share of slots in use (seven tenths).
  static func fits(_ names: Int, capacity: Int) -> Bool { names * 10 <= capacity * 7 }

  /// The smallest capacity that holds `names` names with room for as many again.
  static func capacity(for names: Int) -> Int {
    var capacity = 1024
    while !fits(names * 2, capacity: capacity) { capacity *= 2 }
    return capacity
  }

  /// Whether `count` more names can be added.
  func hasRoom(for count: Int) -> Bool { NameTable.fits(used + count, capacity: capacity) }

  /// The record of a name, if the table holds one.
  ///
  /// - Throws: ``IndexMismatch`` when a slot the probe passes is damaged.
  func record(named name: String) throws(IndexMismatch) -> NameRecord? {
    let (slot, found) = try probe(NameHash.of(name))
    return found ? record(at: slot) : nil
  }

  /// Changes a name's record, adding an empty one first when there is none.
  ///
  /// The caller makes sure there is room (``hasRoom(for:)``).
  mutating func modify(_ name: String, _ change: (inout NameRecord) -> Void) throws(IndexMismatch) {
    let hash = NameHash.of(name)
    let (slot, found) = try probe(hash)
    var record = found ? record(at: slot) : NameRecord(hash: hash)
    if !found { used += 1 }
    change(&record)
    record.store(to: slots + slot * NameRecord.size, slot: slot)
  }

  /// Adds a record copied from another table (the name is not yet in this one).
  mutating func insert(_ record: NameRecord) throws(IndexMismatch) {
    let (slot, found) = try probe(record.hash)
    if !found { used += 1 }
    record.store(to: slots + slot * NameRecord.size, slot: slot)
  }

  /// Every record in use, in slot order, each checked (as a table grows, every record is
  /// copied: a damaged one must not be sealed again with a fresh checksum).
  ///
  /// - Throws: ``IndexMismatch`` when a slot is damaged.
  func records() throws(IndexMismatch) -> [NameRecord] {
    var records: [NameRecord] = []
    for slot in 0..<capacity {
      guard NameRecord.isIntact(at: slots + slot * NameRecord.size, slot: slot) else {
        throw IndexMismatch(reason: "the index is damaged (slot \(slot))")
      }
      let record = record(at: slot)
      if record.hash != 0 { records.append(record) }
    }
    return records
  }

  private func record(at slot: Int) -> NameRecord {
    NameRecord(loadingFrom: slots + slot * NameRecord.size)
  }

  /// The slot holding `hash`, or the empty slot where it would go.
  private func probe(_ hash: UInt64) throws(IndexMismatch) -> (slot: Int, found: Bool) {
    let mask = capacity - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      guard NameRecord.isIntact(at: slots + slot * NameRecord.size, slot: slot) else {
        throw IndexMismatch(reason: "the index is damaged (slot \(slot))")
      }
      let stored = UInt64(
        littleEndian: slots.loadUnaligned(
          fromByteOffset: slot * NameRecord.size, as: UInt64.self))
      if stored == hash { return (slot, true) }
      if stored == 0 { return (slot, false) }
      slot = (slot + 1) & mask
    }
  }
}
