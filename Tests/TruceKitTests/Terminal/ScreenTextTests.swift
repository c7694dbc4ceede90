import Testing

@testable import TruceKit

extension TerminalTests {
  @Suite("Fitting text to a terminal's width")
  struct ScreenTextTests {
    @Test(
      "Truncation keeps what fits and ends with an ellipsis",
      arguments: [
        ("pause p declared", 20, "pause p declared"),
        ("pause p declared", 16, "pause p declared"),
        ("pause p declared", 15, "pause p declar…"),
        ("pause p declared", 1, "…"),
        ("pause p declared", 0, ""),
        ("停火协议", 5, "停火…"),
      ])
    func truncation(line: String, width: Int, expected: String) {
      #expect(ScreenText.truncated(line, to: width) == expected)
      #expect(ScreenText.width(of: expected) <= max(width, 0))
    }

    @Test("A prompt too wide keeps its end, where the typing is")
    func truncationFromStart() {
      #expect(ScreenText.truncatedFromStart("date: 2016-11-04", to: 8) == "…6-11-04")
      #expect(ScreenText.truncatedFromStart("date: 2016-11-04", to: 40) == "date: 2016-11-04")
    }

    @Test(
      "Wrapping breaks at spaces, hangs continuation lines under the indent, and cuts long words")
    func wrapping() {
      #expect(
        ScreenText.wrapped("  → pause p extended: end 2 Nov → 4 Nov", to: 20) == [
          "  → pause p", "      extended: end", "      2 Nov → 4 Nov",
        ])
      #expect(ScreenText.wrapped("abcdefghij", to: 4) == ["abcd", "  ef", "  gh", "  ij"])
      #expect(ScreenText.wrapped("short", to: 10) == ["short"])
    }

    @Test(
      "Wrapped lines never exceed the width",
      arguments: [1, 2, 3, 5, 8, 13, 21, 40])
    func wrappedLinesFit(width: Int) {
      let line = "  source 000 (TRTWorld, \"Moscow lengthens halt\"): \"停火 at the moment\" x"
      for wrapped in ScreenText.wrapped(line, to: width) {
        #expect(ScreenText.width(of: ScreenText.truncated(wrapped, to: width)) <= width)
        #expect(wrapped.count <= width)
      }
    }

    @Test("Control characters from the log cannot reach the terminal")
    func sanitizing() {
      #expect(ScreenText.sanitized("a\u{1B}[2Jb\tc\u{9B}d") == "a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}d")
      #expect(ScreenText.sanitized("pause · 停火") == "pause · 停火")
    }
  }
}
