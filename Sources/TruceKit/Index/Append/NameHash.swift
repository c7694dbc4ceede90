/// A stable 64-bit hash of a name (an event, pause, corridor group, offensive or proposal id), for
/// the index kept beside a log.
///
/// Swift's own `Hasher` is seeded afresh in every process, so a hash stored in a file needs its
/// own function: FNV-1a over the UTF-8 bytes, then the SplitMix64 finalizer to spread the bits
/// over the table. Zero marks an empty slot, so no name hashes to it.
enum NameHash {
  /// The hash of a name; never zero.
  static func of(_ name: String) -> UInt64 {
    name.withUTF8Bytes { of($0) }
  }

  /// The hash of a name's UTF-8 bytes; never zero.
  static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
    hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
    hash ^= hash >> 31
    return hash == 0 ? 1 : hash
  }
}
