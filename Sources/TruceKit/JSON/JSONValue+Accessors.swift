extension JSONValue {
  /// The string, when the value is a string.
  ///
  /// Other kinds of values, including numbers, give `nil`; no conversion is attempted.
  public var stringValue: String? {
    guard case .string(let text) = self else { return nil }
    return text
  }

  /// The integer, when the value is a number written as an integer that fits in `Int`.
  ///
  /// Only exact integer text converts: `3` and `-0` do, while `3.0`, `3e0`, `1e400` and
  /// `9223372036854775808` (one past `Int.max`) give `nil`, as do all non-numbers.
  public var intValue: Int? {
    guard case .number(let text) = self else { return nil }
    for byte in text.utf8
    where byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
      return nil
    }
    return Int(text)
  }

  /// The number as the nearest `Double`, when the value is a number within `Double`'s range.
  ///
  /// The conversion rounds to the nearest representable double, and numbers too small to
  /// represent become zero. Numbers too large for `Double` (such as `1e400`) give `nil` rather
  /// than infinity, as do all non-numbers.
  public var doubleValue: Double? {
    guard case .number(let text) = self, let value = Double(text), value.isFinite else {
      return nil
    }
    return value
  }

  /// The Boolean, when the value is `true` or `false`.
  ///
  /// Other kinds of values give `nil`; no conversion is attempted.
  public var boolValue: Bool? {
    guard case .bool(let flag) = self else { return nil }
    return flag
  }

  /// The elements, when the value is an array.
  ///
  /// Other kinds of values give `nil`.
  public var arrayValue: [JSONValue]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  /// The object, when the value is an object.
  ///
  /// Other kinds of values give `nil`.
  public var objectValue: JSONObject? {
    guard case .object(let object) = self else { return nil }
    return object
  }

  /// A Boolean value that tells whether the value is `null`.
  ///
  /// This is `true` only for the `.null` case.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The name of the value's JSON type, for use in error messages.
  ///
  /// The names are `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` and `"object"`.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}
