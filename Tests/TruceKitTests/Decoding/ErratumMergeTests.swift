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

  /// The members as the tape finds them: every value tokenized.
  private func membersOnTheTape(_ bytes: UnsafeRawBufferPointer) throws -> [ErratumMerge.Member] {
    var tape = LineTape()
    try tape.tokenize(bytes)
    var result: [ErratumMerge.Member] = []
    let entries = tape.entries
    var cursor = 1
    while cursor < Int(entries[0].next) {
      let key = entries[cursor]
      let value = entries[cursor + 1]
      let string = value.kind == .string
      let keyBytes = UnsafeRawBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.end)])
      result.append(
        ErratumMerge.Member(
          key: Int(key.start)..<Int(key.end),
          value: (Int(value.start) - (string ? 1 : 0))..<(Int(value.end) + (string ? 1 : 0)),
          keyNeedsText: key.escaped || keyBytes.contains { $0 >= 0x80 }))
      cursor = Int(value.next)
    }
    return result
  }

  @Test(
    "Members are found by skipping values as the tape finds them by tokenizing",
    arguments: [
      #"{}"#, #" { } "#, #"{"a":1}"#, #"{ "a" : -1.5e3 , "b" :true,"c":null, "d":false }"#,
      #"{"s":"x\"y}],{[","t":"\\","u":"\u00e9"}"#, #"{"n\u006fte":"a","é":"b"}"#,
      #"{"o":{"p":[1,{"q":"]}"}],"r":{}},"a":[[],[[]]],"z":"}"}"#,
      #"{"window":{"start":"2016-11-04T09:00","end":"2016-11-04T19:00Z"}, "count" : 3 }"#,
    ])
  func membersBySkipping(line: String) throws {
    let bytes = Array(line.utf8)
    try bytes.withUnsafeBytes { buffer in
      let expected = try membersOnTheTape(buffer)
      #expect(ErratumMerge.members(of: buffer) == expected)
    }
  }

  @Test("Members of every line of the bundled history are found as the tape finds them")
  func membersOfTheBundledHistory() throws {
    let log = try TestLog.bundled()
    for position in log.events.indices {
      let line = try #require(log.lineBytes(ofEventAt: position))
      try Array(line).withUnsafeBytes { buffer in
        let expected = try membersOnTheTape(buffer)
        #expect(ErratumMerge.members(of: buffer) == expected)
      }
    }
  }

  @Test("A key that identifies the event cannot change when escaped either")
  func escapedFixedKey() {
    #expect(throws: ErratumMerge.ForbiddenKey.self) {
      try merged(#"{"s\u0065q":2}"#, into: #"{"id":"x","seq":1}"#)
    }
  }

  @Test(
    "Members are found past strings of every length, with an escape or a byte beyond ASCII at any place",
    arguments: ["\\\"", "\\\\", "é", "\\u00e9", "x"])
  func membersPastLongStrings(inserted: String) throws {
    for length in 0..<40 {
      for place in 0...length {
        var text = String(repeating: "t", count: length)
        text.insert(contentsOf: inserted, at: text.index(text.startIndex, offsetBy: place))
        let line = #"{"id":"x","note":""# + text + #"","k\#(text)":[1,"\#(text)"],"z":2}"#
        let bytes = Array(line.utf8)
        try bytes.withUnsafeBytes { buffer in
          let expected = try membersOnTheTape(buffer)
          #expect(ErratumMerge.members(of: buffer) == expected, "\(line)")
        }
      }
    }
  }

  @Test("A merged line holds its members without spaces, whether the set is longer or shorter")
  func mergedLengths() throws {
    #expect(
      try merged(#"{"note":"a much longer note than before"}"#, into: #"{"note":"a"}"#)
        == #"{"note":"a much longer note than before"}"#)
    #expect(
      try merged(#"{ "note" : "b" , "n" : 1 }"#, into: #"{ "id" : "x" , "note" : "aaaa" }"#)
        == #"{"id":"x","note":"b","n":1}"#)
  }
}
