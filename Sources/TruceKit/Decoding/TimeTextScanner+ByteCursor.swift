extension TimeTextScanner {
  /// A position in a bound's bytes that reads fixed-width decimal numbers and single characters.
  struct ByteCursor {
    /// The whole text.
    let bytes: UnsafeRawBufferPointer
    /// The next byte to read.
    var position: Int
    /// Just past the bound's last byte.
    let end: Int

    /// Whether every byte of the bound has been read.
    var atEnd: Bool { position == end }

    /// Reads exactly `width` ASCII digits as a number; reads nothing and returns `nil` when fewer
    /// bytes are left or one of them is not a digit.
    @inline(__always)
    mutating func number(width: Int) -> Int? {
      guard end - position >= width else { return nil }
      var value = 0
      for index in position..<(position + width) {
        let digit = bytes[index] &- ASCII.zero
        guard digit <= 9 else { return nil }
        value = value * 10 + Int(digit)
      }
      position += width
      return value
    }

    /// Reads one byte if it is `byte`, and says whether it was.
    @inline(__always)
    mutating func skip(_ byte: UInt8) -> Bool {
      guard position < end, bytes[position] == byte else { return false }
      position += 1
      return true
    }
  }

  /// The ASCII bytes of the time notation.
  enum ASCII {
    /// `0`, the first digit.
    static let zero = UInt8(ascii: "0")
    /// `/`, between a range's bounds.
    static let slash = UInt8(ascii: "/")
    /// `.`, of an open bound `..`.
    static let dot = UInt8(ascii: ".")
    /// `-`, between a date's parts and before a negative offset.
    static let hyphen = UInt8(ascii: "-")
    /// `+`, before a positive offset.
    static let plus = UInt8(ascii: "+")
    /// `:`, between a time's parts.
    static let colon = UInt8(ascii: ":")
    /// `T`, between a date and a time.
    static let capitalT = UInt8(ascii: "T")
    /// `W`, before a week number.
    static let capitalW = UInt8(ascii: "W")
    /// `Z`, for UTC.
    static let capitalZ = UInt8(ascii: "Z")
  }
}
