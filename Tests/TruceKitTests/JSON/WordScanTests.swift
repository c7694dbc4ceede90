import Testing

@testable import TruceKit

@Suite("Finding bytes eight at a time, against a byte-by-byte search")
struct WordScanTests {
  static func stringSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80
  }

  static func escapeCandidate(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0xE2
  }

  /// The first offset at or after `start` whose byte is of the class, by looking at each.
  static func reference(_ bytes: [UInt8], from start: Int, _ isOfClass: (UInt8) -> Bool) -> Int {
    bytes.indices.dropFirst(start).first { isOfClass(bytes[$0]) } ?? bytes.count
  }

  /// Both searches give what looking at each byte gives.
  static func expectAgreement(_ bytes: [UInt8], from start: Int) {
    bytes.withUnsafeBytes { buffer in
      #expect(
        WordScan.firstStringSpecial(buffer, from: start)
          == reference(bytes, from: start, stringSpecial))
      #expect(
        WordScan.firstEscapeCandidate(buffer, from: start)
          == reference(bytes, from: start, escapeCandidate))
    }
  }

  @Test("Every byte value, alone or after others that borrow, at every offset of a word")
  func everyByteAtEveryOffset() {
    // Bytes just above and below each class, and zero, which borrows in the word arithmetic.
    let neighbours: [UInt8] = [
      0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7F, 0x80, 0xE1, 0xE2, 0xE3,
      0xFF,
    ]
    var checked = 0
    for value in 0...255 {
      for position in 0..<20 {
        for before in neighbours {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
          if position > 0 { bytes[position - 1] = before }
          bytes[position] = UInt8(value)
          for start in [0, max(0, position - 1), position] {
            Self.expectAgreement(bytes, from: start)
            checked += 1
          }
        }
      }
    }
    #expect(checked == 256 * 20 * neighbours.count * 3)
  }

  @Test("Plain ASCII is told from text with other bytes or a carriage return, at every offset")
  func simpleASCII() {
    for length in 0..<20 {
      for position in 0..<max(1, length) {
        for value in [0x00, 0x0A, 0x0D, 0x20, 0x7E, 0x7F, 0x80, 0xC3, 0xFF] as [UInt8] {
          var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
          if length > 0 { bytes[position] = value }
          let expected = bytes.allSatisfy { $0 < 0x80 && $0 != 0x0D }
          #expect(bytes.withUnsafeBytes { WordScan.isSimpleASCII($0) } == expected)
        }
      }
    }
  }

  @Test("Random buffers of every length agree with the search byte by byte")
  func randomBuffers() {
    var generator = SplitMix64(seed: 12)
    for length in 0..<70 {
      for _ in 0..<40 {
        // Mostly plain ASCII, as log lines are, with the odd byte of every kind.
        let bytes = (0..<length).map { _ -> UInt8 in
          let roll = generator.next() % 16
          return roll == 0
            ? UInt8(truncatingIfNeeded: generator.next())
            : UInt8(truncatingIfNeeded: 0x20 + generator.next() % 0x5F)
        }
        let start = length == 0 ? 0 : Int(generator.next() % UInt64(length))
        Self.expectAgreement(bytes, from: start)
      }
    }
  }
}
