#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A hash of bytes for the decoder's in-memory tables, taken eight bytes at a time, with its
/// high bits folded into the low ones (which pick slots); and the comparison of a stored key
/// with bytes. It is also the checksum of the at-index's header (and, in four lanes, of its
/// blocks: ``IndexBlocks``): every step is a bijection of the state, so bytes that differ in one
/// eight-byte word always hash differently.
enum ByteHash {
  /// An odd 64-bit multiplier (the golden ratio's fraction): multiplying by it is a bijection.
  static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

  /// One step of the hash: a word taken into the state. A bijection of `state` for any `word`,
  /// and of `word` for any `state`.
  @inline(__always)
  static func step(_ state: UInt64, _ word: UInt64) -> UInt64 {
    let mixed = (state ^ word) &* multiplier
    return mixed ^ (mixed >> 29)
  }

  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash = UInt64(bytes.count) &* multiplier
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = step(hash, word)
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
