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
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      if high(word) | equal(word, 0x0D) != 0 { return false }
      offset += 8
    }
    while offset < bytes.count {
      if bytes[offset] >= 0x80 || bytes[offset] == 0x0D { return false }
      offset += 1
    }
    return true
  }

  /// The first offset at or after `start` whose byte ends plain ASCII string text in JSON: a
  /// quote, a backslash, a control character, or a byte that is not ASCII; `bytes.count` when
  /// there is none.
  @inline(__always)
  static func firstStringSpecial(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var offset = start
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let found =
        equal(word, UInt8(ascii: "\"")) | equal(word, UInt8(ascii: "\\")) | below(word, 0x20)
        | high(word)
      if found != 0 { return offset + found.trailingZeroBitCount >> 3 }
      offset += 8
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 {
        return offset
      }
      offset += 1
    }
    return offset
  }

  /// The first offset at or after `start` whose byte may need escaping in JSON output: a quote,
  /// a backslash, a control character, or 0xE2 (which starts U+2028 and U+2029); `bytes.count`
  /// when there is none.
  @inline(__always)
  static func firstEscapeCandidate(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var offset = start
    while offset + 8 <= bytes.count {
      let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      let found =
        equal(word, UInt8(ascii: "\"")) | equal(word, UInt8(ascii: "\\")) | below(word, 0x20)
        | equal(word, 0xE2)
      if found != 0 { return offset + found.trailingZeroBitCount >> 3 }
      offset += 8
    }
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == 0xE2 {
        return offset
      }
      offset += 1
    }
    return offset
  }
}
