/// The JSON number grammar (RFC 8259, section 6), shared by the parser and error messages.
///
/// `number = [ "-" ] int [ frac ] [ exp ]`, where `int` is `0` or a digit sequence without a
/// leading zero, `frac` is `.` and digits, and `exp` is `e` or `E`, an optional sign and digits.
enum JSONNumberGrammar {
  /// Why a number's text is invalid.
  enum Problem {
    case leadingZero
    case missingIntegerDigit
    case missingFractionDigit
    case missingExponentDigit
  }

  /// The outcome of scanning a number.
  enum ScanResult {
    /// The number is valid and ends just before `end`.
    case valid(end: Int)
    /// The number is invalid at `offset` (an offending byte, or the end of the buffer).
    case invalid(offset: Int, problem: Problem)
  }

  /// Scans the longest valid number that starts at `start`, which must be `-` or a digit.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> ScanResult {
    var offset = start
    if offset < bytes.count && bytes[offset] == UInt8(ascii: "-") { offset += 1 }
    guard offset < bytes.count && isDigit(bytes[offset]) else {
      return .invalid(offset: offset, problem: .missingIntegerDigit)
    }
    if bytes[offset] == UInt8(ascii: "0") {
      offset += 1
      if offset < bytes.count && isDigit(bytes[offset]) {
        return .invalid(offset: offset, problem: .leadingZero)
      }
    } else {
      offset = skipDigits(bytes, from: offset + 1)
    }
    if offset < bytes.count && bytes[offset] == UInt8(ascii: ".") {
      offset += 1
      guard offset < bytes.count && isDigit(bytes[offset]) else {
        return .invalid(offset: offset, problem: .missingFractionDigit)
      }
      offset = skipDigits(bytes, from: offset + 1)
    }
    if offset < bytes.count && (bytes[offset] | 0x20) == UInt8(ascii: "e") {
      offset += 1
      if offset < bytes.count
        && (bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-"))
      {
        offset += 1
      }
      guard offset < bytes.count && isDigit(bytes[offset]) else {
        return .invalid(offset: offset, problem: .missingExponentDigit)
      }
      offset = skipDigits(bytes, from: offset + 1)
    }
    return .valid(end: offset)
  }

  /// Returns the end of the run of characters that look like part of a number.
  ///
  /// Error messages quote this run, so that `1.e5` is reported whole rather than as `1.`.
  static func tokenEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var offset = start
    while offset < bytes.count {
      switch bytes[offset] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"),
        UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
        offset += 1
      default:
        return offset
      }
    }
    return offset
  }

  /// Explains why a number's text is invalid, as a suffix for an error message.
  static func problemHint(_ text: String) -> String {
    let result = Array(text.utf8).withUnsafeBufferPointer { buffer -> ScanResult in
      guard let first = buffer.first, first == UInt8(ascii: "-") || isDigit(first) else {
        return .invalid(offset: 0, problem: .missingIntegerDigit)
      }
      return scan(buffer, from: 0)
    }
    switch result {
    case .valid: return ""
    case .invalid(_, .leadingZero): return ": leading zeros are not allowed"
    case .invalid(_, .missingIntegerDigit): return ": expected a digit after '-'"
    case .invalid(_, .missingFractionDigit): return ": expected a digit after '.'"
    case .invalid(_, .missingExponentDigit): return ": expected a digit in the exponent"
    }
  }

  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  @inline(__always)
  private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var offset = start
    while offset < bytes.count && isDigit(bytes[offset]) { offset += 1 }
    return offset
  }
}
