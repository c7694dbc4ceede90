/// Something JSON is built into, value by value in document order: a tree
/// (``JSONTreeBuilder``) or text written straight out (``JSONTextWriter``).
///
/// A shape written once against this protocol gives both: the tree for code that works on
/// values, and the text, without building the tree, for output.
///
/// Inside an object, each value is preceded by its ``key(_:)``, and no key comes twice; inside
/// an array, values follow one another. A value written outside any container is the
/// document's root.
protocol JSONBuilding {
  mutating func beginObject()
  mutating func endObject()
  mutating func beginArray()
  mutating func endArray()
  /// The key of the object member whose value comes next.
  mutating func key(_ key: String)
  mutating func string(_ value: String)
  /// A number, as valid JSON number text.
  mutating func number(_ text: String)
  mutating func int(_ value: Int)
  mutating func bool(_ value: Bool)
  mutating func null()
}

extension JSONBuilding {
  mutating func int(_ value: Int) { number(String(value)) }

  /// An object whose members `body` writes.
  mutating func object(_ body: (inout Self) -> Void) {
    beginObject()
    body(&self)
    endObject()
  }

  /// An array of one value per element, each written by `body`.
  mutating func array<Elements: Sequence>(
    _ elements: Elements, _ body: (inout Self, Elements.Element) -> Void
  ) {
    beginArray()
    for element in elements { body(&self, element) }
    endArray()
  }

  /// An array of strings.
  mutating func strings<Elements: Sequence<String>>(_ elements: Elements) {
    array(elements) { $0.string($1) }
  }

  /// A string, or `null` when there is none.
  mutating func string(orNull value: String?) {
    if let value { string(value) } else { null() }
  }

  /// An object member whose value is a string, or `null` when there is none.
  mutating func member(_ key: String, _ value: String?) {
    self.key(key)
    string(orNull: value)
  }

  /// An object member whose value is a number.
  mutating func member(_ key: String, _ value: Int) {
    self.key(key)
    int(value)
  }

  /// An object member whose value is `true` or `false`.
  mutating func member(_ key: String, _ value: Bool) {
    self.key(key)
    bool(value)
  }

  /// An object member whose value is an array of strings.
  mutating func member<Elements: Sequence<String>>(_ key: String, strings: Elements) {
    self.key(key)
    self.strings(strings)
  }

  /// Writes a value built as a tree.
  mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .number(let text): number(text)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let object):
      beginObject()
      for member in object.entries {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }
}
