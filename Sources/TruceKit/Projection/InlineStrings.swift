/// A short list of strings that holds none or one without allocating: most cited values in a
/// fold have one source and one event, and two arrays for each of them were a quarter of the
/// fold's allocations.
///
/// A list of two or more is an array. The same list always has the same form (one string is
/// never kept as an array of one), so the synthesized equality and hashing compare lists.
struct InlineStrings: Hashable, Sendable {
  private enum Storage: Hashable, Sendable {
    case none
    case one(String)
    case many([String])
  }

  private var storage: Storage

  /// A list of these strings.
  init(_ strings: [String]) {
    switch strings.count {
    case 0: storage = .none
    case 1: storage = .one(strings[0])
    default: storage = .many(strings)
    }
  }

  /// A list of one string.
  init(_ string: String) {
    storage = .one(string)
  }

  /// The strings, in order.
  var array: [String] {
    switch storage {
    case .none: []
    case .one(let string): [string]
    case .many(let strings): strings
    }
  }

  /// Whether the list holds this string.
  func contains(_ string: String) -> Bool {
    switch storage {
    case .none: false
    case .one(let held): held == string
    case .many(let strings): strings.contains(string)
    }
  }

  /// Adds a string at the end.
  mutating func append(_ string: String) {
    switch storage {
    case .none: storage = .one(string)
    case .one(let held): storage = .many([held, string])
    case .many(var strings):
      // Let go of the stored array first, so that the append does not copy it.
      storage = .none
      strings.append(string)
      storage = .many(strings)
    }
  }
}
