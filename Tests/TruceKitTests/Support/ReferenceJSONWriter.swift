@testable import TruceKit

/// The JSON writer as it was before answers were written through ``JSONBuilding``: a walk of
/// the tree into bytes, kept here as the reference the text writer is held to.
struct ReferenceJSONWriter {
  /// The pretty-printed text of a value, with a newline after it.
  static func pretty(_ value: JSONValue) -> String {
    var writer = ReferenceJSONWriter(pretty: true)
    writer.write(value, depth: 0)
    return String(decoding: writer.output + [UInt8(ascii: "\n")], as: UTF8.self)
  }

  /// The compact text of a value.
  static func compact(_ value: JSONValue) -> String {
    var writer = ReferenceJSONWriter(pretty: false)
    writer.write(value, depth: 0)
    return String(decoding: writer.output, as: UTF8.self)
  }

  let pretty: Bool
  var output: [UInt8] = []

  /// Spaces for indenting, sliced to each depth's width.
  private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

  init(pretty: Bool) {
    self.pretty = pretty
    output.reserveCapacity(4096)
  }

  mutating func write(_ value: JSONValue, depth: Int) {
    switch value {
    case .null:
      append("null")
    case .bool(let flag):
      append(flag ? "true" : "false")
    case .number(let text):
      append(text)
    case .string(let text):
      writeString(text)
    case .array(let elements):
      guard !elements.isEmpty else { return append("[]") }
      output.append(UInt8(ascii: "["))
      for (offset, element) in elements.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        write(element, depth: depth + 1)
      }
      newline(depth)
      output.append(UInt8(ascii: "]"))
    case .object(let object):
      guard !object.isEmpty else { return append("{}") }
      output.append(UInt8(ascii: "{"))
      for (offset, member) in object.entries.enumerated() {
        if offset > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth + 1)
        writeString(member.key)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
        write(member.value, depth: depth + 1)
      }
      newline(depth)
      output.append(UInt8(ascii: "}"))
    }
  }

  private mutating func append(_ text: String) {
    output.append(contentsOf: text.utf8)
  }

  private mutating func newline(_ depth: Int) {
    guard pretty else { return }
    output.append(UInt8(ascii: "\n"))
    var width = depth * 2
    while width > 0 {
      let part = min(width, ReferenceJSONWriter.spaces.count)
      ReferenceJSONWriter.spaces.withUnsafeBufferPointer {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<part]))
      }
      width -= part
    }
  }

  private mutating func writeString(_ text: String) {
    output.append(UInt8(ascii: "\""))
    if let written = text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0) }) {
      _ = written
    } else {
      var copy = text
      copy.withUTF8 { bytes in writeEscaped(bytes) }
    }
    output.append(UInt8(ascii: "\""))
  }

  /// Writes string contents, copying runs of bytes that need no escape in one go.
  private mutating func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    var runStart = 0
    var offset = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      // Most bytes need no escape: printable ASCII other than the quote and backslash, and
      // the bytes of characters other than U+2028 and U+2029.
      if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
        offset += 1
        continue
      }
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
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
      append(escape)
      offset += length
      runStart = offset
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
  }
}
