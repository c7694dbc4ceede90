import Testing

@testable import TruceKit

/// Building JSON value by value: into a tree, or straight into text.
@Suite("Building JSON value by value")
struct JSONBuildingTests {
  @Test(
    "Integers are written as their decimal text",
    arguments: [0, 7, -7, 10, -10, 1_000_000, Int.max, Int.min])
  func integers(value: Int) {
    for pretty in [false, true] {
      let writer = JSONTextWriter(pretty: pretty)
      writer.int(value)
      #expect(writer.text() == String(value))
    }
  }

  @Test(
    "A document written value by value builds the tree it was read from, and the same text",
    arguments: [
      #"{}"#, #"[]"#, #"[[],{},[{}]]"#, #"{"a":1,"b":[true,false,null],"c":{"d":"e\n\u2028"}}"#,
      #"[1,-2.5e3,"x",{"k":[{"l":[]}]}]"#, #""plain""#, #"{"a":{"a":{"a":{"a":[1,[2,[3]]]}}}}"#,
    ])
  func sameTreeAndText(document: String) throws {
    let value = try JSONParser.parse(document)
    #expect(JSONTreeBuilder.build { $0.value(value) } == value)
    for pretty in [false, true] {
      var writer = JSONTextWriter(pretty: pretty, capacity: 1)
      writer.value(value)
      #expect(writer.text(endingWith: "\n") == value.serialized(pretty: pretty) + "\n")
      #expect(
        value.serialized(pretty: pretty)
          == (pretty
            ? String(ReferenceJSONWriter.pretty(value).dropLast())
            : ReferenceJSONWriter.compact(value)))
    }
  }

  @Test(
    "Strings are escaped as the serializer documents, whatever they hold",
    arguments: [
      "plain", "quote \" and backslash \\", "lines\nand\r\nreturns\ttabs",
      "\u{1}\u{8}\u{C}\u{1F}\u{7F}",
      "separators \u{2028} \u{2029}, and \u{2027} \u{202A}", "é, ü, 中文, 🙂", "", "/slash/",
    ])
  func strings(text: String) {
    for pretty in [false, true] {
      let value = JSONValue.object(["key \(text)": .array([.string(text)])])
      var writer = JSONTextWriter(pretty: pretty)
      writer.value(value)
      let reference =
        pretty
        ? String(ReferenceJSONWriter.pretty(value).dropLast()) : ReferenceJSONWriter.compact(value)
      #expect(writer.text() == reference)
    }
  }
}
