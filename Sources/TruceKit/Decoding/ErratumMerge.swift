/// Merges an erratum's `set` object into the line of the event it corrects, as bytes: a key the
/// event has gets the new value in place, a new key is added at the end, in `set`'s order.
enum ErratumMerge {
  /// A key an erratum may not change.
  struct ForbiddenKey: Error {
    var key: String
  }

  /// The keys that identify an event or its place in the log.
  static let fixedKeys: Set<String> = ["seq", "id", "type", "prev"]

  /// The corrected line.
  ///
  /// - Parameters:
  ///   - set: The `set` object's bytes (valid JSON).
  ///   - original: The line being corrected (valid JSON), as amended so far.
  /// - Throws: ``ForbiddenKey`` for the first key in `set` that may not change.
  static func merge(_ set: UnsafeRawBufferPointer, into original: [UInt8]) throws(ForbiddenKey)
    -> [UInt8]
  {
    try original.withUnsafeBytes { base in
      Result { () throws(ForbiddenKey) -> [UInt8] in try merge(set, into: base) }
    }.get()
  }

  private static func merge(_ set: UnsafeRawBufferPointer, into base: UnsafeRawBufferPointer)
    throws(ForbiddenKey) -> [UInt8]
  {
    let members = ErratumMerge.members(of: base)
    var replacements = [Range<Int>?](repeating: nil, count: members.count)
    var added: [Member] = []
    for change in ErratumMerge.members(of: set) {
      if isFixed(change, in: set) { throw ForbiddenKey(key: keyText(change, in: set)) }
      if let index = members.firstIndex(where: { sameKey($0, in: base, change, in: set) }) {
        replacements[index] = change.value
      } else {
        added.append(change)
      }
    }
    var result: [UInt8] = []
    result.reserveCapacity(base.count + set.count)
    result.append(UInt8(ascii: "{"))
    func append(
      key: Range<Int>, in keyBytes: UnsafeRawBufferPointer, value: Range<Int>,
      in valueBytes: UnsafeRawBufferPointer
    ) {
      if result.count > 1 { result.append(UInt8(ascii: ",")) }
      result.append(UInt8(ascii: "\""))
      result.append(contentsOf: UnsafeRawBufferPointer(rebasing: keyBytes[key]))
      result.append(UInt8(ascii: "\""))
      result.append(UInt8(ascii: ":"))
      result.append(contentsOf: UnsafeRawBufferPointer(rebasing: valueBytes[value]))
    }
    for (index, member) in members.enumerated() {
      if let replacement = replacements[index] {
        append(key: member.key, in: base, value: replacement, in: set)
      } else {
        append(key: member.key, in: base, value: member.value, in: base)
      }
    }
    for member in added { append(key: member.key, in: set, value: member.value, in: set) }
    result.append(UInt8(ascii: "}"))
    return result
  }

  /// A top-level member: its key's raw bytes (between its quotes) and its value's raw bytes.
  struct Member: Equatable {
    var key: Range<Int>
    var value: Range<Int>
    /// Whether the key holds an escape, or a byte beyond ASCII (and so is compared as text).
    var keyNeedsText: Bool
  }

  /// The top-level members of an object that is valid JSON, found by skipping over values
  /// rather than tokenizing them: the lines merged were checked when they were read.
  static func members(of bytes: UnsafeRawBufferPointer) -> [Member] {
    var result: [Member] = []
    var cursor = 0
    let count = bytes.count
    func skipSpace() {
      while cursor < count {
        switch bytes[cursor] {
        case 0x20, 0x09, 0x0A, 0x0D: cursor += 1
        default: return
        }
      }
    }
    /// Moves past a string whose opening quote is at the cursor; whether it held an escape or
    /// a byte beyond ASCII.
    func skipString() -> Bool {
      var needsText = false
      cursor += 1
      while cursor < count {
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
    func skipValue() {
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

  /// Whether two members have the same key, as the reference compares keys: as text, with
  /// escapes decoded (plain ASCII keys byte by byte, which is the same).
  private static func sameKey(
    _ first: Member, in firstBytes: UnsafeRawBufferPointer, _ second: Member,
    in secondBytes: UnsafeRawBufferPointer
  ) -> Bool {
    guard first.keyNeedsText || second.keyNeedsText else {
      return first.key.count == second.key.count
        && UnsafeRawBufferPointer(rebasing: firstBytes[first.key]).elementsEqual(
          UnsafeRawBufferPointer(rebasing: secondBytes[second.key]))
    }
    return keyText(first, in: firstBytes) == keyText(second, in: secondBytes)
  }

  /// Whether a member's key is one an erratum may not change.
  private static func isFixed(_ member: Member, in bytes: UnsafeRawBufferPointer) -> Bool {
    guard !member.keyNeedsText else { return fixedKeys.contains(keyText(member, in: bytes)) }
    guard member.key.count <= 4 else { return false }
    let key = UnsafeRawBufferPointer(rebasing: bytes[member.key])
    return fixedKeyBytes.contains { $0.elementsEqual(key) }
  }

  private static let fixedKeyBytes = fixedKeys.map { Array($0.utf8) }

  /// A key's text with its escapes decoded, as the reference compares keys.
  private static func keyText(_ member: Member, in bytes: UnsafeRawBufferPointer) -> String {
    TapeScanner(bytes: bytes).text(
      Int32(member.key.lowerBound), Int32(member.key.upperBound), escaped: member.keyNeedsText)
  }
}
