import Testing

@testable import TruceKit

/// SHA-256 against the FIPS 180 examples, the padding edges, incremental
/// feeding and the hexadecimal spelling of digests.
@Suite("SHA-256")
struct SHA256Tests {
  /// A message with its expected digest.
  struct Vector: Sendable, CustomTestStringConvertible {
    /// A short name for the message, shown in test results.
    let name: String

    /// The message bytes.
    let message: [UInt8]

    /// The expected digest as lowercase hexadecimal digits.
    let expected: String

    var testDescription: String { name }

    /// A vector whose message is the UTF-8 encoding of `text`.
    static func text(_ text: String, _ expected: String) -> Vector {
      Vector(
        name: "\"\(text.prefix(16))\" (\(text.utf8.count) bytes)",
        message: Array(text.utf8), expected: expected)
    }

    /// A vector whose message is `count` ASCII letters `a`.
    static func letters(_ count: Int, _ expected: String) -> Vector {
      Vector(
        name: "\(count) × \"a\"",
        message: Array(repeating: UInt8(ascii: "a"), count: count), expected: expected)
    }
  }

  /// The examples of FIPS 180-2 appendix B and the NIST example values.
  static let nistVectors: [Vector] = [
    .text("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    .text("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    .text(
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    .text(
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
        + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    .letters(1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
  ]

  /// Messages around the block and length-field boundaries.
  ///
  /// Expected values come from Python's hashlib, e.g.
  /// `python3 -c "import hashlib;print(hashlib.sha256(b'a'*55).hexdigest())"`.
  static let paddingVectors: [Vector] = [
    .letters(55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
    .letters(56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
    .letters(63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
    .letters(64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    .letters(65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
    .letters(119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
    .letters(120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
    .letters(128, "6836cf13bac400e9105071cd6af47084dfacad4e5e302c94bfed24e013afb73e"),
  ]

  /// A 200-byte message of 200 distinct byte values, so a misplaced or dropped
  /// byte changes the digest.
  static let variedMessage: [UInt8] = (0..<200).map { UInt8(($0 * 37 + 11) % 256) }

  /// The digest of ``variedMessage``, from Python's hashlib:
  /// `hashlib.sha256(bytes((i*37+11)%256 for i in range(200))).hexdigest()`.
  static let variedDigest = "5e48d64839a8bff5e2471507af6a49f9990817df437857f4a2007df41266e1b5"

  @Test("The FIPS 180 example messages hash to their published digests", arguments: nistVectors)
  func nistExamples(vector: Vector) {
    #expect(SHA256.hash(vector.message).hex == vector.expected)
  }

  @Test("Messages at the padding boundaries hash to hashlib's digests", arguments: paddingVectors)
  func paddingEdges(vector: Vector) {
    #expect(SHA256.hash(vector.message).hex == vector.expected)
  }

  @Test("A message split in two at any offset hashes the same as in one piece")
  func splitAtEveryOffset() {
    let message = Self.variedMessage
    let whole = SHA256.hash(message)
    #expect(whole.hex == Self.variedDigest)
    for offset in 0...message.count {
      var hasher = SHA256()
      hasher.update(message[..<offset])
      hasher.update(message[offset...])
      #expect(hasher.finalize() == whole, "split at \(offset)")
    }
  }

  @Test("A message split in three at many offset pairs hashes the same as in one piece")
  func splitInThree() {
    let message = Self.variedMessage
    let whole = SHA256.hash(message)
    for first in stride(from: 0, through: message.count, by: 7) {
      for second in stride(from: first, through: message.count, by: 5) {
        var hasher = SHA256()
        hasher.update(message[..<first])
        hasher.update(message[first..<second])
        hasher.update(message[second...])
        #expect(hasher.finalize() == whole, "split at \(first) and \(second)")
      }
    }
  }

  @Test("A message fed one byte at a time hashes the same as in one piece")
  func byteByByte() {
    var hasher = SHA256()
    for byte in Self.variedMessage {
      hasher.update(CollectionOfOne(byte))
    }
    #expect(hasher.finalize().hex == Self.variedDigest)
  }

  @Test("Collections without contiguous storage hash the same as arrays")
  func nonContiguousCollections() {
    #expect(
      SHA256.hash(repeatElement(UInt8(ascii: "a"), count: 1_000_000)).hex
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(SHA256.hash(Self.variedMessage.lazy.map { $0 }).hex == Self.variedDigest)
  }

  @Test("Raw buffer pointers hash the same as arrays")
  func rawBuffers() {
    let digest = Self.variedMessage.withUnsafeBytes { SHA256.hash($0) }
    #expect(digest.hex == Self.variedDigest)
  }

  @Test("A copy of an unfinished hasher continues independently")
  func copiedHasher() {
    var prefix = SHA256()
    prefix.update(Array("ab".utf8))
    var copy = prefix
    copy.update(Array("c".utf8))
    #expect(prefix.finalize() == SHA256.hash(Array("ab".utf8)))
    #expect(copy.finalize().hex == Self.nistVectors[1].expected)
  }

  @Test("A digest's bytes, hex and description agree")
  func digestSpellings() {
    let digest = SHA256.hash(Array("abc".utf8))
    #expect(
      digest.bytes == [
        0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22,
        0x23, 0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00,
        0x15, 0xad,
      ])
    #expect(digest.description == digest.hex)
    #expect("\(digest)" == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test("Parsing a digest's hex gives back the same digest, in either case")
  func hexRoundTrip() throws {
    for vector in Self.paddingVectors {
      let digest = SHA256.hash(vector.message)
      #expect(SHA256Digest(hex: digest.hex) == digest)
      #expect(SHA256Digest(hex: digest.hex.uppercased()) == digest)
    }
    let parsed = try #require(SHA256Digest(hex: Self.variedDigest))
    #expect(parsed.hex == Self.variedDigest)
    #expect(Set([parsed, SHA256.hash(Self.variedMessage)]).count == 1)
  }

  @Test(
    "Hex of the wrong length or with non-hex characters is rejected",
    arguments: [
      "",
      String(repeating: "0", count: 63),
      String(repeating: "0", count: 65),
      String(repeating: "0", count: 128),
      String(repeating: "0", count: 63) + "g",
      String(repeating: "0", count: 63) + " ",
      " " + String(repeating: "0", count: 63),
      "0x" + String(repeating: "0", count: 62),
      String(repeating: "0", count: 62) + "é",
      String(repeating: "0", count: 31) + "-" + String(repeating: "0", count: 32),
    ])
  func invalidHex(text: String) {
    #expect(SHA256Digest(hex: text) == nil)
  }
}

extension SHA256Tests {
  @Test(
    "Lowercase hex as a log line spells it is read digit by digit; anything else at any place is not",
    arguments: ["/", ":", "`", "g", "A", "F", "@", "G", "\u{7F}", "\u{00}"], [0, 15, 16, 37, 63])
  func lowercaseHexRejects(character: Character, place: Int) {
    let digest = SHA256.hash(Self.variedMessage)
    let good = Array(digest.hex.utf8)
    #expect(good.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == digest)
    var bad = good
    bad[place] = character.asciiValue ?? 0
    #expect(bad.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == nil)
  }

  @Test("Every lowercase hex digit at every place reads as its value")
  func lowercaseHexDigits() {
    for (value, character) in "0123456789abcdef".utf8.enumerated() {
      for place in [0, 15, 16, 31, 32, 47, 48, 63] {
        var text = [UInt8](repeating: UInt8(ascii: "0"), count: 64)
        text[place] = character
        var expected = [UInt8](repeating: 0, count: 32)
        expected[place / 2] = UInt8(value) << (place % 2 == 0 ? 4 : 0)
        #expect(text.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }?.bytes == expected)
      }
    }
  }

  @Test("Every byte value at every place of a hash is read as its digit or rejected")
  func lowercaseHexEveryByte() {
    let digits = Array("0123456789abcdef".utf8)
    // Neighbours that are themselves the extremes of both ranges, so a carry would show.
    let base = Array(String(repeating: "09af", count: 16).utf8)
    var wrong = 0
    for place in 0..<64 {
      for byte in UInt8.min...UInt8.max {
        var text = base
        text[place] = byte
        let read = text.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }
        if let value = digits.firstIndex(of: byte) {
          var expected = [UInt8](repeating: 0, count: 32)
          for index in 0..<64 {
            let digit = index == place ? value : digits.firstIndex(of: base[index]) ?? 0
            expected[index / 2] |= UInt8(digit) << (index % 2 == 0 ? 4 : 0)
          }
          if read?.bytes != expected { wrong += 1 }
        } else if read != nil {
          wrong += 1
        }
      }
    }
    #expect(wrong == 0)
  }
}
