import Testing

@testable import TruceKit

/// `--actor` matching whole words, ignoring case: the byte-wise path for plain ASCII names
/// against the character-wise one every name can take.
@Suite("Matching announcers as whole words")
struct ActorWordsTests {
  @Test(
    "Plain ASCII names match byte by byte as they match character by character",
    arguments: [
      ("US", "US officials"), ("US", "Russian Defence Ministry"), ("us", "The US"),
      ("defence ministry", "Russian Defence Ministry"), ("Ministry", "Defence Ministry."),
      ("UN", "UN-backed envoy"), ("UN", "UNAMA"), ("un", "the un"), ("a", "a"), ("ab", "a"),
      ("", "anything"), ("2", "Resolution 2254"), ("2254", "Resolution 2254"),
      ("fighters", "rebel fighters' commanders"), ("Z", "z"), ("x y", "x  y"),
    ])
  func sameAsCharacters(needle: String, text: String) {
    #expect(
      EventFilter.asciiContainsWords(needle, in: text)
        == EventFilter.characterContainsWords(needle, in: text))
  }

  @Test("Random plain names and pieces of them match byte by byte as character by character")
  func randomNames() {
    var random = SplitMix64(seed: 17)
    let alphabet = Array("abAB01 .-'zZ")
    func word(_ length: Int) -> String {
      String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
    for _ in 0..<3_000 {
      let text = word(Int(random.next() % 12))
      let needle = word(1 + Int(random.next() % 3))
      #expect(
        EventFilter.asciiContainsWords(needle, in: text)
          == EventFilter.characterContainsWords(needle, in: text), "\(needle) in \(text)")
    }
  }

  @Test(
    "Names beyond plain ASCII are left to the character-wise match",
    arguments: [("Ministère", "le Ministère"), ("US", "US\r\nofficials"), ("é", "café")])
  func otherNamesFallBack(needle: String, text: String) {
    #expect(EventFilter.asciiContainsWords(needle, in: text) == nil)
    #expect(
      EventFilter.containsWords(needle, in: text)
        == EventFilter.characterContainsWords(needle, in: text))
  }
}
