import Testing

@testable import TruceKit

@Suite("Aligning the rows of a human answer")
struct TextBlockTests {
  @Test(
    "A text's width is its characters, read from its bytes when they are plain ASCII",
    arguments: [
      "", "a", "aligned text of a row", String(repeating: "x", count: 70), "2016-11-04 · Aleppo",
      "caf\u{E9}", "e\u{301}", "\u{1F1F8}\u{1F1FE}", "line\r\nbreak", "tab\there", "\u{7F}",
      "\u{2014} an em dash", String(repeating: "\u{E9}", count: 9),
    ])
  func widths(text: String) {
    #expect(TextBlock.width(of: text) == text.count)
    #expect(TextBlock.width(of: text.dropFirst()) == text.dropFirst().count)
  }

  @Test("Rows with wide characters align as rows of plain ones do, by characters")
  func alignment() {
    var block = TextBlock()
    block.item("from", "2016-11-04 09:00 +02:00 (07:00Z)", "001")
    block.item("d\u{E9}but", "4 novembre \u{B7} 09:00", "000")
    let lines = block.rendered().split(separator: "\n")
    #expect(lines.count == 2)
    // The citations end both rows and start in the same column, counted in characters.
    #expect(lines[0].hasSuffix("001") && lines[1].hasSuffix("000"))
    #expect(lines[0].count == lines[1].count)
  }

  @Test("Long values wrap at spaces within the width")
  func wrapping() {
    let text = (0..<30).map { "w\($0)" }.joined(separator: " ") + " \u{E9}t\u{E9}"
    let lines = TextBlock.wrap(text, width: 20)
    #expect(lines.allSatisfy { $0.count <= 20 })
    #expect(lines.joined(separator: " ") == text)
  }

  /// The rows as the block wrote them before plain ASCII rows were written as bytes: every width
  /// counted in characters, every line a `String`.
  static func referenceRendering(_ rows: [(label: String, value: String, note: String)]) -> String {
    let indent = "    "
    let labelWidth = rows.map { indent.count + $0.label.count }.max() ?? 0
    let valueWidth =
      rows.filter { !$0.note.isEmpty }.map { min($0.value.count, TextBlock.valueWidth) }.max() ?? 0
    var output = ""
    for row in rows {
      let lead =
        indent + row.label
        + String(repeating: " ", count: labelWidth - indent.count - row.label.count + 2)
      let pieces = TextBlock.wrapCharacters(
        row.value, width: row.note.isEmpty ? TextBlock.valueWidth + 12 : TextBlock.valueWidth)
      for (index, piece) in pieces.enumerated() {
        var text = (index == 0 ? lead : String(repeating: " ", count: lead.count)) + piece
        if index == 0 && !row.note.isEmpty {
          text +=
            String(repeating: " ", count: max(2, lead.count + valueWidth + 2 - text.count))
            + row.note
        }
        while text.hasSuffix(" ") { text.removeLast() }
        output += text + "\n"
      }
    }
    return output.isEmpty ? "\n" : output
  }

  @Test(
    "Rows of plain ASCII and others, wrapped or not, render as every width counted in characters")
  func rowsAgainstCharacterCounting() {
    var generator = SplitMix64(seed: 5)
    let words = [
      "from", "2016-11-04", "09:00", "+02:00", "(07:00Z)", "d\u{E9}but", "\u{B7}", "Aleppo", "",
      "trailing ", "e\u{301}", "\u{1F1F8}\u{1F1FE}", "DISPUTED", "a\tb", "line\r\nbreak",
    ]
    func text(_ count: UInt64) -> String {
      (0..<Int(generator.next() % count)).map { _ in
        words[Int(generator.next() % UInt64(words.count))]
      }
      .joined(separator: " ")
    }
    for _ in 0..<300 {
      let rows = (0..<Int(1 + generator.next() % 5)).map { _ in
        (label: text(3), value: text(30), note: generator.next() % 3 == 0 ? "" : text(3))
      }
      var block = TextBlock()
      for row in rows { block.item(row.label, row.value, row.note) }
      #expect(block.rendered() == Self.referenceRendering(rows))
    }
  }

  @Test("Plain ASCII wraps on its bytes exactly as counting characters wraps it")
  func plainWrapping() {
    var generator = SplitMix64(seed: 11)
    let words = ["", "a", "word", "2016-11-04", "(07:00Z)", String(repeating: "x", count: 25)]
    var differences: [String] = []
    for _ in 0..<2_000 {
      let count = Int(generator.next() % 12)
      let text = (0..<count).map { _ in words[Int(generator.next() % UInt64(words.count))] }
        .joined(separator: " ")
      let width = Int(1 + generator.next() % 40)
      if TextBlock.wrapPlain(text, width: width) != TextBlock.wrapCharacters(text, width: width) {
        differences.append("\(width): '\(text)'")
      }
    }
    #expect(differences.isEmpty)
  }
}
