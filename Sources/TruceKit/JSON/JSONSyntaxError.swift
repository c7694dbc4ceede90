/// An error that describes why JSON text is invalid, and where.
///
/// The ``column`` counts Unicode scalars from the start of the input, starting at 1, and points
/// at the offending character, or one past the last character when the input ends too early.
/// The ``reason`` is a typed description of the problem, and ``description`` turns it into a
/// human-readable message without the column, for example `duplicate key 'type'`, so that
/// callers can prefix their own location (such as a file and line).
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The 1-based column, in Unicode scalars, of the offending character.
  ///
  /// For a premature end of input this is one past the last character.
  public var column: Int

  /// What is wrong with the input at ``column``.
  ///
  /// Match on it to react to specific problems, such as ``Reason/duplicateKey(_:)``.
  public var reason: Reason

  /// Creates an error from a column and a reason.
  ///
  /// The parser creates these; the initializer is public so that tests and wrappers can too.
  ///
  /// - Parameters:
  ///   - column: The 1-based column, in Unicode scalars, of the offending character.
  ///   - reason: What is wrong with the input.
  public init(column: Int, reason: Reason) {
    self.column = column
    self.reason = reason
  }

  /// A human-readable message that explains the problem, without the column.
  ///
  /// Examples: `duplicate key 'type'`,
  /// `expected ',' or '}' after object member, found 'x'`, `invalid UTF-8 byte 0xFF`.
  public var description: String {
    reason.description
  }
}

extension JSONSyntaxError {
  /// The kinds of problem the parser reports.
  ///
  /// Payloads carry the offending text so that messages can quote it.
  public enum Reason: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The input is empty or holds only whitespace.
    ///
    /// The column is one past the end of the input.
    case emptyInput
    /// The input ends where something else was expected.
    ///
    /// The column is one past the end of the input; the payload tells what was expected.
    case unexpectedEnd(expected: Expected)
    /// A character (one Unicode scalar) appears where something else was expected.
    ///
    /// This includes content after a complete value, reported with ``Expected/endOfInput``.
    case unexpectedCharacter(String, expected: Expected)
    /// The bytes are not valid UTF-8; the payload holds the ill-formed sequence.
    ///
    /// The sequence runs from its first byte up to and including the first byte that makes it
    /// invalid (overlong forms, encoded surrogates and scalars above U+10FFFF are all invalid),
    /// or up to the end of the input when it is truncated.
    case invalidUTF8([UInt8])
    /// A number does not follow the JSON grammar; the payload holds the number's text.
    ///
    /// The problems are a leading zero (`01`) and a missing digit after `-`, `.`, or the
    /// exponent marker (`-`, `1.`, `1e+`); the column points at the offending character. The
    /// text is the run of number-like characters, so `1.e5` is quoted whole. A leading `+` or
    /// `.` is instead an ``unexpectedCharacter(_:expected:)``, as is anything after a valid number.
    case invalidNumber(String)
    /// A string has no closing quote before the end of the input.
    ///
    /// This includes input that ends inside an escape sequence. The column is one past the end.
    case unterminatedString
    /// A string holds a raw control character (below U+0020) that must be escaped.
    ///
    /// The payload is the character's byte, and the column points at it.
    case controlCharacterInString(UInt8)
    /// A backslash escape is not one of the JSON escapes; the payload holds its text.
    ///
    /// The text runs from the backslash through the offending character, for example `\x` or
    /// `\u12G`, and the column points at the backslash.
    case invalidEscape(String)
    /// A `\u` escape holds a UTF-16 surrogate that is not part of a valid pair.
    ///
    /// The payload is the surrogate, and the column points at the backslash of its escape. A high
    /// surrogate must be followed directly by a `\u` escape of a low surrogate.
    case loneSurrogate(UInt16)
    /// An object holds the same key twice; the column points at the second occurrence.
    ///
    /// Keys are compared after decoding escapes, with Swift's `String` equality.
    case duplicateKey(String)
    /// Arrays and objects nest deeper than the parser's limit.
    ///
    /// The payload is the limit, and the column points at the first `[` or `{` beyond it.
    case tooDeep(limit: Int)

    /// A human-readable message that explains the problem.
    ///
    /// Quoted text escapes control characters so that the message stays on one line.
    public var description: String {
      switch self {
      case .emptyInput:
        "empty input, expected a JSON value"
      case .unexpectedEnd(let expected):
        "unexpected end of input, expected \(expected)"
      case .unexpectedCharacter(let found, let expected):
        "expected \(expected), found \(Self.describeCharacter(found))"
      case .invalidUTF8(let bytes):
        "invalid UTF-8 \(bytes.count == 1 ? "byte" : "sequence") "
          + bytes.map(Self.hex).joined(separator: " ")
      case .invalidNumber(let text):
        "invalid number \(Self.quote(text))\(JSONNumberGrammar.problemHint(text))"
      case .unterminatedString:
        "unterminated string, expected '\"' before the end of input"
      case .controlCharacterInString(let byte):
        "control character \(Self.codePoint(UInt32(byte))) must be escaped in a string"
      case .invalidEscape(let text):
        "invalid escape sequence \(Self.quote(text)) in string"
      case .loneSurrogate(let unit):
        "lone UTF-16 surrogate '\\u\(Self.hexDigits(UInt32(unit), width: 4))' in string"
      case .duplicateKey(let key):
        "duplicate key \(Self.quote(key))"
      case .tooDeep(let limit):
        "arrays and objects nest deeper than the limit of \(limit)"
      }
    }

    private static func hex(_ byte: UInt8) -> String {
      "0x" + hexDigits(UInt32(byte), width: 2)
    }

    private static func hexDigits(_ value: UInt32, width: Int) -> String {
      let digits = String(value, radix: 16, uppercase: true)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func codePoint(_ value: UInt32) -> String {
      "U+" + hexDigits(value, width: 4)
    }

    /// Quotes text in single quotes, escaping control characters.
    private static func quote(_ text: String) -> String {
      var result = "'"
      for scalar in text.unicodeScalars {
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        case "\u{0}"..."\u{1F}", "\u{7F}": result += "\\u" + hexDigits(scalar.value, width: 4)
        default: result.unicodeScalars.append(scalar)
        }
      }
      return result + "'"
    }

    /// Describes a found character: quoted when visible, by code point when not.
    private static func describeCharacter(_ text: String) -> String {
      guard let scalar = text.unicodeScalars.first else { return "''" }
      if scalar.isASCII {
        return (0x21...0x7E).contains(scalar.value) ? "'\(text)'" : codePoint(scalar.value)
      }
      switch scalar.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator,
        .privateUse, .unassigned:
        return codePoint(scalar.value)
      default:
        return "'\(text)' (\(codePoint(scalar.value)))"
      }
    }
  }

  /// What the parser expected where it found something else.
  ///
  /// Its description is a phrase that completes "expected …", such as `':' after object key`.
  public enum Expected: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Any JSON value.
    ///
    /// The parser expects one at the start of the input, after `:`, and after `,` in an array.
    case value
    /// A value or `]`.
    ///
    /// The parser expects one right after `[`.
    case valueOrArrayEnd
    /// A `,` or `]`.
    ///
    /// The parser expects one after an array element.
    case commaOrArrayEnd
    /// A string key.
    ///
    /// The parser expects one after `,` in an object; a `}` there would be a trailing comma.
    case key
    /// A string key or `}`.
    ///
    /// The parser expects one right after `{`.
    case keyOrObjectEnd
    /// A `:`.
    ///
    /// The parser expects one after an object key.
    case colon
    /// A `,` or `}`.
    ///
    /// The parser expects one after an object member.
    case commaOrObjectEnd
    /// The rest of the literal `true`, `false` or `null`.
    ///
    /// The payload is the whole literal, whose first letter started it.
    case literal(String)
    /// The end of the input.
    ///
    /// The parser expects it after a complete value: a document holds exactly one value.
    case endOfInput

    /// A phrase that completes "expected …".
    ///
    /// For example `',' or ']' after array element`.
    public var description: String {
      switch self {
      case .value: "a value"
      case .valueOrArrayEnd: "a value or ']'"
      case .commaOrArrayEnd: "',' or ']' after array element"
      case .key: "a string key"
      case .keyOrObjectEnd: "a string key or '}'"
      case .colon: "':' after object key"
      case .commaOrObjectEnd: "',' or '}' after object member"
      case .literal(let word): "'\(word)'"
      case .endOfInput: "end of input after the value"
      }
    }
  }
}
