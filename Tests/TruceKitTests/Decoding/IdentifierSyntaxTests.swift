import Testing

@testable import TruceKit

@Suite("The fast decoder's test of an id's spelling")
struct IdentifierSyntaxTests {
  /// The rule as the format states it, byte by byte.
  static func allowed(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
      UInt8(ascii: "."):
      true
    default: false
    }
  }

  @Test("Every byte value is allowed exactly when the format allows it, at any place")
  func everyByte() {
    var wrong: [UInt8] = []
    for byte in UInt8.min...UInt8.max {
      for place in [0, 3, 9] {
        var id = Array("abcdefghij".utf8)
        id[place] = byte
        if id.withUnsafeBytes(IdentifierSyntax.isValid) != Self.allowed(byte) {
          wrong.append(byte)
        }
      }
    }
    #expect(wrong.isEmpty)
  }

  @Test("An id has at most 128 bytes", arguments: [1, 127, 128, 129, 400])
  func length(count: Int) {
    let id = [UInt8](repeating: UInt8(ascii: "x"), count: count)
    #expect(id.withUnsafeBytes(IdentifierSyntax.isValid) == (count <= 128))
  }
}
