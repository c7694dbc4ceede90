extension JSONValue {
  /// Returns the JSON text of the value, compact or pretty-printed.
  ///
  /// Compact output has no whitespace at all. Pretty output puts each array element and object
  /// member on its own line, indented by two spaces per level, writes members as
  /// `"key": value`, and writes empty arrays and objects as `[]` and `{}`. Neither form ends
  /// with a newline.
  ///
  /// Object members appear in their stored order, so output is deterministic. Strings escape
  /// `"`, `\`, and control characters (as `\n`, `\r`, `\t`, `\b`, `\f`, or `\u00XX` with
  /// lowercase hex digits), and also U+2028 and U+2029 as `\u2028` and `\u2029` so that the
  /// output is safe to embed in JavaScript; `/` and all other characters are written as UTF-8.
  /// Numbers are written as their stored text.
  ///
  /// - Parameters:
  ///   - pretty: Whether to indent the output over several lines.
  /// - Returns: The JSON text.
  public func serialized(pretty: Bool = false) -> String {
    serialized(pretty: pretty, endingWith: "")
  }

  /// The JSON text of the value followed by `ending` (a newline, for a document written out),
  /// built in one buffer.
  func serialized(pretty: Bool, endingWith ending: String) -> String {
    var writer = JSONTextWriter(pretty: pretty)
    writer.value(self)
    return writer.text(endingWith: ending)
  }
}
