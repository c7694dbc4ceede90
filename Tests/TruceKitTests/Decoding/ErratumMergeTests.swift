import Testing

@testable import TruceKit

/// Merging an erratum's `set` into the line it corrects, as bytes.
@Suite("Erratum merge")
struct ErratumMergeTests {
  private func merged(_ set: String, into line: String) throws -> String {
    let bytes = Array(set.utf8)
    let result = try bytes.withUnsafeBytes { try ErratumMerge.merge($0, into: Array(line.utf8)) }
    return String(decoding: result, as: UTF8.self)
  }

  @Test(
    "Keys the line has change in place, new keys follow in the set's order",
    arguments: [
      (
        #"{"note":"b"}"#, #"{"id":"x","note":"a","area":"y"}"#, #"{"id":"x","note":"b","area":"y"}"#
      ),
      (
        #"{"z":1,"note":null}"#, #"{"id":"x","note":"a"}"#,
        #"{"id":"x","note":null,"z":1}"#
      ),
      (
        #"{"window":{"end":"2016-11-05"},"a":[1, 2]}"#, #"{"id":"x","window":{"start":"s"}}"#,
        #"{"id":"x","window":{"end":"2016-11-05"},"a":[1, 2]}"#
      ),
      // An escaped key names the same key as its plain spelling.
      (#"{"n\u006fte":"b"}"#, #"{"id":"x","note":"a"}"#, #"{"id":"x","note":"b"}"#),
      (#"{}"#, #"{"id":"x"}"#, #"{"id":"x"}"#),
    ])
  func merges(set: String, line: String, expected: String) throws {
    #expect(try merged(set, into: line) == expected)
  }

  @Test("A key that identifies the event cannot change", arguments: ["seq", "id", "type", "prev"])
  func fixedKeys(key: String) {
    #expect(throws: ErratumMerge.ForbiddenKey.self) {
      try merged(#"{"note":"b","\#(key)":"z"}"#, into: #"{"id":"x","note":"a"}"#)
    }
  }
}
