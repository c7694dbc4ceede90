/// Collects the lines of a human answer; rows are aligned in three columns across the block,
/// and long values wrap under themselves so the citations column stays in place.
struct TextBlock {
  private enum Entry {
    case line(String)
    case cells(indent: String, label: String, value: String, note: String)
  }

  /// The widest a value may be before it wraps.
  static let valueWidth = 64

  private var entries: [Entry] = []

  mutating func line(_ text: String) { entries.append(.line(text)) }

  mutating func blank() { entries.append(.line("")) }

  /// A header row: label and value, two spaces in.
  mutating func row(_ label: String, _ value: String) {
    entries.append(.cells(indent: "  ", label: label, value: value, note: ""))
  }

  /// A detail row under an item: label, value and the citations behind it.
  mutating func item(_ label: String, _ value: String, _ note: String) {
    entries.append(.cells(indent: "    ", label: label, value: value, note: note))
  }

  func rendered() -> String {
    var labelWidth = 0
    var valueWidth = 0
    for case .cells(let indent, let label, let value, let note) in entries {
      labelWidth = max(labelWidth, TextBlock.width(of: indent) + TextBlock.width(of: label))
      if !note.isEmpty {
        valueWidth = max(valueWidth, min(TextBlock.width(of: value), TextBlock.valueWidth))
      }
    }
    var output: [UInt8] = []
    output.reserveCapacity(entries.count * 80)
    for entry in entries {
      switch entry {
      case .line(let text):
        output += text.utf8
        output.append(UInt8(ascii: "\n"))
      case .cells(let indent, let label, let value, let note)
      where [indent, label, value, note].allSatisfy(TextBlock.isPlainASCII):
        // Most rows: their widths are their bytes, and they are written as bytes.
        appendPlainRow(
          indent: indent, label: label, value: value, note: note, labelWidth: labelWidth,
          valueWidth: valueWidth, to: &output)
      case .cells(let indent, let label, let value, let note):
        let lead =
          indent + label
          + TextBlock.spaces(
            labelWidth - TextBlock.width(of: indent) - TextBlock.width(of: label) + 2)
        let leadCount = TextBlock.width(of: lead)
        for (index, piece) in TextBlock.pieces(of: value, noted: !note.isEmpty).enumerated() {
          var text = (index == 0 ? lead : TextBlock.spaces(leadCount)) + piece
          if index == 0 && !note.isEmpty {
            text +=
              TextBlock.spaces(max(2, leadCount + valueWidth + 2 - TextBlock.width(of: text)))
              + note
          }
          while text.hasSuffix(" ") { text.removeLast() }
          output += text.utf8
          output.append(UInt8(ascii: "\n"))
        }
      }
    }
    // An empty block is a single empty line, as the joined lines gave.
    return output.isEmpty ? "\n" : String(decoding: output, as: UTF8.self)
  }

  /// Writes a row whose texts are all plain ASCII, as the general case would (the lead padded to
  /// the labels' width, the value wrapped, the note in its column, trailing spaces dropped), with
  /// bytes for characters.
  private func appendPlainRow(
    indent: String, label: String, value: String, note: String, labelWidth: Int,
    valueWidth: Int, to output: inout [UInt8]
  ) {
    let leadCount = labelWidth + 2
    for (index, piece) in TextBlock.pieces(of: value, noted: !note.isEmpty).enumerated() {
      let start = output.count
      if index == 0 {
        output += indent.utf8
        output += label.utf8
        output += repeatElement(
          UInt8(ascii: " "), count: labelWidth - indent.utf8.count - label.utf8.count + 2)
      } else {
        output += repeatElement(UInt8(ascii: " "), count: leadCount)
      }
      output += piece.utf8
      if index == 0 && !note.isEmpty {
        let width = output.count - start
        output += repeatElement(
          UInt8(ascii: " "), count: max(2, leadCount + valueWidth + 2 - width))
        output += note.utf8
      }
      while output.count > start && output.last == UInt8(ascii: " ") { output.removeLast() }
      output.append(UInt8(ascii: "\n"))
    }
  }

  /// A value's lines: wrapped narrower when a note follows it in its column.
  private static func pieces(of value: String, noted: Bool) -> [String] {
    wrap(value, width: noted ? valueWidth : valueWidth + 12)
  }

  /// Whether a text is plain ASCII, whose characters are its bytes (``WordScan/isSimpleASCII(_:)``).
  private static func isPlainASCII<Text: StringProtocol>(_ text: Text) -> Bool {
    text.utf8.withContiguousStorageIfAvailable {
      WordScan.isSimpleASCII(UnsafeRawBufferPointer($0))
    } ?? false
  }

  /// How many characters a text shows: its bytes when they are plain ASCII (most of an
  /// answer), otherwise its characters counted one by one.
  static func width<Text: StringProtocol>(of text: Text) -> Int {
    isPlainASCII(text) ? text.utf8.count : text.count
  }

  /// A run of spaces: the short ones, which every aligned row needs, made once.
  static func spaces(_ count: Int) -> String {
    guard count > 0 else { return "" }
    return count < TextBlock.spaceRuns.count
      ? TextBlock.spaceRuns[count] : String(repeating: " ", count: count)
  }

  private static let spaceRuns: [String] = {
    // Grown a space at a time: `String(repeating:count:)` costs far more per string.
    var runs: [String] = []
    var run = ""
    for _ in 0..<160 {
      runs.append(run)
      run.append(" ")
    }
    return runs
  }()

  /// Splits text into lines of at most `width` characters at spaces (a longer word stands alone).
  static func wrap(_ text: String, width: Int) -> [String] {
    guard TextBlock.width(of: text) > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      if current.isEmpty {
        current = String(word)
      } else if TextBlock.width(of: current) + 1 + TextBlock.width(of: word) <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }
}
