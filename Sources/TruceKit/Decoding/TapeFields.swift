/// Reads typed fields of one object on a ``LineTape``, with the log's rules: a `null` counts as
/// absent, strings must not be empty, and a field nobody read is an error at the end.
///
/// Every error names the field's dotted path and says what was expected and what was found, in
/// the same words as the reference decoder's, so that the two can be compared.
///
/// Plain data (no reference inside), so that passing one around copies bytes and retains
/// nothing: the log's objects nest one level at most, so an object's path is the name of the
/// member holding it.
struct TapeFields: BitwiseCopyable {
  let entries: UnsafeBufferPointer<LineTape.Entry>
  let scanner: TapeScanner
  /// The object's entry on the tape.
  let object: Int
  /// The member whose value the object is (``FieldName/unknown`` at the top level).
  let parent: FieldName
  /// For the top-level object, where its known keys are (``LineTape/rootKeys``), so that a
  /// lookup need not pass the members before it.
  private let keys: KnownKeys?
  /// The names read so far.
  private var read: UInt64 = 0

  /// Where an object's known keys are on the tape: the entry of each by its ``FieldName`` raw
  /// value, valid where `present` has the name's bit.
  struct KnownKeys {
    let entries: UnsafeBufferPointer<Int32>
    let present: UInt64
  }

  init(
    entries: UnsafeBufferPointer<LineTape.Entry>, scanner: TapeScanner, object: Int,
    parent: FieldName = .unknown, keys: KnownKeys? = nil
  ) {
    self.entries = entries
    self.scanner = scanner
    self.object = object
    self.parent = parent
    self.keys = keys
  }

  /// The dotted path of the object ("" at the top level).
  var path: String { parent == .unknown ? "" : parent.key }

  /// The dotted path of a member of the object.
  func fieldPath(_ name: FieldName) -> String {
    parent == .unknown ? name.key : "\(parent.key).\(name.key)"
  }

  /// The tape index of a member's value, if the object has the key; `name` is a key of the format
  /// (not ``FieldName/unknown``).
  func find(_ name: FieldName) -> Int? {
    assert(name != .unknown, "only keys of the format are looked up")
    if let keys {
      guard keys.present & name.bit != 0 else { return nil }
      return Int(keys.entries[Int(name.rawValue)]) + 1
    }
    var cursor = object + 1
    let end = Int(entries[object].next)
    while cursor < end {
      let key = entries[cursor]
      if key.name == name { return cursor + 1 }
      cursor = Int(entries[cursor + 1].next)
    }
    return nil
  }

  /// Whether the key is present with a value other than `null`.
  func has(_ name: FieldName) -> Bool {
    guard let index = find(name) else { return false }
    return entries[index].kind != .null
  }

  /// Marks the key read and returns its value's index, unless it is absent or `null`.
  mutating func value(_ name: FieldName) -> Int? {
    read |= name.bit
    guard let index = find(name), entries[index].kind != .null else { return nil }
    return index
  }

  mutating func required(_ name: FieldName) throws(FieldError) -> Int {
    guard let index = value(name) else {
      throw FieldError(field: fieldPath(name), problem: .missingField)
    }
    return index
  }

  /// The bytes of a string value without escapes, or its decoded text when it has them.
  func text(_ index: Int) -> String {
    let entry = entries[index]
    return scanner.text(entry.start, entry.end, escaped: entry.escaped)
  }

  /// Calls `body` with the bytes a string value stands for (escapes decoded), passing on what it
  /// throws (a time read from a line's bytes throws its own error, with no `Result` made for it).
  func withBytes<T, Failure: Error>(
    _ index: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> T
  ) throws(Failure) -> T {
    let entry = entries[index]
    if !entry.escaped {
      return try body(
        UnsafeRawBufferPointer(rebasing: scanner.bytes[Int(entry.start)..<Int(entry.end)]))
    }
    // Rare (a string with escapes): its decoded bytes are a copy.
    let decoded = scanner.decoded(entry.start, entry.end)
    return try decoded.withUnsafeBytes { bytes in
      Result { () throws(Failure) -> T in try body(bytes) }
    }.get()
  }

  /// A required non-empty string; returns its value's index.
  mutating func stringIndex(_ name: FieldName) throws(FieldError) -> Int {
    try checkString(required(name), name)
  }

  /// An optional non-empty string; returns its value's index.
  mutating func optionalStringIndex(_ name: FieldName) throws(FieldError) -> Int? {
    guard let index = value(name) else { return nil }
    return try checkString(index, name)
  }

  mutating func string(_ name: FieldName) throws(FieldError) -> String {
    text(try stringIndex(name))
  }

  mutating func optionalString(_ name: FieldName) throws(FieldError) -> String? {
    try optionalStringIndex(name).map(text)
  }

  mutating func identifier(_ name: FieldName) throws(FieldError) -> String {
    text(try identifierIndex(name))
  }

  /// A required id; returns its value's index.
  mutating func identifierIndex(_ name: FieldName) throws(FieldError) -> Int {
    let index = try stringIndex(name)
    try checkIdentifier(index, name)
    return index
  }

  mutating func optionalIdentifier(_ name: FieldName) throws(FieldError) -> String? {
    guard let index = try optionalStringIndex(name) else { return nil }
    try checkIdentifier(index, name)
    return text(index)
  }

  /// An array of non-empty strings; absent means empty unless `required`.
  mutating func strings(
    _ name: FieldName, required: Bool = false,
    making make: (UnsafeRawBufferPointer) -> String = { String(decoding: $0, as: UTF8.self) }
  ) throws(FieldError) -> [String] {
    guard let index = value(name) else {
      if required { throw FieldError(field: fieldPath(name), problem: .missingField) }
      return []
    }
    let array = entries[index]
    guard array.kind == .array else {
      throw FieldError(
        field: fieldPath(name),
        problem: .wrongType(expected: "an array of strings", found: array.kind.typeName))
    }
    var result: [String] = []
    result.reserveCapacity(Int(array.count))
    var cursor = index + 1
    var position = 0
    while cursor < Int(array.next) {
      let item = entries[cursor]
      guard item.kind == .string, item.end > item.start else {
        throw FieldError(
          field: "\(fieldPath(name))[\(position)]",
          problem: .wrongType(expected: "a non-empty string", found: item.kind.typeName))
      }
      result.append(withBytes(cursor, make))
      cursor = Int(item.next)
      position += 1
    }
    if required && result.isEmpty {
      throw FieldError(field: fieldPath(name), problem: .invalidValue("must list at least one"))
    }
    return result
  }

  mutating func optionalInt(_ name: FieldName, in range: ClosedRange<Int>) throws(FieldError)
    -> Int?
  {
    guard let index = value(name) else { return nil }
    let entry = entries[index]
    let bytes = UnsafeRawBufferPointer(
      rebasing: scanner.bytes[Int(entry.start)..<Int(entry.end)])
    guard entry.kind == .number, let number = TapeFields.wholeNumber(bytes) else {
      let found =
        entry.kind == .number ? "'\(String(decoding: bytes, as: UTF8.self))'" : entry.kind.typeName
      throw FieldError(
        field: fieldPath(name), problem: .wrongType(expected: "a whole number", found: found))
    }
    guard range.contains(number) else {
      throw FieldError(
        field: fieldPath(name),
        problem: .invalidValue(
          "\(number) is out of range (\(range.lowerBound)…\(range.upperBound))"))
    }
    return number
  }

  /// A JSON number without fraction or exponent that fits in `Int`.
  static func wholeNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
    var index = 0
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { index = 1 }
    guard index < bytes.count else { return nil }
    var value = 0
    while index < bytes.count {
      let digit = bytes[index] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) =
        negative
        ? times.subtractingReportingOverflow(Int(digit)) : times.addingReportingOverflow(Int(digit))
      guard !overflowA && !overflowB else { return nil }
      value = sum
      index += 1
    }
    return value
  }

  mutating func optionalBool(_ name: FieldName) throws(FieldError) -> Bool? {
    guard let index = value(name) else { return nil }
    switch entries[index].kind {
    case .trueValue: return true
    case .falseValue: return false
    default:
      throw FieldError(
        field: fieldPath(name),
        problem: .wrongType(expected: "true or false", found: entries[index].kind.typeName))
    }
  }

  mutating func choice<T: RawRepresentable & CaseIterable>(
    _ name: FieldName, as type: T.Type
  ) throws(FieldError) -> T where T.RawValue == String {
    let text = try string(name)
    guard let choice = T(rawValue: text) else {
      throw FieldError(
        field: fieldPath(name),
        problem: .invalidValue(
          "'\(text)' is not one of: " + T.allCases.map(\.rawValue).joined(separator: ", ")))
    }
    return choice
  }

  mutating func choices<T: RawRepresentable & CaseIterable>(
    _ name: FieldName, as type: T.Type
  ) throws(FieldError) -> [T] where T.RawValue == String {
    var result: [T] = []
    for (position, text) in try strings(name, required: true).enumerated() {
      guard let choice = T(rawValue: text) else {
        throw FieldError(
          field: "\(fieldPath(name))[\(position)]",
          problem: .invalidValue(
            "'\(text)' is not one of: " + T.allCases.map(\.rawValue).joined(separator: ", ")))
      }
      result.append(choice)
    }
    return result
  }

  /// The text of an object or array value, as it is in the line.
  func rawValue(_ index: Int) -> UnsafeRawBufferPointer {
    let entry = entries[index]
    return UnsafeRawBufferPointer(rebasing: scanner.bytes[Int(entry.start)..<Int(entry.end)])
  }

  /// A nested object's fields, unless the key is absent or `null`.
  mutating func nested(_ name: FieldName) throws(FieldError) -> TapeFields? {
    guard let index = value(name) else { return nil }
    guard entries[index].kind == .object else {
      throw FieldError(
        field: fieldPath(name),
        problem: .wrongType(expected: "an object", found: entries[index].kind.typeName))
    }
    assert(parent == .unknown, "the log's objects nest one level at most")
    return TapeFields(entries: entries, scanner: scanner, object: index, parent: name)
  }

  /// Fails on the first member, in line order, that nobody read.
  func finish() throws(FieldError) {
    var cursor = object + 1
    let end = Int(entries[object].next)
    while cursor < end {
      let key = entries[cursor]
      if key.name == .unknown || read & key.name.bit == 0 {
        let name = text(cursor)
        throw FieldError(
          field: path.isEmpty ? name : "\(path).\(name)", problem: .unknownField)
      }
      cursor = Int(entries[cursor + 1].next)
    }
  }

  private func checkString(_ index: Int, _ name: FieldName) throws(FieldError) -> Int {
    let entry = entries[index]
    guard entry.kind == .string else {
      throw FieldError(
        field: fieldPath(name),
        problem: .wrongType(expected: "a string", found: entry.kind.typeName))
    }
    guard entry.end > entry.start else {
      throw FieldError(field: fieldPath(name), problem: .invalidValue("must not be empty"))
    }
    return index
  }

  /// Ids are 1–128 of `A–Z a–z 0–9 - _ .` (escapes allowed, if they stand for those).
  private func checkIdentifier(_ index: Int, _ name: FieldName) throws(FieldError) {
    let valid = withBytes(index, IdentifierSyntax.isValid)
    guard valid else {
      throw FieldError(
        field: fieldPath(name),
        problem: .invalidValue(
          "'\(text(index))' is not an id: use letters, digits, '-', '_' and '.' (at most 128)"))
    }
  }
}
