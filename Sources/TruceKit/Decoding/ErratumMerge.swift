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
    // Each key's text is decoded once (most are short enough to need no storage of their own).
    let names = members.map { keyText($0.key, in: base) }
    var replacements = [Range<Int>?](repeating: nil, count: members.count)
    var added: [Member] = []
    for change in ErratumMerge.members(of: set) {
      let name = keyText(change.key, in: set)
      guard !fixedKeys.contains(name) else { throw ForbiddenKey(key: name) }
      if let index = names.firstIndex(of: name) {
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
  private struct Member {
    var key: Range<Int>
    var value: Range<Int>
  }

  /// The top-level members of an object.
  private static func members(of bytes: UnsafeRawBufferPointer) -> [Member] {
    var tape = LineTape()
    do { try tape.tokenize(bytes) } catch { preconditionFailure("merged lines are valid JSON") }
    var result: [Member] = []
    let entries = tape.entries
    var cursor = 1
    while cursor < Int(entries[0].next) {
      let key = entries[cursor]
      let value = entries[cursor + 1]
      let valueStart = value.kind == .string ? Int(value.start) - 1 : Int(value.start)
      let valueEnd = value.kind == .string ? Int(value.end) + 1 : Int(value.end)
      result.append(Member(key: Int(key.start)..<Int(key.end), value: valueStart..<valueEnd))
      cursor = Int(value.next)
    }
    return result
  }

  /// A key's text with its escapes decoded, as the reference compares keys.
  private static func keyText(_ key: Range<Int>, in bytes: UnsafeRawBufferPointer) -> String {
    TapeScanner(bytes: bytes).text(Int32(key.lowerBound), Int32(key.upperBound), escaped: true)
  }
}
