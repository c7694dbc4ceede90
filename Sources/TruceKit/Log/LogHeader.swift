/// The first line of a log: its format, version and the areas it speaks of.
public struct LogHeader: Sendable {
  /// The format name every log carries.
  public static let formatName = "truce-event-log"
  /// The format version this tool reads and writes.
  public static let currentVersion = 1

  /// The format version of the file.
  public var version: Int
  /// A title for the log, if given.
  public var title: String?
  /// The areas, with their nesting and zones.
  public var areas: AreaRegistry

  /// Creates a header.
  public init(version: Int = LogHeader.currentVersion, title: String? = nil, areas: AreaRegistry) {
    self.version = version
    self.title = title
    self.areas = areas
  }

  /// Reads the header from the first line's JSON.
  static func decode(_ value: JSONValue) throws(FieldError)
    -> LogHeader
  {
    guard case .object(let object) = value, object["format"] != nil else {
      throw FieldError(field: nil, problem: .missingHeader)
    }
    var reader = FieldReader(object)
    let format = try reader.string("format")
    guard format == formatName else {
      throw FieldError(
        field: "format", problem: .unsupportedFormat("'\(format)', expected '\(formatName)'"))
    }
    guard let version = try reader.optionalInt("version", in: 0...Int.max) else {
      throw FieldError(field: "version", problem: .missingField)
    }
    guard version == currentVersion else {
      throw FieldError(
        field: "version",
        problem: .unsupportedFormat("version \(version); this tool reads version \(currentVersion)")
      )
    }
    let title = try reader.optionalString("title")
    let areaValues = try reader.required("areas")
    guard case .array(let items) = areaValues, !items.isEmpty else {
      throw FieldError(field: "areas", problem: .invalidValue("must be a non-empty array of areas"))
    }
    var registry = AreaRegistry()
    for (index, item) in items.enumerated() {
      let path = "areas[\(index)]"
      var area = try FieldReader(item, path: path)
      let id = try area.identifier("id")
      let name = try area.string("name")
      let aliases = try area.strings("aliases")
      let parent = try area.optionalIdentifier("parent")
      let zoneName = try area.string("zone")
      guard let zone = Zone(identifier: zoneName) else {
        throw FieldError(
          field: "\(path).zone",
          problem: .invalidValue(ZoneDatabase.refusal(of: zoneName)))
      }
      try area.finish()
      do {
        try registry.declare(Area(id: id, name: name, aliases: aliases, parent: parent, zone: zone))
      } catch {
        throw FieldError(field: path, problem: .invalidValue(error.description))
      }
    }
    try reader.finish()
    return LogHeader(version: version, title: title, areas: registry)
  }
}
