@testable import TruceKit

/// Test draws on top of the generator's own ``SplitMix64`` (in `Sources/TruceKit/Generate`), so
/// fuzz tests replay from a seed with the same generator the history generator uses.
extension SplitMix64 {
  /// A random byte other than LF, which would split the line being mutated in two.
  mutating func byteOtherThanNewline() -> UInt8 {
    let byte = UInt8(truncatingIfNeeded: below(255))
    return byte >= UInt8(ascii: "\n") ? byte + 1 : byte
  }
}
