/// A list that holds none or one element without an array of its own.
///
/// Most lists of sources and events in a projection hold one: a cited value's, a dispute
/// version's. An array of one costs an allocation and its header (32 bytes, then the allocator's
/// rounding) and, with a million events, hundreds of thousands of them.
///
/// It pays where the list is small, as these lists of strings (17 bytes against 8 for an
/// array); a boundary's reports (80 bytes each) were tried inline and held 10 MB less at a million
/// events, but touched 20 MB more while folding, with the tracks and drafts that much longer.
///
/// Two or more elements are kept in an array. The same list always has the same form (one element
/// is never kept as an array of one), and lists compare and hash element by element, as arrays do.
struct SmallList<Element> {
  fileprivate enum Storage {
    case none
    case one(Element)
    case many([Element])
  }

  private var storage: Storage

  /// An empty list.
  init() {
    storage = .none
  }

  /// A list of these elements, in order.
  init(_ elements: [Element]) {
    switch elements.count {
    case 0: storage = .none
    case 1: storage = .one(elements[0])
    default: storage = .many(elements)
    }
  }

  /// A list of one element.
  init(one element: Element) {
    storage = .one(element)
  }

  /// The elements, in order, as an array.
  var array: [Element] {
    switch storage {
    case .none: []
    case .one(let element): [element]
    case .many(let elements): elements
    }
  }

  /// Adds an element at the end.
  mutating func append(_ element: Element) {
    switch storage {
    case .none: storage = .one(element)
    case .one(let held): storage = .many([held, element])
    case .many(var elements):
      // Let go of the stored array first, so that the append does not copy it.
      storage = .none
      elements.append(element)
      storage = .many(elements)
    }
  }
}

extension SmallList: RandomAccessCollection {
  var startIndex: Int { 0 }

  var endIndex: Int {
    switch storage {
    case .none: 0
    case .one: 1
    case .many(let elements): elements.count
    }
  }

  subscript(position: Int) -> Element {
    switch storage {
    case .one(let element) where position == 0: return element
    case .many(let elements): return elements[position]
    default: preconditionFailure("index \(position) out of range of a list of \(count)")
    }
  }
}

extension SmallList: ExpressibleByArrayLiteral {
  init(arrayLiteral elements: Element...) {
    self.init(elements)
  }
}

extension SmallList: Equatable where Element: Equatable {
  static func == (lhs: SmallList, rhs: SmallList) -> Bool {
    lhs.elementsEqual(rhs)
  }
}

extension SmallList: Hashable where Element: Hashable {
  func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for element in self { hasher.combine(element) }
  }
}

extension SmallList where Element: Equatable {
  /// Whether the list holds this element (without the collection's walk by index).
  func contains(_ element: Element) -> Bool {
    switch storage {
    case .none: false
    case .one(let held): held == element
    case .many(let elements): elements.contains(element)
    }
  }
}

extension SmallList: Sendable where Element: Sendable {}

extension SmallList.Storage: Sendable where Element: Sendable {}

extension SmallList: CustomStringConvertible {
  var description: String { array.description }
}
