/// Turns one JSON line into an ``Event``, checking every field and every reference against what
/// the log has declared so far.
struct EventDecoder {
  let areas: AreaRegistry
  let known: DeclaredIDs

  func decode(_ object: JSONObject, line: Int) throws(FieldError) -> Event {
    var reader = FieldReader(object)
    guard let seq = try reader.optionalInt("seq", in: 1...Int.max) else {
      throw FieldError(field: "seq", problem: .missingField)
    }
    let id = try reader.identifier("id")
    let typeText = try reader.string("type")
    guard let type = EventType(rawValue: typeText) else {
      throw FieldError(field: "type", problem: .unknownType(typeText))
    }
    let areaID = try reader.identifier("area")
    guard let area = areas[areaID] else {
      throw FieldError(
        field: "area",
        problem: .unknownReference(
          "area '\(areaID)' is not declared in the header (declared: "
            + areas.areas.map(\.id).joined(separator: ", ") + ")"))
    }
    let zone = area.zone
    let announced = try reader.time("announced", zone: zone)
    let reported = try reader.time("reported", zone: zone)
    guard var recordedReader = try reader.nested("recorded") else {
      throw FieldError(field: "recorded", problem: .missingField)
    }
    let recorded = try recordedReader.time("at", zone: zone)
    let recordedBy = try recordedReader.string("by")
    try recordedReader.finish()
    let announcedBy = try reader.strings("announcedBy", required: true)
    guard var sourceReader = try reader.nested("source") else {
      throw FieldError(field: "source", problem: .missingField)
    }
    let source = Source(
      publication: try sourceReader.optionalString("publication"),
      headline: try sourceReader.optionalString("headline"),
      seed: try sourceReader.optionalString("seed"),
      quote: try sourceReader.optionalString("quote"),
      url: try sourceReader.optionalString("url"))
    try sourceReader.finish()
    if source.publication == nil && source.headline == nil && source.seed == nil
      && source.url == nil
    {
      throw FieldError(
        field: "source",
        problem: .invalidValue("name at least one of publication, headline, seed, url"))
    }
    let note = try reader.optionalString("note")
    let disputes = try reader.strings("disputes")
    let sameAnnouncementAs = try reader.strings("sameAnnouncementAs")
    for (key, ids) in [("disputes", disputes), ("sameAnnouncementAs", sameAnnouncementAs)] {
      if let index = ids.firstIndex(of: id) {
        throw FieldError(
          field: "\(key)[\(index)]", problem: .invalidValue("an event cannot refer to itself"))
      }
      for (index, other) in ids.enumerated() where !known.events.contains(other) {
        throw FieldError(
          field: "\(key)[\(index)]",
          problem: .unknownReference("no earlier event has id '\(other)'"))
      }
    }
    let prev = try reader.optionalString("prev")
    let links = Set(disputes + sameAnnouncementAs)
    let payload = try PayloadDecoder(known: known, zone: zone, links: links).decode(type, &reader)
    try reader.finish()
    return Event(
      seq: seq, id: id, type: type, announced: announced, reported: reported, recorded: recorded,
      recordedBy: recordedBy, announcedBy: announcedBy, area: areaID, source: source, note: note,
      disputes: disputes, sameAnnouncementAs: sameAnnouncementAs, prev: prev, payload: payload,
      line: line)
  }
}

/// The ids a log has declared so far, by kind, for checking references.
struct DeclaredIDs {
  var events: Set<String> = []
  /// Correction events, which no correction may target.
  var corrections: Set<String> = []
  /// Pauses, with the start their first declaration gives (if any).
  var pauses: [String: UncertainInstant?] = [:]
  /// Pauses suspended and not yet resumed, with when and by which event.
  var suspended: [String: (at: UncertainInstant, event: String)] = [:]
  /// Corridor groups, with the start their first report gives (if any).
  var corridors: [String: UncertainInstant?] = [:]
  var offensives: [String: UncertainInstant] = [:]
  var proposals: Set<String> = []

  /// Whether an id names any pause, corridor group, offensive or proposal.
  func isSubject(_ id: String) -> Bool {
    pauses[id] != nil || corridors[id] != nil || offensives[id] != nil || proposals.contains(id)
  }

  /// Records what an event declares.
  mutating func register(_ event: Event) {
    events.insert(event.id)
    switch event.payload {
    case .pauseDeclared(let declaration):
      if pauses[declaration.pause] == nil {
        pauses[declaration.pause] = .some(declaration.window.start?.range)
      }
    case .pauseSuspended(let pause, let at):
      if suspended[pause] == nil { suspended[pause] = (at.range, event.id) }
    case .pauseResumed(let pause, _): suspended[pause] = nil
    case .corridorOpened(let opening):
      if corridors[opening.corridor] == nil {
        corridors[opening.corridor] = .some(opening.window.start?.range)
      }
    case .offensiveLaunched(let launch):
      if offensives[launch.offensive] == nil { offensives[launch.offensive] = launch.at.range }
    case .proposal(let id, _, _, _): proposals.insert(id)
    case .erratum, .retraction: corrections.insert(event.id)
    default: break
    }
  }
}
