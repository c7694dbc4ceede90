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
}
