import Testing

@testable import TruceKit

@Suite("JSON parser: syntax errors")
struct JSONParserErrorTests {
  static let structureCases: [InvalidJSONCase] = [
    InvalidJSONCase("", column: 1, .emptyInput),
    InvalidJSONCase("  \n\t", column: 5, .emptyInput),
    InvalidJSONCase("[1,]", column: 4, .unexpectedCharacter("]", expected: .value)),
    InvalidJSONCase(#"{"a":1,}"#, column: 8, .unexpectedCharacter("}", expected: .key)),
    InvalidJSONCase("[1 2]", column: 4, .unexpectedCharacter("2", expected: .commaOrArrayEnd)),
    InvalidJSONCase(#"{"a" 1}"#, column: 6, .unexpectedCharacter("1", expected: .colon)),
    InvalidJSONCase(
      #"{"a":1 "b":2}"#, column: 8, .unexpectedCharacter("\"", expected: .commaOrObjectEnd)),
    InvalidJSONCase(
      #"{"a":1x}"#, column: 7, .unexpectedCharacter("x", expected: .commaOrObjectEnd)),
    InvalidJSONCase("{a:1}", column: 2, .unexpectedCharacter("a", expected: .keyOrObjectEnd)),
    InvalidJSONCase("{1:1}", column: 2, .unexpectedCharacter("1", expected: .keyOrObjectEnd)),
    InvalidJSONCase("[,1]", column: 2, .unexpectedCharacter(",", expected: .valueOrArrayEnd)),
    InvalidJSONCase("[1]]", column: 4, .unexpectedCharacter("]", expected: .endOfInput)),
    InvalidJSONCase("[", column: 2, .unexpectedEnd(expected: .valueOrArrayEnd)),
    InvalidJSONCase("[1", column: 3, .unexpectedEnd(expected: .commaOrArrayEnd)),
    InvalidJSONCase("[1, ", column: 5, .unexpectedEnd(expected: .value)),
    InvalidJSONCase("{", column: 2, .unexpectedEnd(expected: .keyOrObjectEnd)),
    InvalidJSONCase(#"{"a""#, column: 5, .unexpectedEnd(expected: .colon)),
    InvalidJSONCase(#"{"a":"#, column: 6, .unexpectedEnd(expected: .value)),
    InvalidJSONCase(#"{"a":1"#, column: 7, .unexpectedEnd(expected: .commaOrObjectEnd)),
    InvalidJSONCase(#"{"a":1,"#, column: 8, .unexpectedEnd(expected: .key)),
    InvalidJSONCase("1 2", column: 3, .unexpectedCharacter("2", expected: .endOfInput)),
    InvalidJSONCase("{} {}", column: 4, .unexpectedCharacter("{", expected: .endOfInput)),
    InvalidJSONCase("// note\n1", column: 1, .unexpectedCharacter("/", expected: .value)),
    InvalidJSONCase("[1] /* c */", column: 5, .unexpectedCharacter("/", expected: .endOfInput)),
    InvalidJSONCase("'a'", column: 1, .unexpectedCharacter("'", expected: .value)),
    InvalidJSONCase("\u{B}1", column: 1, .unexpectedCharacter("\u{B}", expected: .value)),
    InvalidJSONCase("\u{C}1", column: 1, .unexpectedCharacter("\u{C}", expected: .value)),
    InvalidJSONCase("\u{A0}1", column: 1, .unexpectedCharacter("\u{A0}", expected: .value)),
    InvalidJSONCase("\u{FEFF}1", column: 1, .unexpectedCharacter("\u{FEFF}", expected: .value)),
    InvalidJSONCase(
      "[\"\u{E9}\u{20AC}\u{1F600}\", x]", column: 9, .unexpectedCharacter("x", expected: .value)),
  ]

  static let literalAndNumberCases: [InvalidJSONCase] = [
    InvalidJSONCase("NaN", column: 1, .unexpectedCharacter("N", expected: .value)),
    InvalidJSONCase("Infinity", column: 1, .unexpectedCharacter("I", expected: .value)),
    InvalidJSONCase("-Infinity", column: 2, .invalidNumber("-")),
    InvalidJSONCase("True", column: 1, .unexpectedCharacter("T", expected: .value)),
    InvalidJSONCase("tru", column: 4, .unexpectedEnd(expected: .literal("true"))),
    InvalidJSONCase("trUe", column: 3, .unexpectedCharacter("U", expected: .literal("true"))),
    InvalidJSONCase("nul", column: 4, .unexpectedEnd(expected: .literal("null"))),
    InvalidJSONCase("[nil]", column: 3, .unexpectedCharacter("i", expected: .literal("null"))),
    InvalidJSONCase("falsey", column: 6, .unexpectedCharacter("y", expected: .endOfInput)),
    InvalidJSONCase("+1", column: 1, .unexpectedCharacter("+", expected: .value)),
    InvalidJSONCase(".5", column: 1, .unexpectedCharacter(".", expected: .value)),
    InvalidJSONCase("01", column: 2, .invalidNumber("01")),
    InvalidJSONCase("-01", column: 3, .invalidNumber("-01")),
    InvalidJSONCase("00", column: 2, .invalidNumber("00")),
    InvalidJSONCase("1.", column: 3, .invalidNumber("1.")),
    InvalidJSONCase("[1.]", column: 4, .invalidNumber("1.")),
    InvalidJSONCase("1.e5", column: 3, .invalidNumber("1.e5")),
    InvalidJSONCase("1e", column: 3, .invalidNumber("1e")),
    InvalidJSONCase("1e+", column: 4, .invalidNumber("1e+")),
    InvalidJSONCase("[1E-x]", column: 5, .invalidNumber("1E-")),
    InvalidJSONCase("-", column: 2, .invalidNumber("-")),
    InvalidJSONCase("- 1", column: 2, .invalidNumber("-")),
    InvalidJSONCase("0x10", column: 2, .unexpectedCharacter("x", expected: .endOfInput)),
    InvalidJSONCase("1.5.2", column: 4, .unexpectedCharacter(".", expected: .endOfInput)),
  ]

  static let stringCases: [InvalidJSONCase] = [
    InvalidJSONCase("\"abc", column: 5, .unterminatedString),
    InvalidJSONCase("[\"abc]", column: 7, .unterminatedString),
    InvalidJSONCase("\"a\\\"", column: 5, .unterminatedString),
    InvalidJSONCase("\"\\", column: 3, .unterminatedString),
    InvalidJSONCase("\"\\u12", column: 6, .unterminatedString),
    InvalidJSONCase("\"a\nb\"", column: 3, .controlCharacterInString(0x0A)),
    InvalidJSONCase("\"\t\"", column: 2, .controlCharacterInString(0x09)),
    InvalidJSONCase("\"\u{0}\"", column: 2, .controlCharacterInString(0x00)),
    InvalidJSONCase("\"\\n\u{1F}\"", column: 4, .controlCharacterInString(0x1F)),
    InvalidJSONCase(#""\x""#, column: 2, .invalidEscape("\\x")),
    InvalidJSONCase(#""ab\'""#, column: 4, .invalidEscape("\\'")),
    InvalidJSONCase(#""\U0041""#, column: 2, .invalidEscape("\\U")),
    InvalidJSONCase(#""\u12G4""#, column: 2, .invalidEscape("\\u12G")),
    InvalidJSONCase("\"\\\u{E9}\"", column: 2, .invalidEscape("\\\u{E9}")),
    InvalidJSONCase(#""\uD800""#, column: 2, .loneSurrogate(0xD800)),
    InvalidJSONCase(#""\uDC00""#, column: 2, .loneSurrogate(0xDC00)),
    InvalidJSONCase(#""ab\uD800x""#, column: 4, .loneSurrogate(0xD800)),
    InvalidJSONCase(#""\uD800\u0041""#, column: 2, .loneSurrogate(0xD800)),
    InvalidJSONCase(#""\uD800\uD800""#, column: 2, .loneSurrogate(0xD800)),
    InvalidJSONCase(#""\udbff\ue000""#, column: 2, .loneSurrogate(0xDBFF)),
    InvalidJSONCase(#""\uD83D\uDE00\uDE00""#, column: 14, .loneSurrogate(0xDE00)),
    InvalidJSONCase(#""\uD800\n""#, column: 2, .loneSurrogate(0xD800)),
  ]

  static let objectCases: [InvalidJSONCase] = [
    InvalidJSONCase(#"{"a":1,"a":2}"#, column: 8, .duplicateKey("a")),
    InvalidJSONCase(#"{"type":1,"x":{"type":2},"type":3}"#, column: 26, .duplicateKey("type")),
    InvalidJSONCase(#"{"a":1,"\u0061":2}"#, column: 8, .duplicateKey("a")),
    InvalidJSONCase(#"{"a":1,"a":[}"#, column: 8, .duplicateKey("a")),
    InvalidJSONCase(#"[{"k":1},{"k":2,"k":3}]"#, column: 17, .duplicateKey("k")),
  ]

  @Test(
    "Rejects each invalid document with the exact reason and column",
    arguments: structureCases + literalAndNumberCases + stringCases + objectCases)
  func rejectsInvalidDocuments(testCase: InvalidJSONCase) {
    #expect(parseError(bytes: testCase.bytes) == testCase.expectedError)
  }

  @Test("Rejects 100,000 nested arrays cleanly at the default depth limit")
  func rejectsDeepArrays() {
    let text = String(repeating: "[", count: 100_000)
    #expect(parseError(text) == JSONSyntaxError(column: 65, reason: .tooDeep(limit: 64)))
  }

  @Test("Rejects deeply nested objects at the depth limit, pointing at the first brace too many")
  func rejectsDeepObjects() {
    let text = String(repeating: #"{"a":"#, count: 100_000)
    #expect(parseError(text) == JSONSyntaxError(column: 5 * 64 + 1, reason: .tooDeep(limit: 64)))
  }

  @Test("Honours a custom depth limit, including zero")
  func customDepthLimit() {
    #expect(
      parseError("[[1]]", maxDepth: 1) == JSONSyntaxError(column: 2, reason: .tooDeep(limit: 1)))
    #expect(parseError("[[1]]", maxDepth: 2) == nil)
    #expect(parseError("{}", maxDepth: 0) == JSONSyntaxError(column: 1, reason: .tooDeep(limit: 0)))
  }

  @Test("Does not recurse, so a huge depth limit with hostile input cannot overflow the stack")
  func hugeDepthLimitDoesNotRecurse() {
    let text = String(repeating: "[", count: 100_000)
    let error = parseError(text, maxDepth: 1_000_000)
    #expect(
      error == JSONSyntaxError(column: 100_001, reason: .unexpectedEnd(expected: .valueOrArrayEnd)))
  }

  static let messages: [(String, String)] = [
    (#"{"type":1,"type":2}"#, "duplicate key 'type'"),
    (#"{"a":1x}"#, "expected ',' or '}' after object member, found 'x'"),
    ("[1 2]", "expected ',' or ']' after array element, found '2'"),
    (#"{"a" 1}"#, "expected ':' after object key, found '1'"),
    ("{,}", "expected a string key or '}', found ','"),
    ("", "empty input, expected a JSON value"),
    ("[1", "unexpected end of input, expected ',' or ']' after array element"),
    ("tru", "unexpected end of input, expected 'true'"),
    ("1 2", "expected end of input after the value, found '2'"),
    ("\u{FEFF}1", "expected a value, found U+FEFF"),
    ("\u{E9}", "expected a value, found '\u{E9}' (U+00E9)"),
    ("[1,\u{1}]", "expected a value, found U+0001"),
    ("[1, ]", "expected a value, found ']'"),
    ("01", "invalid number '01': leading zeros are not allowed"),
    ("1.", "invalid number '1.': expected a digit after '.'"),
    ("-", "invalid number '-': expected a digit after '-'"),
    ("1e+", "invalid number '1e+': expected a digit in the exponent"),
    ("\"abc", "unterminated string, expected '\"' before the end of input"),
    ("\"a\tb\"", "control character U+0009 must be escaped in a string"),
    (#""\x""#, "invalid escape sequence '\\x' in string"),
    (#""\uD800""#, "lone UTF-16 surrogate '\\uD800' in string"),
    (#"{"a\nb":1,"a\nb":2}"#, "duplicate key 'a\\nb'"),
    (String(repeating: "[", count: 65), "arrays and objects nest deeper than the limit of 64"),
  ]

  @Test("Describes each error with a precise human-readable message", arguments: messages)
  func describesErrors(input: String, message: String) throws {
    let error = try #require(parseError(input))
    #expect(error.description == message)
    #expect("\(error)" == message)
  }

  @Test("Describes invalid UTF-8 by its bytes")
  func describesInvalidUTF8() throws {
    let single = try #require(parseError(bytes: [0x22, 0xFF, 0x22]))
    #expect(single.description == "invalid UTF-8 byte 0xFF")
    let sequence = try #require(parseError(bytes: [0x22, 0xE0, 0x80, 0x80, 0x22]))
    #expect(sequence.description == "invalid UTF-8 sequence 0xE0 0x80")
  }
}
