/// The fast decoder's test of an id's spelling: 1 to 128 bytes, each an ASCII letter, a digit,
/// `-`, `_` or `.` (the rule ``FieldReader`` states for the reference decoder).
enum IdentifierSyntax {
  /// The most bytes an id may have.
  static let maxLength = 128

  /// The bytes allowed, as bits: byte values 0–63 in the first word, 64–127 in the second.
  private static let lowAllowed: UInt64 = 1 << 0x2D | 1 << 0x2E | 0x3FF << 0x30
  private static let highAllowed: UInt64 =
    0x3FF_FFFF << (0x41 - 64) | 1 << (0x5F - 64)
    | 0x3FF_FFFF << (0x61 - 64)

  /// Whether these bytes spell an id (the empty string is rejected before, as an empty value).
  static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count <= maxLength else { return false }
    for byte in bytes {
      let word = byte < 64 ? lowAllowed : highAllowed
      guard byte < 128, word >> UInt64(byte & 63) & 1 == 1 else { return false }
    }
    return true
  }
}
