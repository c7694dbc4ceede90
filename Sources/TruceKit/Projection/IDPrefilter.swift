/// A set of ids that answers "certainly not among them" for about one id in sixteen of those it
/// does not hold, with one hash and one bit: a lookup it lets through still asks the table it
/// stands in front of.
///
/// A fold asks for every event whether its id is marked (retracted, or referred to by another
/// event); few are, and the filter spares the others a dictionary lookup. The hash is the name
/// tables' (``NameSlots/hash(_:)``, eight bytes a step, spread into the low bits the filter
/// reads), not the index's stable one, which takes a step a byte: nothing of the filter is
/// stored.
struct IDPrefilter: Sendable {
  private var words: [UInt64]
  private let mask: UInt64

  /// A filter holding `ids`; `count` is how many there are (to size it).
  init(_ ids: some Sequence<String>, count: Int) {
    // Sixteen bits an id: an id not held finds its bit set about one time in sixteen.
    var bitCount = 64
    while bitCount < count * 16 { bitCount <<= 1 }
    words = [UInt64](repeating: 0, count: bitCount / 64)
    mask = UInt64(bitCount - 1)
    for id in ids {
      let bit = IDPrefilter.spread(NameSlots.hash(id)) & mask
      words[Int(bit >> 6)] |= 1 << (bit & 63)
    }
  }

  /// Whether `id` may be one of the ids: `false` only when it certainly is not.
  func mayContain(_ id: String) -> Bool {
    let bit = IDPrefilter.spread(NameSlots.hash(id)) & mask
    return words[Int(bit >> 6)] & (1 << (bit & 63)) != 0
  }

  /// The hash with every bit of it moved into the low bits the filter reads (MurmurHash3's
  /// final mix, first half). ``ByteHash`` multiplies, which carries a byte's bits up, never
  /// down: the low bits of a short id's hash hardly depend on its last characters, and a third
  /// of the ids not held passed a filter of 50,000 ("ev-1", "ev-3" against "ev-0", "ev-2").
  private static func spread(_ hash: UInt64) -> UInt64 {
    let mixed = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
    return mixed ^ (mixed >> 33)
  }
}
