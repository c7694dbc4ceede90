/// A place the log speaks of, with its place in the nesting of areas and its time zone.
///
/// Areas nest: eastern Aleppo lies within Aleppo, within Aleppo province, within Syria. A question
/// about an area takes in what was declared for the areas inside it and around it.
public struct Area: Hashable, Sendable {
  /// The identifier events use, such as `aleppo`.
  public var id: String
  /// The name to show, such as "Aleppo".
  public var name: String
  /// Other names sources use ("east Aleppo"); matched without regard to case.
  public var aliases: [String]
  /// The identifier of the area this one lies within, if any.
  public var parent: String?
  /// The area's tz zone, which gives its local time.
  public var zone: Zone

  /// Creates an area.
  public init(id: String, name: String, aliases: [String] = [], parent: String? = nil, zone: Zone) {
    self.id = id
    self.name = name
    self.aliases = aliases
    self.parent = parent
    self.zone = zone
  }
}

/// The areas a log declares, in declaration order, with lookups by id, name or alias.
public struct AreaRegistry: Sendable {
  /// The areas in the order they were declared.
  public private(set) var areas: [Area] = []
  private var indexByID: [String: Int] = [:]
  /// For each id, name and alias in lower case, the first area that has it.
  private var indexByFoldedName: [String: Int] = [:]

  /// Creates an empty registry.
  public init() {}

  /// Adds an area; its parent must already be declared and its id and names must be new.
  ///
  /// - Throws: A human-readable reason when the area clashes with one already declared.
  public mutating func declare(_ area: Area) throws(RegistryError) {
    guard indexByID[area.id] == nil else { throw .duplicate("area '\(area.id)' is declared twice") }
    if let parent = area.parent, indexByID[parent] == nil {
      throw .unknownReference("parent area '\(parent)' is not declared before '\(area.id)'")
    }
    for name in [area.name] + area.aliases {
      if let clash = self.area(named: name) {
        throw .duplicate("name '\(name)' of area '\(area.id)' is already used by '\(clash.id)'")
      }
    }
    indexByID[area.id] = areas.count
    for name in [area.id, area.name] + area.aliases {
      let folded = name.lowercased()
      if indexByFoldedName[folded] == nil { indexByFoldedName[folded] = areas.count }
    }
    areas.append(area)
  }

  /// Where the area with this id is in ``areas``.
  func position(ofID id: String) -> Int? { indexByID[id] }

  /// The area with this id.
  public subscript(id: String) -> Area? {
    indexByID[id].map { areas[$0] }
  }

  /// The area with this id, name or alias, compared without regard to case.
  public func area(named text: String) -> Area? {
    if let area = self[text] { return area }
    return indexByFoldedName[text.lowercased()].map { areas[$0] }
  }

  /// The ids of an area and of every area it lies within, innermost first.
  public func lineage(of id: String) -> [String] {
    var chain: [String] = []
    var current: String? = id
    while let next = current, let area = self[next], !chain.contains(next) {
      chain.append(next)
      current = area.parent
    }
    return chain
  }

  /// Whether one area lies within the other, or they are the same.
  public func areRelated(_ first: String, _ second: String) -> Bool {
    lineage(of: first).contains(second) || lineage(of: second).contains(first)
  }

  /// How `other` relates to `area`: the same, inside it, or around it.
  public func relation(of other: String, to area: String) -> AreaRelation? {
    if other == area { return .same }
    if lineage(of: other).contains(area) { return .inside }
    if lineage(of: area).contains(other) { return .around }
    return nil
  }

  /// The distinct zones of all declared areas.
  public var zones: [Zone] {
    var seen: [Zone] = []
    for area in areas where !seen.contains(area.zone) { seen.append(area.zone) }
    return seen
  }
}

/// How one area relates to another.
public enum AreaRelation: String, Sendable {
  /// The very area asked about.
  case same
  /// An area inside the one asked about.
  case inside
  /// An area the one asked about lies within.
  case around
}

/// Why an area or identifier could not be registered.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
  /// An id or name is already taken.
  case duplicate(String)
  /// A reference to something not declared earlier.
  case unknownReference(String)

  public var description: String {
    switch self {
    case .duplicate(let message), .unknownReference(let message): return message
    }
  }
}
