/// Writes JSON text straight into UTF-8 bytes, compact or pretty-printed, as
/// ``JSONValue/serialized(pretty:)`` describes: the same text as the tree of the same values
/// would give, without building it.
///
/// A class, so that every holder writes into the one text (with one account of the containers
/// open); the generic writers take it `inout` as they take a tree builder.
final class JSONTextWriter: JSONBuilding {
  let pretty: Bool
  /// The text so far.
  private let output: ByteBuffer
  /// For each open container, whether it has no member yet.
  ///
  /// The writer is used from one thread and never reenters itself, so its properties are not
  /// checked for overlapping access at run time (a check on every member written, 3% of a
  /// warm `at`).
  @exclusivity(unchecked) private var empty: [Bool] = []
  /// Whether a key was just written, so that the value follows it on its line.
  @exclusivity(unchecked) private var afterKey = false

  init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    output = ByteBuffer(capacity: capacity)
  }

  /// The text written, followed by `ending`.
  func text(endingWith ending: String = "") -> String {
    String(decoding: output.bytes(endingWith: ending), as: UTF8.self)
  }

  /// The text's bytes, followed by `ending`.
  func bytes(endingWith ending: String = "") -> [UInt8] { output.bytes(endingWith: ending) }

  /// How many bytes of text are written and not yet taken.
  var byteCount: Int { output.count }

  /// The text written since the last take, followed by `ending`: what follows continues it, so
  /// the pieces taken in turn make the text ``bytes(endingWith:)`` would give at the end.
  func takeBytes(endingWith ending: String = "") -> [UInt8] { output.take(endingWith: ending) }

  /// Before a value: its place in an array (a comma after the one before, its own line).
  private func beginValue() {
    if afterKey {
      afterKey = false
      return
    }
    startMember()
  }

  /// A member's comma and line, in the innermost open container.
  private func startMember() {
    guard let last = empty.indices.last else { return }
    if !empty[last] { output.append(UInt8(ascii: ",")) }
    empty[last] = false
    newline(empty.count)
  }

  func beginObject() {
    beginValue()
    output.append(UInt8(ascii: "{"))
    empty.append(true)
  }

  func endObject() { end(UInt8(ascii: "}")) }

  func beginArray() {
    beginValue()
    output.append(UInt8(ascii: "["))
    empty.append(true)
  }

  func endArray() { end(UInt8(ascii: "]")) }

  private func end(_ bracket: UInt8) {
    let wasEmpty = empty.popLast() ?? true
    if !wasEmpty { newline(empty.count) }
    output.append(bracket)
  }

  func key(_ key: String) {
    startMember()
    writeString(key)
    output.append(UInt8(ascii: ":"))
    if pretty { output.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  func string(_ value: String) {
    beginValue()
    writeString(value)
  }

  func number(_ text: String) {
    beginValue()
    output.append(text)
  }

  func int(_ value: Int) {
    beginValue()
    guard value != 0 else { return output.append(UInt8(ascii: "0")) }
    if value < 0 { output.append(UInt8(ascii: "-")) }
    // Digits from the last, in a buffer wide enough for any Int (Int.min included).
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    var rest = value.magnitude
    withUnsafeMutableBytes(of: &digits) { buffer in
      while rest > 0 {
        buffer[23 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      output.append(UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
    }
  }

  func bool(_ value: Bool) {
    beginValue()
    output.append(value ? "true" : "false")
  }

  func null() {
    beginValue()
    output.append("null")
  }

  private func newline(_ depth: Int) {
    guard pretty else { return }
    output.append(UInt8(ascii: "\n"))
    output.append(repeating: UInt8(ascii: " "), count: depth * 2)
  }

  private func writeString(_ text: String) {
    output.append(UInt8(ascii: "\""))
    text.withUTF8Bytes(writeEscaped)
    output.append(UInt8(ascii: "\""))
  }

  /// Writes string contents, copying runs of bytes that need no escape in one go.
  private func writeEscaped(_ bytes: UnsafeRawBufferPointer) {
    var runStart = 0
    var offset = 0
    while true {
      // Most bytes need no escape: printable ASCII other than the quote and backslash, and
      // the bytes of characters other than U+2028 and U+2029. Runs of them are passed over
      // eight bytes at a time.
      offset = WordScan.firstEscapeCandidate(bytes, from: offset)
      guard offset < bytes.count else { break }
      let byte = bytes[offset]
      let escape: String
      var length = 1
      switch byte {
      case UInt8(ascii: "\""): escape = "\\\""
      case UInt8(ascii: "\\"): escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0x08: escape = "\\b"
      case 0x0C: escape = "\\f"
      case ..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
      case 0xE2
      where offset + 2 < bytes.count && bytes[offset + 1] == 0x80
        && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
        escape = bytes[offset + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        length = 3
      default:
        offset += 1
        continue
      }
      output.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<offset]))
      output.append(escape)
      offset += length
      runStart = offset
    }
    output.append(UnsafeRawBufferPointer(rebasing: bytes[runStart..<offset]))
  }
}
