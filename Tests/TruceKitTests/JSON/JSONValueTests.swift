import Testing

@testable import TruceKit

@Suite("JSONValue construction and accessors")
struct JSONValueTests {
  @Test("Literals build the matching cases")
  func literals() {
    let value: JSONValue = ["n": nil, "b": true, "i": -7, "d": 0.5, "s": "x", "a": [1, "two"]]
    let expected = JSONValue.object(
      JSONObject([
        ("n", .null), ("b", .bool(true)), ("i", .number("-7")), ("d", .number("0.5")),
        ("s", .string("x")), ("a", .array([.number("1"), .string("two")])),
      ]))
    #expect(value == expected)
  }

  @Test("The int and double makers produce valid number text")
  func makers() {
    #expect(JSONValue.int(42) == .number("42"))
    #expect(JSONValue.int(Int.min) == .number("-9223372036854775808"))
    #expect(JSONValue.double(2.0) == .number("2.0"))
    #expect(JSONValue.double(-0.0) == .number("-0.0"))
    #expect(JSONValue.double(0.1) == .number("0.1"))
    #expect(JSONValue.double(1e300) == .number("1e+300"))
  }

  static let intCases: [(String, Int?)] = [
    ("3", 3),
    ("-0", 0),
    ("-42", -42),
    ("9223372036854775807", Int.max),
    ("-9223372036854775808", Int.min),
    ("9223372036854775808", nil),
    ("-9223372036854775809", nil),
    ("3.0", nil),
    ("3e0", nil),
    ("3E2", nil),
    ("1e400", nil),
  ]

  @Test("intValue converts exact integer text only", arguments: intCases)
  func intValue(text: String, expected: Int?) {
    #expect(JSONValue.number(text).intValue == expected)
  }

  static let doubleCases: [(String, Double?)] = [
    ("3", 3),
    ("-1.5e3", -1500),
    ("0.1", 0.1),
    ("-0", -0.0),
    ("1e-400", 0),
    ("1e400", nil),
    ("-1e400", nil),
  ]

  @Test("doubleValue converts numbers within Double's range", arguments: doubleCases)
  func doubleValue(text: String, expected: Double?) {
    #expect(JSONValue.number(text).doubleValue == expected)
  }

  @Test("Accessors return nil for other kinds of value")
  func accessorsRejectOtherKinds() {
    let number: JSONValue = 1
    let string: JSONValue = "1"
    #expect(string.intValue == nil && string.doubleValue == nil && string.boolValue == nil)
    #expect(number.stringValue == nil && number.arrayValue == nil && number.objectValue == nil)
    #expect(JSONValue.bool(true).boolValue == true)
    #expect(JSONValue.string("s").stringValue == "s")
    #expect(JSONValue.array([1]).arrayValue == [1])
    #expect(JSONValue.object(["k": 1]).objectValue == ["k": 1])
    #expect(JSONValue.null.isNull && !JSONValue.bool(false).isNull && !JSONValue.string("").isNull)
  }

  static let typeNames: [(JSONValue, String)] = [
    (nil, "null"),
    (false, "boolean"),
    (1, "number"),
    ("x", "string"),
    ([], "array"),
    ([:], "object"),
  ]

  @Test("typeName names each JSON type", arguments: typeNames)
  func typeName(value: JSONValue, name: String) {
    #expect(value.typeName == name)
  }

  @Test("Numbers compare by their text")
  func numbersCompareByText() {
    #expect(JSONValue.number("1") != JSONValue.number("1.0"))
    #expect(Set<JSONValue>([1, 1, "1", [1], ["a": 1]]).count == 4)
  }

  @Test("The description is the compact JSON text")
  func descriptionIsCompactJSON() {
    let value: JSONValue = ["a": [1, nil]]
    #expect(value.description == #"{"a":[1,null]}"#)
    #expect("\(value)" == #"{"a":[1,null]}"#)
  }
}
