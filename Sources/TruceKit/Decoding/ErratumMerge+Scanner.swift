extension ErratumMerge {
  /// Finds the top-level members of an object that is valid JSON by skipping over values; the
  /// text of strings is passed over eight bytes at a time (``WordScan``).
  struct MemberScanner {
    let bytes: UnsafeRawBufferPointer
    private var count: Int { bytes.count }
    private var cursor = 0

    init(bytes: UnsafeRawBufferPointer) {
      self.bytes = bytes
    }

    /// The members, in order; those before the first thing that is not a member, if any.
    mutating func members() -> [Member] {
      var result: [Member] = []
      // An event's line has about a dozen members.
      result.reserveCapacity(16)
      skipSpace()
      guard cursor < count, bytes[cursor] == UInt8(ascii: "{") else { return result }
      cursor += 1
      while true {
        skipSpace()
        guard cursor < count, bytes[cursor] == UInt8(ascii: "\"") else { return result }
        let keyStart = cursor + 1
        let keyNeedsText = skipString()
        let keyEnd = cursor - 1
        skipSpace()
        guard cursor < count, bytes[cursor] == UInt8(ascii: ":") else { return result }
        cursor += 1
        skipSpace()
        let valueStart = cursor
        skipValue()
        result.append(
          Member(key: keyStart..<keyEnd, value: valueStart..<cursor, keyNeedsText: keyNeedsText))
        skipSpace()
        guard cursor < count, bytes[cursor] == UInt8(ascii: ",") else { return result }
        cursor += 1
      }
    }

    private mutating func skipSpace() {
      while cursor < count {
        switch bytes[cursor] {
        case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
        default: return
        }
      }
    }

    /// Moves past a string whose opening quote is at the cursor; whether it held an escape or
    /// a byte beyond ASCII.
    private mutating func skipString() -> Bool {
      var needsText = false
      cursor += 1
      while cursor < count {
        // Plain ASCII is passed over eight bytes at a time; a valid line's strings hold no
        // control characters, the other bytes the scan stops at.
        cursor = WordScan.firstStringSpecial(bytes, from: cursor)
        guard cursor < count else { break }
        let byte = bytes[cursor]
        if byte == UInt8(ascii: "\"") { break }
        if byte == UInt8(ascii: "\\") {
          needsText = true
          cursor += 2
          continue
        }
        if byte >= 0x80 { needsText = true }
        cursor += 1
      }
      cursor += 1
      return needsText
    }

    /// Moves past the value at the cursor.
    private mutating func skipValue() {
      guard cursor < count else { return }
      switch bytes[cursor] {
      case UInt8(ascii: "\""):
        _ = skipString()
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        var depth = 0
        while cursor < count {
          switch bytes[cursor] {
          case UInt8(ascii: "\""):
            _ = skipString()
            continue
          case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
          case UInt8(ascii: "}"), UInt8(ascii: "]"):
            depth -= 1
            if depth == 0 {
              cursor += 1
              return
            }
          default: break
          }
          cursor += 1
        }
      default:
        // A number or a literal runs to the next delimiter.
        while cursor < count {
          switch bytes[cursor] {
          case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
            return
          default: cursor += 1
          }
        }
      }
    }
  }
}
