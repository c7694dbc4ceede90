/// One area of a generated history.
struct GeneratedArea: Sendable {
  let id: String
  let name: String
  /// The index of the area it lies in.
  let parent: Int?
  let zone: Zone
  /// The index of its country among the theatres.
  let theatre: Int
  /// Its own index and those of the areas inside it, at any depth.
  var within: [Int] = []
}

/// The areas of a generated history: a few countries, regions inside them, cities inside those,
/// and numbered districts when more areas are asked for than the catalogue holds.
struct GeneratedAreas: Sendable {
  /// Every area, parents before children: the header's order.
  private(set) var areas: [GeneratedArea] = []
  /// The countries, each with the indices of its areas.
  private(set) var theatres: [(profile: CountryProfile, areas: [Int])] = []

  /// Picks `count` areas: about five countries for twelve areas, then their regions and cities
  /// in turn.
  ///
  /// - Throws: ``WriteError/input(_:)`` when a zone is missing from this system's tz database.
  init(count: Int) throws(WriteError) {
    let catalogue = CountryProfile.catalogue
    let countries = min(catalogue.count, max(1, count * 5 / 12))
    var indexByID: [String: Int] = [:]
    for (theatre, profile) in catalogue.prefix(countries).enumerated() {
      indexByID[profile.id] = areas.count
      theatres.append((profile, [areas.count]))
      areas.append(
        GeneratedArea(
          id: profile.id, name: profile.name, parent: nil, zone: try Self.zone(profile.zone),
          theatre: theatre))
    }
    var next = Array(repeating: 0, count: countries)
    var theatre = 0
    while areas.count < count && next.contains(where: { $0 >= 0 }) {
      defer { theatre = (theatre + 1) % countries }
      let profile = theatres[theatre].profile
      guard next[theatre] >= 0 else { continue }
      guard next[theatre] < profile.places.count else {
        next[theatre] = -1
        continue
      }
      let place = profile.places[next[theatre]]
      next[theatre] += 1
      let parent = indexByID[place.parent ?? profile.id]
      indexByID[place.id] = areas.count
      add(
        id: place.id, name: place.name, parent: parent,
        zone: try Self.zone(place.zone ?? profile.zone), theatre: theatre)
    }
    let hosts = areas.indices.filter { areas[$0].parent != nil }
    var district = 1
    while areas.count < count {
      for host in hosts.isEmpty ? Array(areas.indices) : hosts where areas.count < count {
        let area = areas[host]
        add(
          id: "\(area.id)-d\(district)", name: "\(area.name) district \(district)", parent: host,
          zone: area.zone, theatre: area.theatre)
      }
      district += 1
    }
    for index in areas.indices.reversed() {
      areas[index].within.insert(index, at: 0)
      if let parent = areas[index].parent {
        areas[parent].within.append(contentsOf: areas[index].within)
      }
    }
  }

  private mutating func add(id: String, name: String, parent: Int?, zone: Zone, theatre: Int) {
    theatres[theatre].areas.append(areas.count)
    areas.append(GeneratedArea(id: id, name: name, parent: parent, zone: zone, theatre: theatre))
  }

  private static func zone(_ identifier: String) throws(WriteError) -> Zone {
    guard let zone = Zone(identifier: identifier) else {
      throw .input("cannot generate: " + ZoneDatabase.refusal(of: identifier))
    }
    return zone
  }

  /// The distinct zones, in the order the areas first use them.
  var zones: [String] {
    var seen: [String] = []
    for area in areas where !seen.contains(area.zone.identifier) {
      seen.append(area.zone.identifier)
    }
    return seen
  }

  /// The log's header line, as a JSON object.
  func header(title: String) -> JSONObject {
    let list: [JSONValue] = areas.map { area in
      var object: JSONObject = ["id": .string(area.id), "name": .string(area.name)]
      if let parent = area.parent { object["parent"] = .string(areas[parent].id) }
      object["zone"] = .string(area.zone.identifier)
      return .object(object)
    }
    return [
      "format": .string(LogHeader.formatName), "version": .int(LogHeader.currentVersion),
      "title": .string(title), "areas": .array(list),
    ]
  }
}
