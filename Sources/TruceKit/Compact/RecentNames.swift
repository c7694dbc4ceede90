/// A direct-mapped cache of recently numbered names, found by the bits of the `String` value
/// itself rather than by its characters.
///
/// A string's 16 bytes determine it: a short one (up to 15 bytes of UTF-8) holds its characters
/// in them, a longer one its length, flags and the address of its storage. The cache keeps each
/// name it holds, so that storage stays alive and its address cannot be taken by another string:
/// equal bits then mean an equal name. Unequal bits say nothing (the same name may be held in two
/// storages), and the caller looks the name up in its table.
struct RecentNames: Sendable {
  private var slots: [Slot]

  private struct Slot: Sendable {
    var name: String
    var number: UInt32
  }

  /// How many names the cache holds at most: a power of two.
  static let slotCount = 1 << 12

  /// An empty cache.
  init() {
    slots = Array(repeating: Slot(name: "", number: 0), count: RecentNames.slotCount)
  }

  /// The number remembered for `name`, if its bits are those of a name remembered.
  func number(of name: String) -> UInt32? {
    let bits = Self.bits(of: name)
    return slots.withUnsafeBufferPointer { slots in
      let slot = slots[Self.slot(of: bits)]
      guard slot.number != 0, Self.bits(of: slot.name) == bits else { return nil }
      return slot.number
    }
  }

  /// Remembers `name`'s number (not 0), in place of whatever its slot held.
  mutating func remember(_ name: String, _ number: UInt32) {
    let slot = Self.slot(of: Self.bits(of: name))
    slots.withUnsafeMutableBufferPointer { slots in
      slots[slot] = Slot(name: name, number: number)
    }
  }

  /// The 16 bytes of a `String` value.
  private static func bits(of name: String) -> (UInt64, UInt64) {
    unsafeBitCast(name, to: (UInt64, UInt64).self)
  }

  private static func slot(of bits: (UInt64, UInt64)) -> Int {
    let mixed = ByteHash.step(ByteHash.step(0, bits.0), bits.1)
    return Int(truncatingIfNeeded: mixed >> 54) & (slotCount - 1)
  }
}
