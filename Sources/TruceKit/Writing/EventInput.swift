/// Builds the event to append from what the user gives: a JSON object, or `key=value` fields.
public enum EventInput {
  /// Reads one JSON object (it may span several lines).
  ///
  /// - Parameters:
  ///   - bytes: The text.
  ///   - source: Its name for errors (`event.json`, `standard input`).
  /// - Throws: ``WriteError/input(_:)`` with the line and column of a syntax error.
  public static func object(json bytes: [UInt8], source: String) throws(WriteError) -> JSONObject {
    let value: JSONValue
    do { value = try JSONParser.parse(bytes) } catch {
      let (line, column) = position(in: bytes, column: error.column)
      throw .input("\(source):\(line):\(column): invalid JSON: \(error.description)")
    }
    guard case .object(let object) = value else {
      throw .input("\(source): expected one event object, found \(value.typeName)")
    }
    return object
  }

  /// Builds an object from fields such as `pause=p`, `window.start=2016-11-04` or
  /// `users=["civilians"]`.
  ///
  /// A value that reads as JSON (a number, `true`, an array, an object, a quoted string) is taken
  /// as that; anything else is a string. Dots in a key make nested objects.
  ///
  /// - Throws: ``WriteError/input(_:)`` for a field without `=`, or one set twice.
  public static func object(fields: [String], into base: JSONObject = JSONObject())
    throws(WriteError) -> JSONObject
  {
    var object = base
    for field in fields {
      guard let equals = field.firstIndex(of: "="), equals != field.startIndex else {
        throw .input("field '\(field)' is not KEY=VALUE")
      }
      let path = field[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(
        String.init)
      let text = String(field[field.index(after: equals)...])
      let value = (try? JSONParser.parse(text)) ?? .string(text)
      try set(value, at: path[...], in: &object, field: field)
    }
    return object
  }

  private static func set(
    _ value: JSONValue, at path: ArraySlice<String>, in object: inout JSONObject, field: String
  ) throws(WriteError) {
    guard let key = path.first, !key.isEmpty else {
      throw .input("field '\(field)' has an empty key")
    }
    if path.count == 1 {
      guard object[key] == nil else { throw .input("field '\(key)' is given twice") }
      object[key] = value
      return
    }
    var nested: JSONObject
    switch object[key] {
    case nil: nested = JSONObject()
    case .object(let existing)?: nested = existing
    default:
      throw .input("field '\(field)': '\(key)' is already set to a value that is not an object")
    }
    try set(value, at: path.dropFirst(), in: &nested, field: field)
    object[key] = .object(nested)
  }

  private static func position(in bytes: [UInt8], column: Int) -> (Int, Int) {
    // The parser counts columns over the whole input; turn that into line and column.
    var line = 1
    var lineStart = 0
    var scalars = 0
    for (index, byte) in bytes.enumerated() {
      if scalars == column - 1 { break }
      if byte & 0xC0 != 0x80 { scalars += 1 }
      if byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = scalars
      }
      _ = index
    }
    return (line, column - lineStart)
  }
}
