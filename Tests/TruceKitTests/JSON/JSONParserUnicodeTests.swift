import Testing

@testable import TruceKit

@Suite("JSON parser: UTF-8 and Unicode")
struct JSONParserUnicodeTests {
  static let invalidUTF8Cases: [InvalidJSONCase] = [
    InvalidJSONCase(bytes: [0x22, 0xFF, 0x22], column: 2, .invalidUTF8([0xFF])),
    InvalidJSONCase(bytes: [0x22, 0x80, 0x22], column: 2, .invalidUTF8([0x80])),
    InvalidJSONCase(bytes: [0x22, 0xC0, 0x80, 0x22], column: 2, .invalidUTF8([0xC0])),
    InvalidJSONCase(bytes: [0x22, 0xC1, 0xBF, 0x22], column: 2, .invalidUTF8([0xC1])),
    InvalidJSONCase(bytes: [0x22, 0xE0, 0x80, 0x80, 0x22], column: 2, .invalidUTF8([0xE0, 0x80])),
    InvalidJSONCase(
      bytes: [0x22, 0xF0, 0x80, 0x80, 0x80, 0x22], column: 2, .invalidUTF8([0xF0, 0x80])),
    InvalidJSONCase(bytes: [0x22, 0xED, 0xA0, 0x80, 0x22], column: 2, .invalidUTF8([0xED, 0xA0])),
    InvalidJSONCase(bytes: [0x22, 0xED, 0xBF, 0xBF, 0x22], column: 2, .invalidUTF8([0xED, 0xBF])),
    InvalidJSONCase(
      bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], column: 2, .invalidUTF8([0xF4, 0x90])),
    InvalidJSONCase(bytes: [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], column: 2, .invalidUTF8([0xF5])),
    InvalidJSONCase(bytes: [0x22, 0xE2, 0x82, 0x22], column: 2, .invalidUTF8([0xE2, 0x82, 0x22])),
    InvalidJSONCase(bytes: [0x22, 0xE2, 0x82], column: 2, .invalidUTF8([0xE2, 0x82])),
    InvalidJSONCase(bytes: [0x22, 0x61, 0xC3], column: 3, .invalidUTF8([0xC3])),
    InvalidJSONCase(bytes: [0x22, 0xC3, 0xA9, 0xFF, 0x22], column: 3, .invalidUTF8([0xFF])),
    InvalidJSONCase(bytes: [0x22, 0x5C, 0x6E, 0xFE, 0x22], column: 4, .invalidUTF8([0xFE])),
    InvalidJSONCase(bytes: [0x22, 0x5C, 0xFF, 0x22], column: 3, .invalidUTF8([0xFF])),
    InvalidJSONCase(
      bytes: [0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D], column: 3, .invalidUTF8([0xFE])),
    InvalidJSONCase(bytes: [0xFF], column: 1, .invalidUTF8([0xFF])),
    InvalidJSONCase(
      bytes: [0x5B, 0x31, 0x2C, 0xC3, 0x28, 0x5D], column: 4, .invalidUTF8([0xC3, 0x28])),
    InvalidJSONCase(bytes: [0x31, 0x20, 0xC3], column: 3, .invalidUTF8([0xC3])),
  ]

  @Test("Rejects ill-formed UTF-8 with the offending bytes and column", arguments: invalidUTF8Cases)
  func rejectsInvalidUTF8(testCase: InvalidJSONCase) {
    #expect(parseError(bytes: testCase.bytes) == testCase.expectedError)
  }

  static let validUTF8Strings: [[UInt8]] = [
    [0xC2, 0x80],  // U+0080, the smallest two-byte scalar
    [0xDF, 0xBF],  // U+07FF
    [0xE0, 0xA0, 0x80],  // U+0800, the smallest three-byte scalar
    [0xED, 0x9F, 0xBF],  // U+D7FF, just below the surrogates
    [0xEE, 0x80, 0x80],  // U+E000, just above the surrogates
    [0xEF, 0xBF, 0xBF],  // U+FFFF
    [0xF0, 0x90, 0x80, 0x80],  // U+10000, the smallest four-byte scalar
    [0xF0, 0x9F, 0x98, 0x80],  // U+1F600
    [0xF4, 0x8F, 0xBF, 0xBF],  // U+10FFFF, the largest scalar
  ]

  @Test(
    "Accepts well-formed UTF-8 at the edges of each sequence length", arguments: validUTF8Strings)
  func acceptsValidUTF8(scalarBytes: [UInt8]) throws {
    let value = try JSONParser.parse([0x22] + scalarBytes + [0x22])
    #expect(value == .string(String(decoding: scalarBytes, as: UTF8.self)))
  }

  @Test("Decodes surrogate-pair escapes into one scalar, in keys and values alike")
  func decodesSurrogatePairs() throws {
    let value = try JSONParser.parse(#"{"\ud83d\ude00":"x\uD83D\uDE00y"}"#)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["\u{1F600}"])
    #expect(object["\u{1F600}"] == "x\u{1F600}y")
    #expect(object["\u{1F600}"]?.stringValue?.unicodeScalars.count == 3)
  }

  @Test("Decodes escapes mixed with raw non-ASCII text")
  func decodesMixedEscapes() throws {
    let value = try JSONParser.parse("\"\u{E9}\\t\u{1F600}\\u00e9\\\\\u{20AC}\"")
    #expect(value == .string("\u{E9}\t\u{1F600}\u{E9}\\\u{20AC}"))
  }

  @Test("Treats canonically equivalent keys as duplicates, as Swift string equality does")
  func canonicallyEquivalentKeysAreDuplicates() {
    let error = parseError("{\"\u{E9}\":1,\"e\u{301}\":2}")
    #expect(error == JSONSyntaxError(column: 8, reason: .duplicateKey("e\u{301}")))
  }

  @Test("Counts columns in Unicode scalars, not bytes")
  func countsColumnsInScalars() {
    let error = parseError("[\"\u{1F600}\u{E9}\", \"\u{20AC}\" x]")
    #expect(
      error
        == JSONSyntaxError(
          column: 12, reason: .unexpectedCharacter("x", expected: .commaOrArrayEnd)))
  }

  @Test("Parses the String overload the same way as its UTF-8 bytes")
  func stringAndBytesAgree() throws {
    let text = "{\"name\":\"Zo\\u00eb\",\"emoji\":\"\u{1F600}\"}"
    #expect(try JSONParser.parse(text) == JSONParser.parse(Array(text.utf8)))
  }
}
