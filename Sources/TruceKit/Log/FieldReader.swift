/// Reads typed fields from a JSON object, naming the field path in every error, and rejects
/// fields nobody read.
struct FieldReader {
  private let object: JSONObject
  private let path: String
  private var read: Set<String> = []

  init(_ object: JSONObject, path: String = "") {
    self.object = object
    self.path = path
  }

  init(_ value: JSONValue, path: String) throws(FieldError) {
    guard case .object(let object) = value else {
      throw FieldError(
        field: path, problem: .wrongType(expected: "an object", found: value.typeName))
    }
    self.init(object, path: path)
  }

  func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func has(_ key: String) -> Bool {
    if let value = object[key], !value.isNull { return true }
    return false
  }

  mutating func value(_ key: String) -> JSONValue? {
    read.insert(key)
    guard let value = object[key], !value.isNull else { return nil }
    return value
  }

  mutating func required(_ key: String) throws(FieldError) -> JSONValue {
    guard let value = value(key) else {
      throw FieldError(field: fieldPath(key), problem: .missingField)
    }
    return value
  }

  mutating func string(_ key: String) throws(FieldError) -> String {
    try asString(required(key), key)
  }

  mutating func optionalString(_ key: String) throws(FieldError) -> String? {
    guard let value = value(key) else { return nil }
    return try asString(value, key)
  }

  mutating func identifier(_ key: String) throws(FieldError) -> String {
    let text = try string(key)
    try checkIdentifier(text, key)
    return text
  }

  mutating func optionalIdentifier(_ key: String) throws(FieldError) -> String? {
    guard let text = try optionalString(key) else { return nil }
    try checkIdentifier(text, key)
    return text
  }

  mutating func strings(_ key: String, required: Bool = false) throws(FieldError) -> [String] {
    guard let value = value(key) else {
      if required { throw FieldError(field: fieldPath(key), problem: .missingField) }
      return []
    }
    guard case .array(let items) = value else {
      throw FieldError(
        field: fieldPath(key),
        problem: .wrongType(expected: "an array of strings", found: value.typeName))
    }
    var result: [String] = []
    for (index, item) in items.enumerated() {
      guard case .string(let text) = item, !text.isEmpty else {
        throw FieldError(
          field: "\(fieldPath(key))[\(index)]",
          problem: .wrongType(expected: "a non-empty string", found: item.typeName))
      }
      result.append(text)
    }
    if required && result.isEmpty {
      throw FieldError(field: fieldPath(key), problem: .invalidValue("must list at least one"))
    }
    return result
  }

  mutating func optionalInt(_ key: String, in range: ClosedRange<Int>) throws(FieldError) -> Int? {
    guard let value = value(key) else { return nil }
    guard case .number = value, let number = value.intValue else {
      throw FieldError(
        field: fieldPath(key),
        problem: .wrongType(
          expected: "a whole number",
          found: value.typeName == "number" ? "'\(value.serialized())'" : value.typeName))
    }
    guard range.contains(number) else {
      throw FieldError(
        field: fieldPath(key),
        problem: .invalidValue(
          "\(number) is out of range (\(range.lowerBound)…\(range.upperBound))"))
    }
    return number
  }

  mutating func optionalBool(_ key: String) throws(FieldError) -> Bool? {
    guard let value = value(key) else { return nil }
    guard case .bool(let flag) = value else {
      throw FieldError(
        field: fieldPath(key), problem: .wrongType(expected: "true or false", found: value.typeName)
      )
    }
    return flag
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ key: String, as type: T.Type
  ) throws(FieldError) -> T where T.RawValue == String {
    let text = try string(key)
    guard let choice = T(rawValue: text) else {
      let known = T.allCases.map(\.rawValue).joined(separator: ", ")
      throw FieldError(
        field: fieldPath(key), problem: .invalidValue("'\(text)' is not one of: \(known)"))
    }
    return choice
  }

  mutating func choices<T: RawRepresentable & CaseIterable>(
    _ key: String, as type: T.Type
  ) throws(FieldError) -> [T] where T.RawValue == String {
    let texts = try strings(key, required: true)
    var result: [T] = []
    for (index, text) in texts.enumerated() {
      guard let choice = T(rawValue: text) else {
        let known = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw FieldError(
          field: "\(fieldPath(key))[\(index)]",
          problem: .invalidValue("'\(text)' is not one of: \(known)"))
      }
      result.append(choice)
    }
    return result
  }

  mutating func time(_ key: String, zone: Zone?) throws(FieldError) -> Stamp {
    try stamp(string(key), key, zone)
  }

  mutating func optionalTime(_ key: String, zone: Zone?) throws(FieldError) -> Stamp? {
    guard let text = try optionalString(key) else { return nil }
    return try stamp(text, key, zone)
  }

  mutating func nested(_ key: String) throws(FieldError) -> FieldReader? {
    guard let value = value(key) else { return nil }
    return try FieldReader(value, path: fieldPath(key))
  }

  /// Fails on the first field that was present but never read.
  func finish() throws(FieldError) {
    for key in object.keys where !read.contains(key) {
      throw FieldError(field: fieldPath(key), problem: .unknownField)
    }
  }

  private func asString(_ value: JSONValue, _ key: String) throws(FieldError) -> String {
    guard case .string(let text) = value else {
      throw FieldError(
        field: fieldPath(key), problem: .wrongType(expected: "a string", found: value.typeName))
    }
    guard !text.isEmpty else {
      throw FieldError(field: fieldPath(key), problem: .invalidValue("must not be empty"))
    }
    return text
  }

  private func checkIdentifier(_ text: String, _ key: String) throws(FieldError) {
    let allowed = text.unicodeScalars.allSatisfy { scalar in
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        || scalar == "-" || scalar == "_" || scalar == "."
    }
    guard allowed, text.count <= 128 else {
      throw FieldError(
        field: fieldPath(key),
        problem: .invalidValue(
          "'\(text)' is not an id: use letters, digits, '-', '_' and '.' (at most 128)"))
    }
  }

  private func stamp(_ text: String, _ key: String, _ zone: Zone?) throws(FieldError) -> Stamp {
    do {
      return try Stamp(TimeSpec(parsing: text), in: zone)
    } catch {
      throw FieldError(field: fieldPath(key), problem: .time(error))
    }
  }
}
