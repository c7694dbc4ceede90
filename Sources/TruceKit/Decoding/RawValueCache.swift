#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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

/// A hash of bytes for the decoder's in-memory tables (never written anywhere), taken eight
/// bytes at a time, with its high bits folded into the low ones (which pick slots); and the
/// comparison of a stored key with bytes.
enum ByteHash {
  private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash = UInt64(bytes.count) &* multiplier
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = (hash ^ word) &* multiplier
      hash ^= hash >> 29
      offset += 8
    }
    if offset < bytes.count {
      var tail: UInt64 = 0
      for index in offset..<bytes.count {
        tail |= UInt64(bytes[index]) << (UInt64(index - offset) * 8)
      }
      hash = (hash ^ tail) &* multiplier
    }
    return hash ^ (hash >> 32)
  }

  /// Whether a string's UTF-8 is exactly these bytes.
  static func equal(_ string: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard string.utf8.count == bytes.count else { return false }
    let compared = string.utf8.withContiguousStorageIfAvailable { stored in
      guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, bytes.count) == 0
    }
    return compared ?? string.utf8.elementsEqual(bytes)
  }

  /// Whether a stored key holds exactly these bytes.
  static func equal(_ key: [UInt8], _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard key.count == bytes.count else { return false }
    return key.withUnsafeBytes { stored in
      guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
      return memcmp(left, right, bytes.count) == 0
    }
  }
}
