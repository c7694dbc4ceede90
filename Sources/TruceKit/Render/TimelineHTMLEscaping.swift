/// Escapes text from a log for the three places an HTML page carries it: element content,
/// attribute values and a JSON data block inside `<script>`.
///
/// The page is also well-formed XML (XHTML), so characters XML 1.0 forbids (control characters
/// other than tab, line feed and carriage return, and U+FFFE/U+FFFF) become U+FFFD in element
/// content and attributes; in a JSON block they are written as `\u00XX` escapes.
public enum HTMLEscaping {
  /// Escapes text for element content: `&`, `<` and `>`.
  ///
  /// Escaping `>` as well keeps `]]>` out of the page, which XML forbids in content.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text with `&amp;`, `&lt;` and `&gt;` in place of those characters.
  public static func text(_ text: String) -> String {
    escape(text, quotes: false)
  }

  /// Escapes text for an attribute value in double or single quotes: `&`, `<`, `>`, `"`, `'`.
  ///
  /// Tab, line feed and carriage return become character references so an XML parser keeps
  /// them instead of normalising them to spaces.
  ///
  /// - Parameter text: Any text.
  /// - Returns: The text, safe between quotes of either kind.
  public static func attribute(_ text: String) -> String {
    escape(text, quotes: true)
  }

  /// Serializes a JSON value for a `<script type="application/json">` block.
  ///
  /// Besides JSON's own escapes, `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`
  /// (and U+2028/U+2029 as `\u2028`/`\u2029`), so that `</script>` or `<!--` inside a string
  /// cannot end or change the block, and the block is also plain XML text. Outside strings
  /// JSON has none of these characters, so the result parses back to the same value.
  ///
  /// - Parameter value: The data to embed.
  /// - Returns: Compact JSON text containing none of `<`, `>` and `&`.
  public static func scriptJSON(_ value: JSONValue) -> String {
    var output = ""
    for scalar in value.serialized().unicodeScalars {
      switch scalar {
      case "<": output += "\\u003c"
      case ">": output += "\\u003e"
      case "&": output += "\\u0026"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }

  private static func escape(_ text: String, quotes: Bool) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"" where quotes: output += "&quot;"
      case "'" where quotes: output += "&#39;"
      case "\t" where quotes: output += "&#9;"
      case "\n" where quotes: output += "&#10;"
      case "\r" where quotes: output += "&#13;"
      case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": output += "\u{FFFD}"
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
