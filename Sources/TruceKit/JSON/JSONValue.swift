/// A JSON value with object keys kept in document order.
///
/// Numbers are stored as their literal text (for example `"42"` or `"-1.5e3"`), so that no
/// precision is lost when a value is parsed and written back, and huge numbers such as `1e400`
/// survive unchanged. Use ``intValue`` or ``doubleValue`` to convert them.
///
/// Equality and hashing are structural and textual: two numbers are equal only when their text
/// is identical (`1.0` differs from `1`), and two objects are equal only when they hold the same
/// members in the same order.
///
/// When you create a `.number` case directly, the text must follow the JSON number grammar;
/// the serializer writes it verbatim. Prefer ``int(_:)`` and ``double(_:)``, which always produce
/// valid text.
public enum JSONValue: Sendable, Equatable, Hashable {
  /// The JSON `null` literal.
  ///
  /// Written as `null`; a `nil` literal creates it.
  case null
  /// A JSON `true` or `false` literal.
  ///
  /// A Boolean literal creates it.
  case bool(Bool)
  /// A JSON number, kept as its literal text, for example `"42"` or `"-1.5e3"`.
  ///
  /// The parser stores the text exactly as written, after checking it against the JSON number
  /// grammar. Integer and floating-point literals create it with ``int(_:)`` and ``double(_:)``.
  case number(String)
  /// A JSON string, with escapes already decoded.
  ///
  /// A string literal creates it; the serializer adds the escapes that JSON requires.
  case string(String)
  /// A JSON array.
  ///
  /// An array literal creates it.
  case array([JSONValue])
  /// A JSON object whose members keep their order.
  ///
  /// A dictionary literal creates it, keeping the literal's order.
  case object(JSONObject)
}

extension JSONValue {
  /// Makes a number value from an integer.
  ///
  /// The text is the integer's decimal representation, for example `"-17"`.
  ///
  /// - Parameters:
  ///   - value: The integer to store.
  /// - Returns: A `.number` value holding the integer's text.
  public static func int(_ value: Int) -> JSONValue {
    .number(String(value))
  }

  /// Makes a number value from a finite floating-point number.
  ///
  /// The text is Swift's shortest round-tripping `description` of the double, so integral
  /// values keep a fractional part (`2.0`), and large or small magnitudes use an exponent
  /// (`1e+16`, `1e-05`). All of these forms are valid JSON numbers.
  ///
  /// - Parameters:
  ///   - value: The number to store; it must be finite (JSON has no NaN or infinity).
  /// - Returns: A `.number` value holding the double's text.
  public static func double(_ value: Double) -> JSONValue {
    precondition(value.isFinite, "JSON cannot represent the non-finite number \(value)")
    return .number(value.description)
  }
}

extension JSONValue: CustomStringConvertible {
  /// The compact JSON text of the value.
  ///
  /// This is the same as `serialized()`, which makes values readable in test failures and
  /// string interpolation.
  public var description: String {
    serialized()
  }
}

extension JSONValue: ExpressibleByNilLiteral {
  /// Creates the `null` value from a `nil` literal.
  ///
  /// This lets you write `nil` wherever a `JSONValue` is expected.
  ///
  /// - Parameters:
  ///   - nilLiteral: The `nil` literal.
  public init(nilLiteral: ()) {
    self = .null
  }
}

extension JSONValue: ExpressibleByBooleanLiteral {
  /// Creates a boolean value from a `true` or `false` literal.
  ///
  /// This lets you write `true` instead of `.bool(true)`.
  ///
  /// - Parameters:
  ///   - value: The literal's value.
  public init(booleanLiteral value: Bool) {
    self = .bool(value)
  }
}

extension JSONValue: ExpressibleByIntegerLiteral {
  /// Creates a number value from an integer literal.
  ///
  /// This lets you write `42` instead of `.int(42)`.
  ///
  /// - Parameters:
  ///   - value: The literal's value.
  public init(integerLiteral value: Int) {
    self = .int(value)
  }
}

extension JSONValue: ExpressibleByFloatLiteral {
  /// Creates a number value from a floating-point literal.
  ///
  /// This lets you write `0.5` instead of `.double(0.5)`; the text follows ``double(_:)``.
  ///
  /// - Parameters:
  ///   - value: The literal's value.
  public init(floatLiteral value: Double) {
    self = .double(value)
  }
}

extension JSONValue: ExpressibleByStringLiteral {
  /// Creates a string value from a string literal.
  ///
  /// This lets you write `"text"` instead of `.string("text")`.
  ///
  /// - Parameters:
  ///   - value: The literal's value.
  public init(stringLiteral value: String) {
    self = .string(value)
  }
}

extension JSONValue: ExpressibleByArrayLiteral {
  /// Creates an array value from an array literal.
  ///
  /// This lets you write `[1, "two", nil]` instead of `.array([.int(1), .string("two"), .null])`.
  ///
  /// - Parameters:
  ///   - elements: The literal's elements, in order.
  public init(arrayLiteral elements: JSONValue...) {
    self = .array(elements)
  }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
  /// Creates an object value from a dictionary literal, keeping the literal's order.
  ///
  /// This lets you write `["type": "start", "id": 1]` instead of `.object([...])`.
  /// The keys must be unique.
  ///
  /// - Parameters:
  ///   - elements: The literal's key-value pairs, in order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(JSONObject(elements))
  }
}
