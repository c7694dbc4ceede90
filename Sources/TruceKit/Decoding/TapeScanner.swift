/// A cursor over one line's bytes that reads JSON tokens for ``LineTape``: strings (checked for
/// UTF-8, control characters and escapes), numbers and literals.
struct TapeScanner {
  let bytes: UnsafeRawBufferPointer
  var position = 0

  var atEnd: Bool { position >= bytes.count }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// Fails unless a value can start here.
  func expectValueStart() throws(TapeSyntaxError) {
    if atEnd { throw failure("a value expected, found the end of the line") }
  }

  /// Reads a string whose opening quote is at the position; returns where its closing quote is.
  @inline(__always)
  mutating func string() throws(TapeSyntaxError) -> (end: Int, escaped: Bool) {
    var cursor = position + 1
    var escaped = false
    while true {
      // Plain ASCII is passed over eight bytes at a time.
      cursor = WordScan.firstStringSpecial(bytes, from: cursor)
      guard cursor < bytes.count else { break }
      let byte = bytes[cursor]
      if byte == UInt8(ascii: "\"") {
        position = cursor + 1
        return (cursor, escaped)
      }
      if byte == UInt8(ascii: "\\") {
        escaped = true
        cursor = try escape(at: cursor)
      } else if byte < 0x20 {
        throw TapeSyntaxError(
          offset: cursor, isInvalidUTF8: false, message: "control character in a string")
      } else {
        cursor += try scalarLength(at: cursor)
      }
    }
    throw TapeSyntaxError(offset: bytes.count, isInvalidUTF8: false, message: "unterminated string")
  }

  /// Checks the escape whose backslash is at `start`; returns the offset after it.
  private func escape(at start: Int) throws(TapeSyntaxError) -> Int {
    guard start + 1 < bytes.count else {
      throw TapeSyntaxError(
        offset: bytes.count, isInvalidUTF8: false, message: "unterminated string")
    }
    switch bytes[start + 1] {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
      UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
      return start + 2
    case UInt8(ascii: "u"):
      let unit = try hexUnit(at: start)
      switch unit {
      case 0xD800...0xDBFF:
        guard start + 7 < bytes.count, bytes[start + 6] == UInt8(ascii: "\\"),
          bytes[start + 7] == UInt8(ascii: "u")
        else { throw loneSurrogate(at: start) }
        let low = try hexUnit(at: start + 6)
        guard (0xDC00...0xDFFF).contains(low) else { throw loneSurrogate(at: start) }
        return start + 12
      case 0xDC00...0xDFFF:
        throw loneSurrogate(at: start)
      default:
        return start + 6
      }
    default:
      if bytes[start + 1] >= 0x80 { _ = try scalarLength(at: start + 1) }
      throw TapeSyntaxError(offset: start, isInvalidUTF8: false, message: "invalid escape")
    }
  }

  /// The four hex digits of the `\u` escape at `start`.
  private func hexUnit(at start: Int) throws(TapeSyntaxError) -> UInt16 {
    var unit: UInt16 = 0
    for offset in start + 2..<start + 6 {
      guard offset < bytes.count else {
        throw TapeSyntaxError(
          offset: bytes.count, isInvalidUTF8: false, message: "unterminated string")
      }
      let byte = bytes[offset]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
      default:
        if byte >= 0x80 { _ = try scalarLength(at: offset) }
        throw TapeSyntaxError(offset: start, isInvalidUTF8: false, message: "invalid escape")
      }
      unit = unit << 4 | UInt16(digit)
    }
    return unit
  }

  private func loneSurrogate(at start: Int) -> TapeSyntaxError {
    TapeSyntaxError(offset: start, isInvalidUTF8: false, message: "lone UTF-16 surrogate escape")
  }

  /// The length of the well-formed UTF-8 sequence at `start` (Unicode table 3-7).
  func scalarLength(at start: Int) throws(TapeSyntaxError) -> Int {
    let lead = bytes[start]
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    let length: Int
    switch lead {
    case 0x00...0x7F: return 1
    case 0xC2...0xDF: length = 2
    case 0xE0: (length, low) = (3, 0xA0)
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED: (length, high) = (3, 0x9F)
    case 0xF0: (length, low) = (4, 0x90)
    case 0xF1...0xF3: length = 4
    case 0xF4: (length, high) = (4, 0x8F)
    default: throw invalidUTF8(at: start)
    }
    for offset in start + 1..<start + length {
      guard offset < bytes.count, bytes[offset] >= low, bytes[offset] <= high else {
        throw invalidUTF8(at: start)
      }
      (low, high) = (0x80, 0xBF)
    }
    return length
  }

  private func invalidUTF8(at offset: Int) -> TapeSyntaxError {
    TapeSyntaxError(offset: offset, isInvalidUTF8: true, message: "invalid UTF-8")
  }

  /// Reads a number or a literal at the position and returns its kind.
  mutating func scalar() throws(TapeSyntaxError) -> LineTape.Kind {
    switch bytes[position] {
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      try number()
      return .number
    case UInt8(ascii: "t"):
      try literal("true")
      return .trueValue
    case UInt8(ascii: "f"):
      try literal("false")
      return .falseValue
    case UInt8(ascii: "n"):
      try literal("null")
      return .null
    default:
      throw unexpected("a value")
    }
  }

  /// Reads `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
  private mutating func number() throws(TapeSyntaxError) {
    var cursor = position
    if bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
    guard cursor < bytes.count, isDigit(bytes[cursor]) else { throw badNumber(at: cursor) }
    if bytes[cursor] == UInt8(ascii: "0") {
      cursor += 1
      if cursor < bytes.count && isDigit(bytes[cursor]) { throw badNumber(at: cursor) }
    } else {
      while cursor < bytes.count && isDigit(bytes[cursor]) { cursor += 1 }
    }
    if cursor < bytes.count && bytes[cursor] == UInt8(ascii: ".") {
      cursor += 1
      guard cursor < bytes.count, isDigit(bytes[cursor]) else { throw badNumber(at: cursor) }
      while cursor < bytes.count && isDigit(bytes[cursor]) { cursor += 1 }
    }
    if cursor < bytes.count && (bytes[cursor] | 0x20) == UInt8(ascii: "e") {
      cursor += 1
      if cursor < bytes.count
        && (bytes[cursor] == UInt8(ascii: "+") || bytes[cursor] == UInt8(ascii: "-"))
      {
        cursor += 1
      }
      guard cursor < bytes.count, isDigit(bytes[cursor]) else { throw badNumber(at: cursor) }
      while cursor < bytes.count && isDigit(bytes[cursor]) { cursor += 1 }
    }
    position = cursor
  }

  private func badNumber(at offset: Int) -> TapeSyntaxError {
    TapeSyntaxError(offset: offset, isInvalidUTF8: false, message: "malformed number")
  }

  @inline(__always)
  private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

  /// Matches a literal whose first byte is at the position.
  private mutating func literal(_ word: StaticString) throws(TapeSyntaxError) {
    let count = word.utf8CodeUnitCount
    for offset in 0..<count {
      guard position < bytes.count, bytes[position] == word.utf8Start[offset] else {
        throw unexpected("'\(word)'")
      }
      position += 1
    }
  }

  /// The error for something other than `expected` at the position: invalid UTF-8 when the
  /// bytes there are not, else the character found.
  func unexpected(_ expected: String) -> TapeSyntaxError {
    guard !atEnd else { return failure("\(expected) expected, found the end of the line") }
    do throws(TapeSyntaxError) {
      let length = try scalarLength(at: position)
      let found = String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]),
        as: UTF8.self)
      return failure("\(expected) expected, found '\(found)'")
    } catch {
      return error
    }
  }

  /// A syntax error at the position.
  func failure(_ message: String) -> TapeSyntaxError {
    TapeSyntaxError(offset: position, isInvalidUTF8: false, message: message)
  }

  /// A string's text, decoding escapes when it has them.
  func text(_ start: Int32, _ end: Int32, escaped: Bool) -> String {
    if !escaped {
      return String(
        decoding: UnsafeRawBufferPointer(rebasing: bytes[Int(start)..<Int(end)]), as: UTF8.self)
    }
    return String(decoding: decoded(start, end), as: UTF8.self)
  }

  /// The bytes a string stands for, with its escapes decoded. The string is known to be valid.
  func decoded(_ start: Int32, _ end: Int32) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(Int(end - start))
    var cursor = Int(start)
    let limit = Int(end)
    while cursor < limit {
      let byte = bytes[cursor]
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        cursor += 1
        continue
      }
      let code = bytes[cursor + 1]
      switch code {
      case UInt8(ascii: "b"): result.append(0x08)
      case UInt8(ascii: "f"): result.append(0x0C)
      case UInt8(ascii: "n"): result.append(0x0A)
      case UInt8(ascii: "r"): result.append(0x0D)
      case UInt8(ascii: "t"): result.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = UInt32(hexValue(at: cursor))
        cursor += 6
        if (0xD800...0xDBFF).contains(scalar) {
          let low = UInt32(hexValue(at: cursor))
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          cursor += 6
        }
        appendUTF8(scalar, to: &result)
        continue
      default: result.append(code)
      }
      cursor += 2
    }
    return result
  }

  private func hexValue(at start: Int) -> UInt16 {
    var unit: UInt16 = 0
    for offset in start + 2..<start + 6 {
      let byte = bytes[offset] | 0x20
      let digit =
        byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10
      unit = unit << 4 | UInt16(digit)
    }
    return unit
  }

  private func appendUTF8(_ scalar: UInt32, to result: inout [UInt8]) {
    if scalar < 0x80 {
      result.append(UInt8(scalar))
    } else if scalar < 0x800 {
      result.append(0xC0 | UInt8(scalar >> 6))
      result.append(0x80 | UInt8(scalar & 0x3F))
    } else if scalar < 0x10000 {
      result.append(0xE0 | UInt8(scalar >> 12))
      result.append(0x80 | UInt8(scalar >> 6 & 0x3F))
      result.append(0x80 | UInt8(scalar & 0x3F))
    } else {
      result.append(0xF0 | UInt8(scalar >> 18))
      result.append(0x80 | UInt8(scalar >> 12 & 0x3F))
      result.append(0x80 | UInt8(scalar >> 6 & 0x3F))
      result.append(0x80 | UInt8(scalar & 0x3F))
    }
  }
}

/// Where and why a line breaks the JSON grammar, as the fast decoder found it.
struct TapeSyntaxError: Error {
  /// The byte offset in the line.
  var offset: Int
  /// Whether the bytes there are not UTF-8 (rather than the wrong character).
  var isInvalidUTF8: Bool
  /// What was wrong.
  var message: String

  /// The 1-based column: Unicode scalars before the offset, plus one.
  func column(in bytes: UnsafeRawBufferPointer) -> Int {
    var scalars = 0
    for byte in UnsafeRawBufferPointer(rebasing: bytes[..<min(offset, bytes.count)])
    where byte & 0xC0 != 0x80 {
      scalars += 1
    }
    return scalars + 1
  }
}
