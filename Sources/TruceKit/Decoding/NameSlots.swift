/// The slot arithmetic of the open-addressing tables by name (``NameMap``, ``EventPositions``):
/// a power-of-two number of slots at most three quarters full, probed linearly from the slot
/// the hash's low bits pick, each slot tagged with seven of the hash's high bits so that a probe
/// reads a name only when its tag matches.
enum NameSlots {
  /// A name's hash, with ``ByteHash`` (a few instructions per eight bytes, where `String`
  /// hashing seeds and runs SipHash).
  static func hash(_ name: String) -> UInt64 {
    name.withUTF8Bytes(ByteHash.hash)
  }

  /// The smallest power of two (16 at least) with room for `capacity` names at most three
  /// quarters full.
  static func count(for capacity: Int) -> Int {
    var count = 16
    while count * 3 < capacity * 4 { count *= 2 }
    return count
  }

  /// Empty tags and positions for `count` slots.
  static func empty(_ count: Int) -> (tags: [UInt8], positions: [UInt32]) {
    (Array(repeating: 0, count: count), Array(repeating: 0, count: count))
  }

  /// The slot where a name with this hash is looked for first: the hash's low bits.
  static func home(_ hash: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: hash) & mask
  }

  /// A used slot's tag: seven of the hash's high bits, which pick no slot, and the used bit (an
  /// empty slot's tag is 0).
  static func tag(_ hash: UInt64) -> UInt8 {
    0x80 | UInt8(truncatingIfNeeded: hash >> 57)
  }

  /// Probes for a name: the slot whose entry `isName` accepts (given the entry's position), and
  /// the slot where the probe stopped, which is empty when none was found.
  static func probe(
    _ tags: [UInt8], _ positions: [UInt32], hash: UInt64, isName: (Int) -> Bool
  ) -> (found: Int?, empty: Int) {
    let mask = tags.count - 1
    let tag = tag(hash)
    var slot = home(hash, mask)
    while true {
      let stored = tags[slot]
      if stored == 0 { return (nil, slot) }
      if stored == tag && isName(Int(positions[slot])) { return (slot, slot) }
      slot = (slot + 1) & mask
    }
  }
}
