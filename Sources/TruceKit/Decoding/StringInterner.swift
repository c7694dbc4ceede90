/// Makes one `String` per distinct text, so that the parties, publications and ids that repeat
/// across a million lines share their storage instead of each line allocating its own.
///
/// Texts of up to 15 UTF-8 bytes are stored inside the `String` value itself, so they are made
/// directly and never looked up.
struct StringInterner {
  private var slots: [Int32]
  private var strings: [String] = []
  private var hashes: [UInt64] = []
  private var mask: Int

  init() {
    slots = Array(repeating: -1, count: 1024)
    mask = 1023
  }

  /// The shared string for these bytes (which must be valid UTF-8).
  mutating func intern(_ bytes: UnsafeRawBufferPointer) -> String {
    if bytes.count <= 15 { return String(decoding: bytes, as: UTF8.self) }
    let hash = ByteHash.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { break }
      if hashes[index] == hash, ByteHash.equal(strings[index], bytes) { return strings[index] }
      slot = (slot + 1) & mask
    }
    let string = String(decoding: bytes, as: UTF8.self)
    slots[slot] = Int32(strings.count)
    strings.append(string)
    hashes.append(hash)
    if strings.count * 2 > slots.count { grow() }
    return string
  }

  private mutating func grow() {
    slots = Array(repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for (index, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
  }
}
