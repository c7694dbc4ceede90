import Testing

@testable import TruceKit

@Suite("JSON parser: valid input")
struct JSONParserTests {
  static let validCases: [(String, JSONValue)] = [
    ("null", nil),
    ("true", true),
    ("false", false),
    (" \t\r\n42 \n", 42),
    ("0", .number("0")),
    ("-0", .number("-0")),
    ("-1.5e3", .number("-1.5e3")),
    ("1E+2", .number("1E+2")),
    ("1e-2", .number("1e-2")),
    ("0.000", .number("0.000")),
    ("1e400", .number("1e400")),
    ("123456789012345678901234567890", .number("123456789012345678901234567890")),
    ("\"\"", ""),
    ("\"plain text\"", "plain text"),
    ("\"a\\\"b\"", "a\"b"),
    ("\"\\\\ \\/ \\b \\f \\n \\r \\t\"", "\\ / \u{8} \u{C} \n \r \t"),
    ("\"\\u0041\\u00e9\\u20AC\"", "A\u{E9}\u{20AC}"),
    ("\"\\uD83D\\uDE00\"", "\u{1F600}"),
    ("\"\\udbff\\udfff\"", "\u{10FFFF}"),
    ("\"\\u0000\"", "\u{0}"),
    ("\"\\u2028\"", "\u{2028}"),
    ("\"caf\u{E9} \u{1F600} \u{7F}\"", "caf\u{E9} \u{1F600} \u{7F}"),
    ("\"x\\ny\u{E9}\"", "x\ny\u{E9}"),
    ("[]", []),
    ("[ ]", []),
    ("{}", [:]),
    ("{ }", .object([:])),
    ("[1,[2,[3]],{}]", [1, [2, [3]], [:]]),
    ("{ \"a\" : [ 1 , 2 ] , \"b\" : { } }", ["a": [1, 2], "b": [:]]),
    ("[null,true,false,\"s\",-2]", [nil, true, false, "s", -2]),
  ]

  @Test("Parses each valid document to the expected value", arguments: validCases)
  func parsesValidDocuments(input: String, expected: JSONValue) throws {
    #expect(try JSONParser.parse(input) == expected)
    #expect(try JSONParser.parse(Array(input.utf8)) == expected)
  }

  @Test("Keeps object keys in document order")
  func keepsKeyOrder() throws {
    let value = try JSONParser.parse(#"{"zeta":1,"alpha":2,"mid":{"y":0,"x":1},"beta":3}"#)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["zeta", "alpha", "mid", "beta"])
    #expect(object["mid"]?.objectValue?.keys == ["y", "x"])
  }

  @Test("Keeps numbers as their literal text, including ones too large for Double")
  func keepsNumberText() throws {
    let value = try JSONParser.parse("[1e400, -0, 1.50, 9223372036854775808]")
    #expect(
      value == [.number("1e400"), .number("-0"), .number("1.50"), .number("9223372036854775808")])
    #expect(value.arrayValue?[0].doubleValue == nil)
    #expect(value.arrayValue?[3].intValue == nil)
  }

  @Test("Accepts byte slices and non-contiguous byte collections")
  func acceptsOtherCollections() throws {
    let bytes = Array(#"xx{"a":[1,2]}yy"#.utf8)
    let expected: JSONValue = ["a": [1, 2]]
    #expect(try JSONParser.parse(bytes[2..<(bytes.count - 2)]) == expected)
    #expect(try JSONParser.parse(bytes.dropFirst(2).dropLast(2).lazy.map { $0 }) == expected)
  }

  @Test("Accepts nesting exactly as deep as the limit")
  func acceptsNestingAtTheLimit() throws {
    let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
    var value = try JSONParser.parse(text)
    var depth = 0
    while case .array(let elements) = value {
      depth += 1
      value = elements.first ?? .null
    }
    #expect(depth == 64)
    #expect(try JSONParser.parse("7", maxDepth: 0) == 7)
  }

  @Test("Parses a large object and still detects a duplicate of its first key")
  func largeObjects() throws {
    let members = (0..<100).map { "\"key\($0)\":\($0)" }
    let value = try JSONParser.parse("{" + members.joined(separator: ",") + "}")
    let object = try #require(value.objectValue)
    #expect(object.count == 100)
    #expect(object.keys.first == "key0" && object.keys.last == "key99")
    #expect(object["key57"] == 57)

    let text = "{" + members.joined(separator: ",") + ",\"key0\":0}"
    let error = try #require(parseError(text))
    #expect(error.reason == .duplicateKey("key0"))
    #expect(error.column == text.unicodeScalars.count - 8)
  }

  @Test("Parses a typical event log line")
  func parsesEventLine() throws {
    let line = """
      {"ts":"2024-05-01T12:00:00.123Z","type":"task.started","id":42,"actor":{"name":"r\\u00e9mi",\
      "tags":["a","b"]},"ok":true,"ratio":0.25,"note":null}
      """
    let value = try JSONParser.parse(line)
    let object = try #require(value.objectValue)
    #expect(object.keys == ["ts", "type", "id", "actor", "ok", "ratio", "note"])
    #expect(object["type"]?.stringValue == "task.started")
    #expect(object["id"]?.intValue == 42)
    #expect(object["actor"]?.objectValue?["name"]?.stringValue == "r\u{E9}mi")
    #expect(object["ratio"]?.doubleValue == 0.25)
    #expect(object["note"]?.isNull == true)
  }
}
