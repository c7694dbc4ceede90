import Testing

@testable import TruceKit

@Suite("A string's UTF-8 bytes read in place")
struct StringUTF8BytesTests {
  @Test(
    "The bytes read are the string's UTF-8, stored inline, apart or from a substring",
    arguments: [
      "", "sy-12", "exactly 15 byte", "sixteen bytes!!!", "حلب-1", "a\u{301}",
      String(repeating: "long-", count: 40),
    ])
  func bytesAreTheUTF8(text: String) {
    let expected = Array(text.utf8)
    #expect(text.withUTF8Bytes { Array($0) } == expected)
    // Strings made from a substring and by interpolation are read alike.
    let rebuilt = String(Substring(text))
    #expect(rebuilt.withUTF8Bytes { Array($0) } == expected)
    let interpolated = "\(text)"
    #expect(interpolated.withUTF8Bytes { Array($0) } == expected)
  }

  @Test("A name hashes alike however its string is stored")
  func hashIgnoresStorage() {
    let long = String(repeating: "corridor-", count: 5)
    let copies = [long, String(Substring(long)), "\(long)", long + ""]
    #expect(Set(copies.map(NameSlots.hash)).count == 1)
    #expect(NameSlots.hash(long) == long.withUTF8Bytes(ByteHash.hash))
  }
}
