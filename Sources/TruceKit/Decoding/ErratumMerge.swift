#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
    // Every member's key and value, with its quotes, colon and comma, fits in the two objects'
    // bytes together.
    return [UInt8](unsafeUninitializedCapacity: base.count + set.count + 2) { buffer, written in
      var output = OutputBytes(buffer: buffer)
      output.put(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if let replacement = replacements[index] {
          output.put(key: member.key, in: base, value: replacement, in: set)
        } else {
          output.put(key: member.key, in: base, value: member.value, in: base)
        }
      }
      for member in added { output.put(key: member.key, in: set, value: member.value, in: set) }
      output.put(UInt8(ascii: "}"))
      written = output.count
    }
  }

  /// The merged line being written, into room made for it.
  private struct OutputBytes {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func put(_ byte: UInt8) {
      precondition(count < buffer.count, "a merged line longer than its parts")
      buffer[count] = byte
      count += 1
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer) {
      precondition(count + bytes.count <= buffer.count, "a merged line longer than its parts")
      UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[count...])
        .copyMemory(from: bytes)
      count += bytes.count
    }

    /// A member, after a comma unless it is the first.
    mutating func put(
      key: Range<Int>, in keyBytes: UnsafeRawBufferPointer, value: Range<Int>,
      in valueBytes: UnsafeRawBufferPointer
    ) {
      if count > 1 { put(UInt8(ascii: ",")) }
      put(UInt8(ascii: "\""))
      put(UnsafeRawBufferPointer(rebasing: keyBytes[key]))
      put(UInt8(ascii: "\""))
      put(UInt8(ascii: ":"))
      put(UnsafeRawBufferPointer(rebasing: valueBytes[value]))
    }
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
    var scanner = MemberScanner(bytes: bytes)
    return scanner.members()
  }

  /// Whether two members have the same key, as the reference compares keys: as text, with
  /// escapes decoded (plain ASCII keys byte by byte, which is the same).
  private static func sameKey(
    _ first: Member, in firstBytes: UnsafeRawBufferPointer, _ second: Member,
    in secondBytes: UnsafeRawBufferPointer
  ) -> Bool {
    guard first.keyNeedsText || second.keyNeedsText else {
      return first.key.count == second.key.count
        && bytesEqual(
          UnsafeRawBufferPointer(rebasing: firstBytes[first.key]),
          UnsafeRawBufferPointer(rebasing: secondBytes[second.key]))
    }
    return keyText(first, in: firstBytes) == keyText(second, in: secondBytes)
  }

  /// Whether a member's key is one an erratum may not change.
  private static func isFixed(_ member: Member, in bytes: UnsafeRawBufferPointer) -> Bool {
    guard !member.keyNeedsText else { return fixedKeys.contains(keyText(member, in: bytes)) }
    guard member.key.count <= 4 else { return false }
    let key = UnsafeRawBufferPointer(rebasing: bytes[member.key])
    return fixedKeyBytes.contains { fixed in
      fixed.count == key.count && fixed.withUnsafeBytes { bytesEqual($0, key) }
    }
  }

  /// Whether two runs of bytes of the same length are equal (compared with `memcmp`, where a
  /// generic comparison took a call per byte).
  private static func bytesEqual(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer)
    -> Bool
  {
    guard first.count == second.count else { return false }
    guard let left = first.baseAddress, let right = second.baseAddress else { return true }
    return memcmp(left, right, first.count) == 0
  }

  private static let fixedKeyBytes = fixedKeys.map { Array($0.utf8) }

  /// A key's text with its escapes decoded, as the reference compares keys.
  private static func keyText(_ member: Member, in bytes: UnsafeRawBufferPointer) -> String {
    TapeScanner(bytes: bytes).text(
      Int32(member.key.lowerBound), Int32(member.key.upperBound), escaped: member.keyNeedsText)
  }
}
