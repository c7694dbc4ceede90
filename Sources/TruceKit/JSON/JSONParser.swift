/// Parses strict RFC 8259 JSON text into ``JSONValue`` trees.
///
/// The parser works on UTF-8 bytes and accepts exactly one value surrounded by optional
/// whitespace (space, tab, carriage return and line feed), which suits one line of a JSON Lines
/// file. It rejects comments, trailing commas, `NaN` and `Infinity`, leading zeros and `+`
/// signs in numbers, raw control characters and invalid UTF-8 in strings, lone surrogates in
/// `\u` escapes, and duplicate keys within an object. Numbers are kept as text, so huge ones
/// such as `1e400` are preserved rather than rounded.
///
/// Nesting is handled without recursion and limited by `maxDepth`, so hostile input such as
/// 100,000 `[` characters fails with ``JSONSyntaxError/Reason/tooDeep(limit:)`` instead of
/// overflowing the stack.
public enum JSONParser {
  /// Parses exactly one JSON value (surrounded by optional whitespace) from UTF-8 bytes.
  ///
  /// Contiguous collections such as `[UInt8]`, `ArraySlice<UInt8>` and `String.UTF8View` are
  /// read in place; other collections are copied into an array first.
  ///
  /// - Parameters:
  ///   - bytes: The UTF-8 encoded JSON text.
  ///   - maxDepth: The deepest nesting of arrays and objects to accept; `0` accepts only
  ///     scalar values. It must not be negative.
  /// - Returns: The parsed value, with object members in document order.
  /// - Throws: A ``JSONSyntaxError`` that gives the reason and column of the first problem.
  public static func parse(
    _ bytes: some Collection<UInt8>, maxDepth: Int = 64
  ) throws(JSONSyntaxError) -> JSONValue {
    precondition(maxDepth >= 0, "maxDepth must not be negative")
    let inPlace = bytes.withContiguousStorageIfAvailable { buffer in
      parse(buffer: buffer, maxDepth: maxDepth)
    }
    if let inPlace { return try inPlace.get() }
    return try Array(bytes).withUnsafeBufferPointer { buffer in
      parse(buffer: buffer, maxDepth: maxDepth)
    }.get()
  }

  /// Parses exactly one JSON value (surrounded by optional whitespace) from a string.
  ///
  /// The string's UTF-8 form is parsed, so columns in errors count its Unicode scalars.
  ///
  /// - Parameters:
  ///   - text: The JSON text.
  ///   - maxDepth: The deepest nesting of arrays and objects to accept; `0` accepts only
  ///     scalar values. It must not be negative.
  /// - Returns: The parsed value, with object members in document order.
  /// - Throws: A ``JSONSyntaxError`` that gives the reason and column of the first problem.
  public static func parse(_ text: String, maxDepth: Int = 64) throws(JSONSyntaxError) -> JSONValue
  {
    try parse(text.utf8, maxDepth: maxDepth)
  }

  private static func parse(
    buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
  ) -> Result<JSONValue, JSONSyntaxError> {
    var parser = JSONByteParser(bytes: buffer, maxDepth: maxDepth)
    do throws(JSONSyntaxError) {
      return .success(try parser.parseDocument())
    } catch {
      return .failure(error)
    }
  }
}
