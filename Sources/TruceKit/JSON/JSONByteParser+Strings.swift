extension JSONByteParser {
  /// Parses a string whose opening quote is at the current position.
  ///
  /// Strings without escapes, the common case, become a `String` straight from the buffer;
  /// strings with escapes are decoded through the reusable scratch buffer.
  @inline(__always)
  mutating func parseString() throws(JSONSyntaxError) -> String {
    position += 1
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        let result = text(start..<position)
        position += 1
        return result
      }
      if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
      if byte < 0x20 { throw error(.controlCharacterInString(byte)) }
      if byte < 0x80 {
        position += 1
      } else {
        position += try scalarLength(at: position)
      }
    }
    throw error(.unterminatedString)
  }

  /// Finishes a string whose escape-free prefix runs from `start` to the current position.
  private mutating func parseEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
    scratch.removeAll(keepingCapacity: true)
    scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
    while position < bytes.count {
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        return String(decoding: scratch, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape()
      case ..<0x20:
        throw error(.controlCharacterInString(byte))
      case ..<0x80:
        scratch.append(byte)
        position += 1
      default:
        let length = try scalarLength(at: position)
        scratch.append(
          contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<position + length]))
        position += length
      }
    }
    throw error(.unterminatedString)
  }

  /// Decodes the escape at the current position (a backslash) into the scratch buffer.
  private mutating func parseEscape() throws(JSONSyntaxError) {
    let escapeStart = position
    guard position + 1 < bytes.count else { throw error(.unterminatedString, at: bytes.count) }
    let decoded: UInt8
    switch bytes[position + 1] {
    case UInt8(ascii: "\""): decoded = UInt8(ascii: "\"")
    case UInt8(ascii: "\\"): decoded = UInt8(ascii: "\\")
    case UInt8(ascii: "/"): decoded = UInt8(ascii: "/")
    case UInt8(ascii: "b"): decoded = 0x08
    case UInt8(ascii: "f"): decoded = 0x0C
    case UInt8(ascii: "n"): decoded = 0x0A
    case UInt8(ascii: "r"): decoded = 0x0D
    case UInt8(ascii: "t"): decoded = 0x09
    case UInt8(ascii: "u"):
      try parseUnicodeEscape()
      return
    default:
      let escape = try escapeText(from: escapeStart, through: position + 1)
      throw error(.invalidEscape(escape), at: escapeStart)
    }
    scratch.append(decoded)
    position += 2
  }

  /// Decodes a `\uXXXX` escape, or a surrogate pair of them, into the scratch buffer.
  private mutating func parseUnicodeEscape() throws(JSONSyntaxError) {
    let escapeStart = position
    let first = try readHexEscape(at: position)
    position += 6
    var scalar = UInt32(first)
    switch first {
    case 0xD800...0xDBFF:
      guard
        position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
        bytes[position + 1] == UInt8(ascii: "u")
      else { throw error(.loneSurrogate(first), at: escapeStart) }
      let second = try readHexEscape(at: position)
      guard (0xDC00...0xDFFF).contains(second) else {
        throw error(.loneSurrogate(first), at: escapeStart)
      }
      position += 6
      scalar = 0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00)
    case 0xDC00...0xDFFF:
      throw error(.loneSurrogate(first), at: escapeStart)
    default:
      break
    }
    appendUTF8(scalar)
  }

  /// Reads the four hex digits of the `\u` escape whose backslash is at `start`.
  private func readHexEscape(at start: Int) throws(JSONSyntaxError) -> UInt16 {
    var value: UInt16 = 0
    for offset in start + 2..<start + 6 {
      guard offset < bytes.count else { throw error(.unterminatedString, at: bytes.count) }
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default:
        throw error(.invalidEscape(try escapeText(from: start, through: offset)), at: start)
      }
      value = value << 4 | UInt16(digit)
    }
    return value
  }

  /// The text of a bad escape, from its backslash through the whole scalar at `offset`.
  private func escapeText(from start: Int, through offset: Int) throws(JSONSyntaxError) -> String {
    let length = bytes[offset] < 0x80 ? 1 : try scalarLength(at: offset)
    return text(start..<offset + length)
  }

  private mutating func appendUTF8(_ scalar: UInt32) {
    switch scalar {
    case ..<0x80:
      scratch.append(UInt8(scalar))
    case ..<0x800:
      scratch.append(0xC0 | UInt8(scalar >> 6))
      scratch.append(0x80 | UInt8(scalar & 0x3F))
    case ..<0x10000:
      scratch.append(0xE0 | UInt8(scalar >> 12))
      scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
      scratch.append(0x80 | UInt8(scalar & 0x3F))
    default:
      scratch.append(0xF0 | UInt8(scalar >> 18))
      scratch.append(0x80 | UInt8(scalar >> 12 & 0x3F))
      scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
      scratch.append(0x80 | UInt8(scalar & 0x3F))
    }
  }

  /// Validates the UTF-8 sequence that starts at `start` and returns its length in bytes.
  ///
  /// This follows the well-formed byte sequences of the Unicode Standard (table 3-7), which
  /// rules out overlong forms, encoded surrogates and scalars above U+10FFFF.
  func scalarLength(at start: Int) throws(JSONSyntaxError) -> Int {
    let lead = bytes[start]
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case ..<0x80: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: throw error(.invalidUTF8([lead]), at: start)
    }
    for offset in start + 1..<start + length {
      guard offset < bytes.count else {
        throw error(.invalidUTF8(Array(bytes[start..<offset])), at: start)
      }
      let byte = bytes[offset]
      guard byte >= low && byte <= high else {
        throw error(.invalidUTF8(Array(bytes[start...offset])), at: start)
      }
      (low, high) = (0x80, 0xBF)
    }
    return length
  }
}
