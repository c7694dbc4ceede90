/// Builds a ``JSONValue`` from the values written into it.
struct JSONTreeBuilder: JSONBuilding {
  /// A container being filled.
  private enum Open {
    case object(JSONObject, key: String?)
    case array([JSONValue])
  }

  private var open: [Open] = []
  /// The root, once written.
  private(set) var value: JSONValue = .null

  init() {}

  /// The tree `body` writes.
  static func build(_ body: (inout JSONTreeBuilder) -> Void) -> JSONValue {
    var builder = JSONTreeBuilder()
    body(&builder)
    return builder.value
  }

  private mutating func add(_ element: JSONValue) {
    // Taken off the stack while it changes, so that its storage is not copied.
    guard let top = open.popLast() else {
      value = element
      return
    }
    switch top {
    case .object(var object, let key):
      // As the text writer would write them: each member once, after its key.
      guard let key, object[key] == nil else {
        preconditionFailure("an object's members each follow a key of their own")
      }
      object[key] = element
      open.append(.object(object, key: nil))
    case .array(var elements):
      elements.append(element)
      open.append(.array(elements))
    }
  }

  mutating func beginObject() { open.append(.object(JSONObject(), key: nil)) }

  mutating func endObject() {
    guard case .object(let object, _)? = open.popLast() else {
      preconditionFailure("an object ends only after it began")
    }
    add(.object(object))
  }

  mutating func beginArray() { open.append(.array([])) }

  mutating func endArray() {
    guard case .array(let elements)? = open.popLast() else {
      preconditionFailure("an array ends only after it began")
    }
    add(.array(elements))
  }

  mutating func key(_ key: String) {
    guard case .object(let object, _)? = open.popLast() else {
      preconditionFailure("a key is written inside an object")
    }
    open.append(.object(object, key: key))
  }

  mutating func string(_ value: String) { add(.string(value)) }
  mutating func number(_ text: String) { add(.number(text)) }
  mutating func bool(_ value: Bool) { add(.bool(value)) }
  mutating func null() { add(.null) }
}
