/// Remembers values read from JSON text that repeats from line to line (a source object, a list
/// of announcers), so that lines with the same text share one value instead of each making and
/// keeping its own.
///
/// Only values read without error are stored, and the same bytes always read the same way, so a
/// value found here is what reading the text again would give. The cache has a fixed number of
/// slots: a new text takes the slot of the one before it with the same hash slot.
struct RawValueCache<Value> {
  private var keys: [[UInt8]]
  private var hashes: [UInt64]
  private var values: [Value?]
  private let mask: Int

  /// A cache of `slots` texts (a power of two).
  init(slots: Int = 256) {
    keys = Array(repeating: [], count: slots)
    hashes = Array(repeating: 0, count: slots)
    values = Array(repeating: nil, count: slots)
    mask = slots - 1
  }

  /// The value stored for exactly these bytes, if any.
  func value(for bytes: UnsafeRawBufferPointer) -> Value? {
    let hash = FNV1a.hash(bytes)
    let slot = Int(truncatingIfNeeded: hash) & mask
    guard hashes[slot] == hash, let value = values[slot], keys[slot].elementsEqual(bytes) else {
      return nil
    }
    return value
  }

  /// Stores the value read from these bytes.
  mutating func store(_ value: Value, for bytes: UnsafeRawBufferPointer) {
    let hash = FNV1a.hash(bytes)
    let slot = Int(truncatingIfNeeded: hash) & mask
    keys[slot] = Array(bytes)
    hashes[slot] = hash
    values[slot] = value
  }
}

/// The FNV-1a hash of bytes, with its high bits folded into the low ones (which pick slots).
enum FNV1a {
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash ^ (hash >> 29)
  }
}
