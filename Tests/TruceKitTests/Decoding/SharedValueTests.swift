import Testing

@testable import TruceKit

@Suite("Values and strings shared between lines that repeat the same text")
struct SharedValueTests {
  /// Texts of every length around a word, and texts that differ in one byte or in length only.
  static let texts: [[UInt8]] = {
    var texts: [[UInt8]] = []
    for length in 0..<40 {
      let text = (0..<length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
      texts.append(text)
      if length > 0 {
        var changed = text
        changed[length / 2] ^= 1
        texts.append(changed)
        texts.append(text + [0])
      }
    }
    return texts
  }()

  @Test("Equal bytes hash alike; a stored key equals exactly the same bytes")
  func hashAndEquality() {
    for first in Self.texts {
      for second in Self.texts {
        first.withUnsafeBytes { left in
          second.withUnsafeBytes { right in
            #expect(ByteHash.equal(first, right) == (first == second))
            #expect(
              ByteHash.equal(String(decoding: first, as: UTF8.self), right) == (first == second))
            if first == second { #expect(ByteHash.hash(left) == ByteHash.hash(right)) }
          }
        }
      }
    }
    // The texts spread over the slots a cache of 256 uses.
    let slots = Set(Self.texts.map { text in text.withUnsafeBytes { ByteHash.hash($0) & 255 } })
    #expect(slots.count > Self.texts.count / 2)
  }

  @Test("A cache gives back a value only for exactly the bytes it was stored for")
  func cache() {
    var cache = RawValueCache<Int>(slots: 4)
    for (index, text) in Self.texts.enumerated() {
      text.withUnsafeBytes { cache.store(index, for: $0) }
      for (other, probe) in Self.texts.enumerated() {
        let found = probe.withUnsafeBytes { cache.value(for: $0) }
        if let found { #expect(Self.texts[found] == probe) }
        if other == index { #expect(found == index) }
      }
    }
  }

  @Test("Two texts that share a pair of slots are both kept; a third evicts the older")
  func cachePairs() {
    var cache = RawValueCache<Int>(slots: 2)
    let texts = ["north-darfur", "sittwe", "aleppo"].map { Array($0.utf8) }
    func found(_ index: Int) -> Int? { texts[index].withUnsafeBytes { cache.value(for: $0) } }
    texts[0].withUnsafeBytes { cache.store(0, for: $0) }
    texts[1].withUnsafeBytes { cache.store(1, for: $0) }
    #expect(found(0) == 0)
    #expect(found(1) == 1)
    texts[2].withUnsafeBytes { cache.store(2, for: $0) }
    #expect(found(0) == nil)
    #expect(found(1) == 1)
    #expect(found(2) == 2)
  }

  @Test("An interner gives one string per text, equal to the text")
  func interner() {
    var interner = StringInterner()
    for text in Self.texts + Self.texts {
      let string = text.withUnsafeBytes { interner.intern($0) }
      #expect(Array(string.utf8) == text)
      let again = text.withUnsafeBytes { interner.intern($0) }
      #expect(again == string)
    }
  }
}
