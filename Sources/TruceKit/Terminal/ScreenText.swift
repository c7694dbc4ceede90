/// Fits text to a terminal's columns: how wide it shows, truncation with "…", word wrapping, and
/// the removal of control characters a log could smuggle into the screen.
enum ScreenText {
  /// The columns a character takes: 2 for East Asian wide characters and emoji, else 1.
  ///
  /// An approximation of `wcwidth`: combining marks ride on their base character, since a
  /// `Character` is a whole grapheme cluster.
  static func width(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 0 }
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return 2
    default:
      return 1
    }
  }

  /// The columns a line takes.
  static func width(of text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + width(of: $1) }
  }

  /// The line with control characters (an escape, a tab, a carriage return) replaced by "�", so
  /// that text from the log cannot move the cursor or change the terminal.
  static func sanitized(_ line: String) -> String {
    guard line.unicodeScalars.contains(where: isControl) else { return line }
    var scalars = String.UnicodeScalarView()
    for scalar in line.unicodeScalars {
      scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
    }
    return String(scalars)
  }

  /// The line cut to at most `width` columns, ending with "…" when something was cut.
  static func truncated(_ line: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard self.width(of: line) > width else { return line }
    var kept = ""
    var used = 0
    for character in line {
      let next = self.width(of: character)
      if used + next > width - 1 { break }
      kept.append(character)
      used += next
    }
    return kept + "…"
  }

  /// The line's last columns, starting with "…" when something was cut: for a prompt, whose
  /// end is where the typing happens.
  static func truncatedFromStart(_ line: String, to width: Int) -> String {
    guard width > 0 else { return "" }
    guard self.width(of: line) > width else { return line }
    var kept: [Character] = []
    var used = 0
    for character in line.reversed() {
      let next = self.width(of: character)
      if used + next > width - 1 { break }
      kept.append(character)
      used += next
    }
    return "…" + String(kept.reversed())
  }

  /// The line broken at spaces into lines of at most `width` columns; continuation lines are
  /// indented four more than the line's own indent (at most half the width), and a word longer
  /// than a line is cut.
  static func wrapped(_ line: String, to width: Int) -> [String] {
    guard width > 0 else { return [] }
    guard self.width(of: line) > width else { return [line] }
    let indentCount = line.prefix { $0 == " " }.count
    let hanging = String(repeating: " ", count: min(indentCount + 4, width / 2))
    var prefix = indentCount < width / 2 ? String(repeating: " ", count: indentCount) : ""
    var rest = Substring(line.dropFirst(indentCount))
    var lines: [String] = []
    while !rest.isEmpty {
      let fitting = end(of: rest, fitting: width - prefix.count)
      if fitting == rest.endIndex {
        lines.append(prefix + rest)
        break
      }
      let cut: Substring.Index
      if rest[fitting] == " " {
        cut = fitting
      } else if let space = rest[..<fitting].lastIndex(of: " "), space > rest.startIndex {
        cut = space
      } else {
        cut = fitting
      }
      lines.append(prefix + rest[..<cut])
      rest = rest[cut...].drop { $0 == " " }
      prefix = hanging
    }
    return lines
  }

  /// The end of the longest start of `text` that fits in `columns` (at least one character, so
  /// that wrapping always moves on; a wide character in a one-column line is replaced by the
  /// caller's truncation).
  private static func end(of text: Substring, fitting columns: Int) -> Substring.Index {
    var used = 0
    var index = text.startIndex
    while index < text.endIndex {
      let next = width(of: text[index])
      if used + next > columns && index > text.startIndex { break }
      used += next
      index = text.index(after: index)
    }
    return index
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }
}
