/// Finds the first byte of a class in a buffer eight bytes at a time, with word arithmetic
/// instead of a test per byte: most of a log line's strings are plain ASCII that needs no look.
///
/// Each test gives a word with the high bit set in the bytes of its class. A borrow can also set
/// it in bytes above one that is really of the class, never below, so the lowest bit set is
/// always a true one, and the tests may be combined with `|`.
enum WordScan {
  private static let ones: UInt64 = 0x0101_0101_0101_0101
  private static let highs: UInt64 = 0x8080_8080_8080_8080

  /// High bits where a byte of `word` equals `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highs
  }

  /// High bits where a byte of `word` is below `limit` (at most 0x80).
  @inline(__always)
  static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
    (word &- ones &* UInt64(limit)) & ~word & highs
  }

  /// High bits where a byte of `word` is 0x80 or above (not ASCII).
  @inline(__always)
  static func high(_ word: UInt64) -> UInt64 { word & highs }

  /// Whether every byte is ASCII other than a carriage return: text whose characters are its
  /// bytes, one each (a CR and the LF after it make one character).
  static func isSimpleASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    firstMatch(
      bytes, from: 0, inWord: { high($0) | equal($0, 0x0D) },
      isMatch: { $0 >= 0x80 || $0 == 0x0D }) == bytes.count
  }

  /// The first offset at or after `start` whose byte ends plain ASCII string text in JSON: a
  /// quote, a backslash, a control character, or a byte that is not ASCII; `bytes.count` when
  /// there is none.
  @inline(__always)
  static func firstStringSpecial(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    firstMatch(
      bytes, from: start,
      inWord: {
        equal($0, UInt8(ascii: "\"")) | equal($0, UInt8(ascii: "\\")) | below($0, 0x20) | high($0)
      },
      isMatch: {
        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 >= 0x80
      })
  }

  /// The first offset at or after `start` whose byte may need escaping in JSON output: a quote,
  /// a backslash, a control character, or 0xE2 (which starts U+2028 and U+2029); `bytes.count`
  /// when there is none.
  @inline(__always)
  static func firstEscapeCandidate(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    firstMatch(
      bytes, from: start,
      inWord: {
        equal($0, UInt8(ascii: "\"")) | equal($0, UInt8(ascii: "\\")) | below($0, 0x20)
          | equal($0, 0xE2)
      },
      isMatch: {
        $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 || $0 == 0xE2
      })
  }

  /// The first offset at or after `start` whose byte is of a class: eight bytes at a time with
  /// `inWord` (high bits where a byte of a little-endian word is of it, the lowest one exact),
  /// then byte by byte with `isMatch`; `bytes.count` when there is none.
  @inline(__always)
  private static func firstMatch(
    _ bytes: UnsafeRawBufferPointer, from start: Int, inWord: (UInt64) -> UInt64,
    isMatch: (UInt8) -> Bool
  ) -> Int {
    var offset = start
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let found = inWord(word)
      if found != 0 { return offset + found.trailingZeroBitCount >> 3 }
      offset += 8
    }
    while offset < bytes.count && !isMatch(bytes[offset]) { offset += 1 }
    return offset
  }
}
