/// Writes a log's areas: an indented tree for people, a list for scripts.
public struct AreasRenderer: Sendable {
  /// The schema of the JSON output.
  public static let schema = "truce.areas/1"
  /// The areas.
  public var areas: AreaRegistry

  /// Creates a renderer.
  public init(areas: AreaRegistry) {
    self.areas = areas
  }

  /// An aligned tree: id, name, zone and aliases, children indented under their parents.
  public func text() -> String {
    var table = TextTable()
    table.add(["AREA", "NAME", "ZONE", "ALIASES"])
    func visit(_ area: Area, depth: Int) {
      table.add([
        String(repeating: "  ", count: depth) + area.id, area.name, area.zone.identifier,
        area.aliases.joined(separator: ", "),
      ])
      for child in areas.areas where child.parent == area.id { visit(child, depth: depth + 1) }
    }
    for root in areas.areas where root.parent == nil { visit(root, depth: 0) }
    return table.rendered().joined(separator: "\n") + "\n"
  }

  /// The areas as `truce.areas/1` JSON.
  public func json() -> String {
    let list = areas.areas.map { area -> JSONValue in
      .object([
        "id": .string(area.id), "name": .string(area.name),
        "aliases": .array(area.aliases.map { .string($0) }),
        "parent": area.parent.map { .string($0) } ?? .null, "zone": .string(area.zone.identifier),
      ])
    }
    return JSONValue.object(["schema": .string(AreasRenderer.schema), "areas": .array(list)])
      .serialized(pretty: true) + "\n"
  }
}
