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

  /// A string in quotes, escaped as ``JSONValue/serialized(pretty:)`` documents it: `"`, `\`
  /// and control characters (the short escapes where JSON has them, else `\u00XX` in lowercase
  /// hexadecimal), U+2028 and U+2029; every other character as its UTF-8. Written scalar by
  /// scalar, independently of the writers it checks.
  private mutating func writeString(_ text: String) {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      case "\t": escaped += "\\t"
      case "\u{8}": escaped += "\\b"
      case "\u{C}": escaped += "\\f"
      case "\u{2028}": escaped += "\\u2028"
      case "\u{2029}": escaped += "\\u2029"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    escaped += "\""
    append(escaped)
  }
}
