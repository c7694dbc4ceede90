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
    var members = original.withUnsafeBytes { ErratumMerge.members(of: $0) }
    for (key, value) in ErratumMerge.members(of: set) {
      let text = decodedKey(key)
      guard !fixedKeys.contains(text) else { throw ForbiddenKey(key: text) }
      if let index = members.firstIndex(where: { decodedKey($0.key) == text }) {
        members[index].value = value
      } else {
        members.append((key, value))
      }
    }
    var result: [UInt8] = [UInt8(ascii: "{")]
    for (index, member) in members.enumerated() {
      if index > 0 { result.append(UInt8(ascii: ",")) }
      result.append(UInt8(ascii: "\""))
      result.append(contentsOf: member.key)
      result.append(contentsOf: "\":".utf8)
      result.append(contentsOf: member.value)
    }
    result.append(UInt8(ascii: "}"))
    return result
  }

  /// The top-level members of an object: each key's raw bytes (between its quotes) and its
  /// value's raw bytes.
  private static func members(of bytes: UnsafeRawBufferPointer) -> [(key: [UInt8], value: [UInt8])]
  {
    var tape = LineTape()
    do { try tape.tokenize(bytes) } catch { preconditionFailure("merged lines are valid JSON") }
    var result: [(key: [UInt8], value: [UInt8])] = []
    let entries = tape.entries
    var cursor = 1
    while cursor < Int(entries[0].next) {
      let key = entries[cursor]
      let value = entries[cursor + 1]
      let valueStart = value.kind == .string ? Int(value.start) - 1 : Int(value.start)
      let valueEnd = value.kind == .string ? Int(value.end) + 1 : Int(value.end)
      result.append(
        (Array(bytes[Int(key.start)..<Int(key.end)]), Array(bytes[valueStart..<valueEnd])))
      cursor = Int(value.next)
    }
    return result
  }

  /// A key's text with its escapes decoded, as the reference compares keys.
  private static func decodedKey(_ raw: [UInt8]) -> String {
    raw.withUnsafeBytes { TapeScanner(bytes: $0).text(0, Int32(raw.count), escaped: true) }
  }
}
