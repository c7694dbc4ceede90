import Testing

@testable import TruceKit

extension TerminalTests {
  @Suite("Decoding terminal keys")
  struct KeyReaderTests {
    static let cases: [(bytes: [UInt8], keys: [Key])] = [
      (Array(" ".utf8), [.space]),
      (Array("\r".utf8), [.enter]),
      (Array("\n".utf8), [.enter]),
      (Array("\u{1B}[C".utf8), [.right]),
      (Array("\u{1B}[D".utf8), [.left]),
      (Array("\u{1B}OC".utf8), [.right]),
      (Array("\u{1B}OD".utf8), [.left]),
      (Array("b".utf8), [.character("b")]),
      (Array("g".utf8), [.character("g")]),
      (Array("q".utf8), [.character("q")]),
      ([0x03], [.interrupt]),
      ([0x04], [.endOfInput]),
      ([0x7F], [.backspace]),
      ([0x08], [.backspace]),
      ([0x01], [.other]),
      (Array("\u{1B}[A".utf8), [.other]),
      (Array("\u{1B}[1;5C".utf8), [.other]),
      (Array("\u{1B}[3~".utf8), [.other]),
      ([0xC3, 0xA9], [.other, .other]),
      (Array("\u{1B}x".utf8), [.escape, .character("x")]),
      (Array("\u{1B}\u{1B}[C".utf8), [.escape, .right]),
      (Array(" b\u{1B}[Cq\r".utf8), [.space, .character("b"), .right, .character("q"), .enter]),
    ]

    @Test("Bytes decode to keys", arguments: cases)
    func decodes(bytes: [UInt8], keys: [Key]) {
      var reader = KeyReader()
      #expect(reader.keys(from: bytes) == keys)
      #expect(!reader.hasPending)
    }

    @Test(
      "An arrow cut between two reads is decoded when its end arrives",
      arguments: [1, 2])
    func splitSequence(cut: Int) {
      var reader = KeyReader()
      let bytes = Array("\u{1B}[D".utf8)
      #expect(reader.keys(from: Array(bytes.prefix(cut))).isEmpty)
      #expect(reader.hasPending)
      #expect(reader.keys(from: Array(bytes.dropFirst(cut))) == [.left])
      #expect(!reader.hasPending)
    }

    @Test("Flushing a lone escape gives the escape key; an unfinished sequence an unknown key")
    func flush() {
      var reader = KeyReader()
      #expect(reader.flush().isEmpty)
      #expect(reader.keys(from: [0x1B]).isEmpty)
      #expect(reader.flush() == [.escape])
      #expect(!reader.hasPending)
      #expect(reader.keys(from: Array("\u{1B}[1;".utf8)).isEmpty)
      #expect(reader.flush() == [.other])
      #expect(reader.keys(from: Array("q".utf8)) == [.character("q")])
    }

    @Test("A sequence that never ends is dropped as one unknown key instead of growing")
    func overlongSequence() {
      var reader = KeyReader()
      let bytes = Array("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: 40)
      let keys = reader.keys(from: bytes + Array("q".utf8))
      #expect(keys.first == .other)
      #expect(keys.last == .character("q"))
    }
  }
}
