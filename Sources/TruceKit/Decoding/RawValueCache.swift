/// Remembers values read from JSON text that repeats from line to line (a source object, a list
/// of announcers), so that lines with the same text share one value instead of each making and
/// keeping its own.
///
/// Only values read without error are stored, and the same bytes always read the same way, so a
/// value found here is what reading the text again would give. The cache has a fixed number of
/// slots in pairs: a text may sit in either slot of its pair, and a new text takes the pair's
/// first slot, moving the one there to the second (two texts that share a pair, as a few of a
/// log's forty areas do, are both kept).
struct RawValueCache<Value> {
  private var keys: [[UInt8]]
  private var hashes: [UInt64]
  private var values: [Value?]
  /// Picks a pair's first slot from a hash.
  private let pairMask: Int

  /// A cache of `slots` texts (a power of two, at least 2).
  init(slots: Int = 256) {
    keys = Array(repeating: [], count: slots)
    hashes = Array(repeating: 0, count: slots)
    values = Array(repeating: nil, count: slots)
    pairMask = (slots - 1) & ~1
  }

  /// The value stored for exactly these bytes, if any.
  func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    let hash = ByteHash.hash(bytes)
    let first = Int(truncatingIfNeeded: hash) & pairMask
    for slot in first...first + 1 where hashes[slot] == hash {
      if let value = values[slot], ByteHash.equal(keys[slot], bytes) { return value }
    }
    return nil
  }

  /// Stores the value read from these bytes.
  mutating func store(_ value: Value, for bytes: UnsafeRawBufferPointer) {
    let hash = ByteHash.hash(bytes)
    let first = Int(truncatingIfNeeded: hash) & pairMask
    keys.swapAt(first, first + 1)
    hashes.swapAt(first, first + 1)
    values.swapAt(first, first + 1)
    keys[first] = Array(bytes)
    hashes[first] = hash
    values[first] = value
  }
}
