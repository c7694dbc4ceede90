/// Word wrapping and indentation exactly as swift-argument-parser renders help.
enum TextWrapper {
  /// Wraps text to a screen width, indenting every non-empty line.
  ///
  /// This reproduces swift-argument-parser's `wrapped(to:wrappingIndent:)`:
  /// each line holds at most `columns - wrappingIndent` characters, breaks
  /// happen at the last space that fits (or the next space when a word is too
  /// long), and existing line breaks are kept.
  ///
  /// - Parameters:
  ///   - text: The text to wrap.
  ///   - columns: The screen width.
  ///   - wrappingIndent: The number of spaces put before every non-empty line.
  /// - Returns: The wrapped text, or an empty string when the indent leaves no
  ///   room for text.
  static func wrap(_ text: String, to columns: Int, wrappingIndent: Int = 0) -> String {
    let width = columns - wrappingIndent
    guard width > 0 else { return "" }

    var lines: [Substring] = []
    var current = text.startIndex
    while true {
      let chunk = text[current...].prefix(width)
      if let lastBreak = chunk.lastIndex(of: "\n") {
        lines.append(
          contentsOf: text[current..<lastBreak].split(
            separator: "\n", omittingEmptySubsequences: false))
        current = text.index(after: lastBreak)
      } else if chunk.endIndex == text.endIndex {
        lines.append(text[current...])
        break
      } else if let lastSpace = chunk.lastIndex(of: " ") {
        lines.append(text[current..<lastSpace])
        current = text.index(after: lastSpace)
      } else if let nextSpace = text[current...].firstIndex(of: " ") {
        lines.append(text[current..<nextSpace])
        current = text.index(after: nextSpace)
      } else {
        lines.append(text[current...])
        break
      }
    }

    let indent = String(repeating: " ", count: wrappingIndent)
    return lines.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
  }
}
