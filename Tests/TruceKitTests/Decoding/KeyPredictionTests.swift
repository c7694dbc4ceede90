import Testing

@testable import TruceKit

/// The tokenizer's prediction of the next key: learned per slot, and matched only by the exact
/// bytes of the quoted key and its colon.
@Suite("Predicting the next key of a line")
struct KeyPredictionTests {
  @Test(
    "Only the quoted key followed at once by its colon matches it",
    arguments: [
      (#""seq":1"#, 6), (#""seq":"#, 6), (#""seq" :1"#, 0), (#""seqx":1"#, 0), (#""se":1"#, 0),
      (#""s\u0065q":1"#, 0), (#""seq""#, 0), (#"seq":1"#, 0), (#""SEQ":1"#, 0), ("", 0),
    ])
  func matchesExactly(text: String, length: Int) {
    let prediction = KeyPrediction()
    let bytes = Array(text.utf8)
    #expect(bytes.withUnsafeBytes { prediction.matchLength(of: .seq, at: 0, in: $0) } == length)
  }

  @Test(
    "Every key of the format matches its own bytes, at a line's end too, and no byte changed",
    arguments: [0, 1, 9])
  func everyKeyMatchesOnlyItself(before: Int) {
    let prediction = KeyPrediction()
    var raw: UInt8 = 0
    while let name = FieldName(rawValue: raw), name != .unknown {
      defer { raw += 1 }
      let pattern = Array("\"\(name.key)\":".utf8)
      let prefix = [UInt8](repeating: UInt8(ascii: " "), count: before)
      // Ending with the pattern, and followed by more of a line.
      for bytes in [prefix + pattern, prefix + pattern + Array("1}".utf8)] {
        let found = bytes.withUnsafeBytes {
          prediction.matchLength(of: name, at: before, in: $0)
        }
        #expect(found == pattern.count, "\(name.key)")
        for changed in [0, pattern.count / 2, pattern.count - 1] {
          var other = bytes
          other[before + changed] ^= 0x20
          let otherFound = other.withUnsafeBytes {
            prediction.matchLength(of: name, at: before, in: $0)
          }
          #expect(otherFound == 0, "\(name.key) changed at \(changed)")
        }
        // Cut short by a byte: no match.
        let cut = Array(bytes.prefix(before + pattern.count - 1))
        #expect(cut.withUnsafeBytes { prediction.matchLength(of: name, at: before, in: $0) } == 0)
      }
    }
  }

  @Test("A key is matched where it starts, and never for an unknown name")
  func matchesAtAPosition() {
    let prediction = KeyPrediction()
    let bytes = Array(#"{"id":"a","sameAnnouncementAs":[]}"#.utf8)
    bytes.withUnsafeBytes { bytes in
      #expect(prediction.matchLength(of: .id, at: 1, in: bytes) == 5)
      #expect(prediction.matchLength(of: .sameAnnouncementAs, at: 10, in: bytes) == 21)
      #expect(prediction.matchLength(of: .id, at: 10, in: bytes) == 0)
      #expect(prediction.matchLength(of: .unknown, at: 1, in: bytes) == 0)
    }
  }

  @Test("Each slot predicts what it last learned, and nothing before")
  func learnsPerSlot() {
    let prediction = KeyPrediction()
    let afterSeq = KeyPrediction.slot(after: .seq)
    let openingRecorded = KeyPrediction.slot(opening: .recorded)
    let line = KeyPrediction.slot(opening: .unknown)
    #expect(Set([afterSeq, openingRecorded, line]).count == 3)
    #expect([afterSeq, openingRecorded, line].allSatisfy { $0 < KeyPrediction.slotCount })
    #expect(prediction.predicted(in: afterSeq) == .unknown)
    prediction.learn(.id, in: afterSeq)
    prediction.learn(.at, in: openingRecorded)
    #expect(prediction.predicted(in: afterSeq) == .id)
    #expect(prediction.predicted(in: openingRecorded) == .at)
    #expect(prediction.predicted(in: line) == .unknown)
    prediction.learn(.type, in: afterSeq)
    #expect(prediction.predicted(in: afterSeq) == .type)
  }
}
