/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole state is one
/// 64-bit word, so a history generated from the same seed is the same on every run and every
/// platform.
///
/// Bounded draws use the high half of a 128-bit product (Lemire's method without rejection)
/// rather than the standard library's `random(in:using:)`, whose algorithm is not part of its
/// contract. Not for cryptography.
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

  /// A number in `0..<count`; `count` must be positive.
  mutating func below(_ count: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
  }

  /// A uniformly drawn integer in `range`.
  mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.upperBound - range.lowerBound + 1)
  }

  /// A uniformly drawn element of `items`, which must not be empty.
  mutating func element<T>(of items: [T]) -> T {
    items[below(items.count)]
  }

  /// Whether an event with probability `numerator` in `denominator` happens.
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    below(denominator) < numerator
  }

  /// An index drawn with the given weights (non-negative, at least one positive).
  mutating func weighted(_ weights: [Int]) -> Int {
    var draw = below(weights.reduce(0, +))
    for (index, weight) in weights.enumerated() {
      if draw < weight { return index }
      draw -= weight
    }
    return weights.count - 1
  }
}
