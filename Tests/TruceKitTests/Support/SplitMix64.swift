/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole state is one
/// 64-bit word, so a test seeded with the same number draws the same values on every run and
/// every platform.
///
/// Not for cryptography: it only makes fuzz tests reproducible.
struct SplitMix64: RandomNumberGenerator {
  /// The generator's state, advanced by the golden-ratio increment on every draw.
  private var state: UInt64

  /// Creates a generator that starts from `seed`.
  init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// A uniformly drawn element of `items`, which must not be empty.
  mutating func element<T>(of items: [T]) -> T {
    items[Int.random(in: 0..<items.count, using: &self)]
  }

  /// A uniformly drawn integer in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// Whether an event with probability `numerator` in `denominator` happens.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    Int.random(in: 0..<denominator, using: &self) < numerator
  }

  /// A random byte other than LF, which would split the line being mutated in two.
  mutating func byteOtherThanNewline() -> UInt8 {
    let byte = UInt8.random(in: 0...254, using: &self)
    return byte >= UInt8(ascii: "\n") ? byte + 1 : byte
  }
}
