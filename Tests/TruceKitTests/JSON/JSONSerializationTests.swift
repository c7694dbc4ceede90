import Testing

@testable import TruceKit

@Suite("JSON serialization")
struct JSONSerializationTests {
  static let sample: JSONValue = [
    "type": "task.started",
    "id": 42,
    "tags": ["a", "b"],
    "empty": [],
    "none": [:],
    "nested": ["ok": true, "note": nil, "ratio": 0.25],
  ]

  @Test("Compact output has no whitespace and keeps key order")
  func compact() {
    #expect(
      Self.sample.serialized()
        == #"{"type":"task.started","id":42,"tags":["a","b"],"empty":[],"none":{},"#
        + #""nested":{"ok":true,"note":null,"ratio":0.25}}"#)
  }

  @Test("Pretty output indents by two spaces with one member per line")
  func pretty() {
    let expected = """
      {
        "type": "task.started",
        "id": 42,
        "tags": [
          "a",
          "b"
        ],
        "empty": [],
        "none": {},
        "nested": {
          "ok": true,
          "note": null,
          "ratio": 0.25
        }
      }
      """
    #expect(Self.sample.serialized(pretty: true) == expected)
  }

  static let scalars: [(JSONValue, String)] = [
    (nil, "null"),
    (true, "true"),
    (false, "false"),
    (.number("-1.5e3"), "-1.5e3"),
    (.number("1e400"), "1e400"),
    ("", #""""#),
    ([], "[]"),
    ([:], "{}"),
  ]

  @Test("Scalars and empty containers serialize the same in both modes", arguments: scalars)
  func scalarOutput(value: JSONValue, text: String) {
    #expect(value.serialized() == text)
    #expect(value.serialized(pretty: true) == text)
  }

  static let escapes: [(String, String)] = [
    ("quote \" backslash \\", #""quote \" backslash \\""#),
    ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
    ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
    ("a/b", #""a/b""#),
    ("\u{7F}", "\"\u{7F}\""),
    ("caf\u{E9} \u{20AC} \u{1F600}", "\"caf\u{E9} \u{20AC} \u{1F600}\""),
    ("line\u{2028}para\u{2029}end", #""line\u2028para\u2029end""#),
    ("\u{2027}\u{202A}", "\"\u{2027}\u{202A}\""),
  ]

  @Test("Strings escape quotes, backslashes, controls, U+2028 and U+2029 only", arguments: escapes)
  func escaping(text: String, json: String) throws {
    #expect(JSONValue.string(text).serialized() == json)
    #expect(try JSONParser.parse(json) == .string(text))
  }

  @Test("Object keys are escaped like strings")
  func keysAreEscaped() {
    let value: JSONValue = ["a\"b\n": 1]
    #expect(value.serialized() == #"{"a\"b\n":1}"#)
  }

  static let doubles: [Double] = [
    0, -0.0, 2, 0.1, -1.5, 1e16, 1e-5, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 123456.789,
  ]

  @Test("Doubles serialize as shortest round-tripping valid JSON numbers", arguments: doubles)
  func doublesRoundTrip(number: Double) throws {
    let text = JSONValue.double(number).serialized()
    let parsed = try JSONParser.parse(text)
    #expect(parsed == .number(text))
    #expect(parsed.doubleValue == number)
    #expect(parsed.doubleValue?.sign == number.sign)
  }

  static let roundTripValues: [JSONValue] = [
    sample,
    nil,
    ["\u{1F600}": "\u{2028}\u{0}\"\\/", "": [[], [:], [[[]]]]],
    [.number("-0"), .number("1e400"), .number("0.5E-7"), .int(Int.min), .double(1e-300)],
    .string(String(repeating: "x\u{E9}\n", count: 1000)),
  ]

  @Test("Parsing serialized output gives back the same value", arguments: roundTripValues)
  func roundTrip(value: JSONValue) throws {
    #expect(try JSONParser.parse(value.serialized()) == value)
    #expect(try JSONParser.parse(value.serialized(pretty: true)) == value)
  }

  static let canonicalTexts: [String] = [
    #"{"b":1,"a":[true,false,null],"c":{"z":"\u0001\n"}}"#,
    #"[-0,1e400,1.50,"\u2028"]"#,
    #""caf\u00e9 = café""#,
  ]

  @Test(
    "Serializing parsed compact text reproduces it, up to escape choice", arguments: canonicalTexts)
  func textRoundTrip(text: String) throws {
    let value = try JSONParser.parse(text)
    let output = value.serialized()
    #expect(try JSONParser.parse(output) == value)
    if !text.contains("\\u00e9") { #expect(output == text) }
  }
}
