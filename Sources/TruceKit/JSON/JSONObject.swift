/// An ordered JSON object: keys are unique and keep their insertion order.
///
/// Iterating an object yields its `(key, value)` members in order, and serialization writes them
/// in that order, which keeps output deterministic. Lookups scan the members linearly while the
/// object is small and use a hash index once it grows past a few members.
///
/// Two objects are equal only when they hold equal members in the same order. Keys are compared
/// with Swift's `String` equality, which treats canonically equivalent spellings (such as a
/// precomposed `é` and `e` followed by a combining accent) as the same key.
public struct JSONObject: Sendable {
  /// A member of the object: a key and its value.
  ///
  /// Iterating an object yields these tuples in order.
  public typealias Element = (key: String, value: JSONValue)

  /// A stored member: a struct rather than a tuple, because structs copy faster.
  struct Member {
    var key: String
    var value: JSONValue
  }

  /// Objects with more members than this keep a hash index for lookups.
  static let linearSearchLimit = 12

  /// The members, in order.
  private(set) var entries: [Member] = []
  private var index: [String: Int]?

  /// Creates an empty object.
  ///
  /// Add members with the key subscript; they keep the order in which they were added.
  public init() {}

  /// Creates an object from key-value pairs, keeping their order.
  ///
  /// The keys must be unique; a duplicate key is a programming error and stops execution.
  ///
  /// - Parameters:
  ///   - pairs: The members, in order.
  public init(_ pairs: [(String, JSONValue)]) {
    entries.reserveCapacity(pairs.count)
    for (key, value) in pairs {
      precondition(position(of: key) == nil, "duplicate key '\(key)' in JSONObject")
      appendNew(key: key, value: value)
    }
  }

  /// Accesses the value for a key.
  ///
  /// Reading returns `nil` when the key is absent. Assigning a value to an existing key replaces
  /// it in place, keeping the member's position; assigning to a new key appends the member at
  /// the end; assigning `nil` removes the member and keeps the order of the others.
  ///
  /// - Parameters:
  ///   - key: The member's key.
  /// - Returns: The member's value, or `nil` when the object has no such key.
  public subscript(key: String) -> JSONValue? {
    get {
      guard let found = position(of: key) else { return nil }
      return entries[found].value
    }
    set {
      if let found = position(of: key) {
        if let newValue {
          entries[found].value = newValue
        } else {
          entries.remove(at: found)
          rebuildIndex()
        }
      } else if let newValue {
        appendNew(key: key, value: newValue)
      }
    }
  }

  /// The keys of the object, in order.
  ///
  /// The array is built on each access; iterate the object itself to visit keys and values.
  public var keys: [String] {
    entries.map(\.key)
  }

  /// The values of the object, in the order of their keys.
  ///
  /// The array is built on each access; iterate the object itself to visit keys and values.
  public var values: [JSONValue] {
    entries.map(\.value)
  }

  /// The number of members in the object.
  ///
  /// This is constant time.
  public var count: Int {
    entries.count
  }

  /// A Boolean value that tells whether the object has no members.
  ///
  /// This is constant time.
  public var isEmpty: Bool {
    entries.isEmpty
  }

  /// Creates an object from members whose keys the caller knows to be unique.
  init(uniqueEntries: some Collection<Member>) {
    entries = Array(uniqueEntries)
    rebuildIndex()
  }

  /// Returns the position of a key among the members, or `nil` when it is absent.
  func position(of key: String) -> Int? {
    if let index { return index[key] }
    for offset in entries.indices where entries[offset].key == key {
      return offset
    }
    return nil
  }

  /// Appends a member whose key the caller knows to be absent.
  mutating func appendNew(key: String, value: JSONValue) {
    if index != nil {
      index?[key] = entries.count
    } else if entries.count >= Self.linearSearchLimit {
      var built = [String: Int](minimumCapacity: entries.count * 2)
      for (offset, entry) in entries.enumerated() { built[entry.key] = offset }
      built[key] = entries.count
      index = built
    }
    entries.append(Member(key: key, value: value))
  }

  private mutating func rebuildIndex() {
    guard entries.count > Self.linearSearchLimit else {
      index = nil
      return
    }
    var built = [String: Int](minimumCapacity: entries.count)
    for (offset, entry) in entries.enumerated() { built[entry.key] = offset }
    index = built
  }
}

extension JSONObject: Sequence {
  /// An iterator over the members of an object, in order.
  ///
  /// Get one from ``JSONObject/makeIterator()``, or simply iterate the object with `for`-`in`.
  public struct Iterator: IteratorProtocol {
    var base: IndexingIterator<[Member]>

    /// Returns the next member, or `nil` after the last one.
    ///
    /// Members come in insertion order.
    ///
    /// - Returns: The next `(key, value)` pair, or `nil` when there are no more.
    public mutating func next() -> Element? {
      guard let member = base.next() else { return nil }
      return (key: member.key, value: member.value)
    }
  }

  /// Returns an iterator over the members of the object, in order.
  ///
  /// Each element is a `(key: String, value: JSONValue)` tuple.
  ///
  /// - Returns: An iterator that yields the members in insertion order.
  public func makeIterator() -> Iterator {
    Iterator(base: entries.makeIterator())
  }

  /// The number of members, which is exact for an object.
  ///
  /// Sequence algorithms use this to reserve capacity.
  public var underestimatedCount: Int {
    entries.count
  }
}

extension JSONObject: Equatable {
  /// Returns whether two objects hold equal members in the same order.
  ///
  /// Objects with the same members in a different order are not equal.
  ///
  /// - Parameters:
  ///   - lhs: An object.
  ///   - rhs: Another object.
  /// - Returns: `true` when both objects have the same keys and values in the same order.
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.entries.count == rhs.entries.count else { return false }
    for (left, right) in zip(lhs.entries, rhs.entries)
    where left.key != right.key || left.value != right.value {
      return false
    }
    return true
  }
}

extension JSONObject: Hashable {
  /// Hashes the members of the object, in order.
  ///
  /// This is consistent with equality: equal objects hash equally.
  ///
  /// - Parameters:
  ///   - hasher: The hasher to feed.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(entries.count)
    for entry in entries {
      hasher.combine(entry.key)
      hasher.combine(entry.value)
    }
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  /// Creates an object from a dictionary literal, keeping the literal's order.
  ///
  /// The keys must be unique; a duplicate key is a programming error and stops execution.
  ///
  /// - Parameters:
  ///   - elements: The literal's key-value pairs, in order.
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    self.init(elements)
  }
}
