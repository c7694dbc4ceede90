/// Collects the lines of a human answer; rows are aligned in three columns across the block,
/// and long values wrap under themselves so the citations column stays in place.
struct TextBlock {
  private enum Entry {
    case line(String)
    /// `plain` when all four texts are plain ASCII, whose widths are their byte counts.
    case cells(indent: String, label: String, value: String, note: String, plain: Bool)
  }

  /// The widest a value may be before it wraps.
  static let valueWidth = 64

  private var entries: [Entry] = []

  mutating func line(_ text: String) { entries.append(.line(text)) }

  mutating func blank() { entries.append(.line("")) }

  /// A header row: label and value, two spaces in.
  mutating func row(_ label: String, _ value: String) {
    entries.append(TextBlock.cells("  ", label, value, ""))
  }

  /// A detail row under an item: label, value and the citations behind it.
  mutating func item(_ label: String, _ value: String, _ note: String) {
    entries.append(TextBlock.cells("    ", label, value, note))
  }

  private static func cells(_ indent: String, _ label: String, _ value: String, _ note: String)
    -> Entry
  {
    let plain =
      isPlainASCII(indent) && isPlainASCII(label) && isPlainASCII(value)
      && isPlainASCII(note)
    return .cells(indent: indent, label: label, value: value, note: note, plain: plain)
  }

  func rendered() -> String {
    var labelWidth = 0
    var valueWidth = 0
    for case .cells(let indent, let label, let value, let note, let plain) in entries {
      let lead =
        plain
        ? indent.utf8.count + label.utf8.count
        : TextBlock.width(of: indent) + TextBlock.width(of: label)
      labelWidth = max(labelWidth, lead)
      if !note.isEmpty {
        let width = plain ? value.utf8.count : TextBlock.width(of: value)
        valueWidth = max(valueWidth, min(width, TextBlock.valueWidth))
      }
    }
    var output: [UInt8] = []
    output.reserveCapacity(entries.count * 80)
    for entry in entries {
      switch entry {
      case .line(let text):
        TextBlock.appendUTF8(text, to: &output)
        output.append(UInt8(ascii: "\n"))
      case .cells(let indent, let label, let value, let note, true):
        // Most rows: their widths are their bytes, and they are written as bytes.
        appendPlainRow(
          indent: indent, label: label, value: value, note: note, labelWidth: labelWidth,
          valueWidth: valueWidth, to: &output)
      case .cells(let indent, let label, let value, let note, false):
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
          TextBlock.appendUTF8(text, to: &output)
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
    // A value that fits its column (most do) is its own only piece, without a list of one.
    let fits = value.utf8.count <= (note.isEmpty ? TextBlock.valueWidth + 12 : TextBlock.valueWidth)
    let pieces = fits ? [] : TextBlock.pieces(of: value, noted: !note.isEmpty)
    for index in 0..<(fits ? 1 : pieces.count) {
      let piece = fits ? value : pieces[index]
      let start = output.count
      if index == 0 {
        TextBlock.appendUTF8(indent, to: &output)
        TextBlock.appendUTF8(label, to: &output)
        TextBlock.appendSpaces(labelWidth - indent.utf8.count - label.utf8.count + 2, to: &output)
      } else {
        TextBlock.appendSpaces(leadCount, to: &output)
      }
      TextBlock.appendUTF8(piece, to: &output)
      if index == 0 && !note.isEmpty {
        let width = output.count - start
        TextBlock.appendSpaces(max(2, leadCount + valueWidth + 2 - width), to: &output)
        TextBlock.appendUTF8(note, to: &output)
      }
      while output.count > start && output.last == UInt8(ascii: " ") { output.removeLast() }
      output.append(UInt8(ascii: "\n"))
    }
  }

  /// Appends a text's bytes in one copy (appending its `utf8` view goes byte by byte for the
  /// short strings Swift keeps inline, most of an answer's).
  private static func appendUTF8(_ text: String, to output: inout [UInt8]) {
    text.withUTF8Bytes { output.append(contentsOf: $0) }
  }

  /// Appends `count` spaces, copied from a run made once.
  private static func appendSpaces(_ count: Int, to output: inout [UInt8]) {
    var left = count
    while left > 0 {
      let run = min(left, spaceBytes.count)
      output.append(contentsOf: spaceBytes[..<run])
      left -= run
    }
  }

  private static let spaceBytes = [UInt8](repeating: UInt8(ascii: " "), count: 128)

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
    isPlainASCII(text) ? wrapPlain(text, width: width) : wrapCharacters(text, width: width)
  }

  /// ``wrap(_:width:)`` counting characters, for any text.
  static func wrapCharacters(_ text: String, width: Int) -> [String] {
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

  /// ``wrap(_:width:)`` for plain ASCII text, on its bytes: its lines are the stretches of the
  /// text from a word's start to a later word's end (the words between keep their single
  /// spaces), found without making a string per word.
  static func wrapPlain(_ text: String, width: Int) -> [String] {
    text.withUTF8Bytes { bytes -> [String] in
      guard bytes.count > width else { return [String(decoding: bytes, as: UTF8.self)] }
      func line(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
      }
      var lines: [String] = []
      var current = 0..<0
      var wordStart = 0
      while wordStart <= bytes.count {
        var wordEnd = wordStart
        while wordEnd < bytes.count && bytes[wordEnd] != UInt8(ascii: " ") { wordEnd += 1 }
        if current.isEmpty {
          current = wordStart..<wordEnd
        } else if current.count + 1 + (wordEnd - wordStart) <= width {
          current = current.lowerBound..<wordEnd
        } else {
          lines.append(line(current))
          current = wordStart..<wordEnd
        }
        wordStart = wordEnd + 1
      }
      if !current.isEmpty { lines.append(line(current)) }
      return lines
    }
  }
}
