import Glibc

/// Reads an event's common fields from a line's tape, in the order the log's rules check them,
/// recording the rules that depend on earlier lines as ``ContextCheck``s.
///
/// The type-specific fields are read in `EventReader+Payload.swift`.
struct EventReader {
  /// The areas the header declares.
  let areas: AreaRegistry
  /// Cached zone rules, for resolving local times fast.
  var resolver = ZoneResolver()
  /// Shares the storage of strings that repeat from line to line.
  var interner = StringInterner()
  /// Sources read before, by their text: most lines name one of a few.
  private var sources = RawValueCache<Source>()
  /// Lists of announcers read before, by their text.
  private var announcerLists = RawValueCache<[String]>()
  /// Where areas named before are in the registry, by the bytes of their id.
  private var areaPositions = RawValueCache<Int>()
  /// The checks recorded for the line being read.
  var checks: [ContextCheck] = []
  /// The ids of the header's areas, for the error that names them.
  private let declaredAreas: String

  init(areas: AreaRegistry) {
    self.areas = areas
    declaredAreas = areas.areas.map(\.id).joined(separator: ", ")
  }

  /// Reads the event the line holds.
  mutating func event(_ fields: inout TapeFields, line: Int) throws(FieldError) -> Event {
    guard let seq = try fields.optionalInt(.seq, in: 1...Int.max) else {
      throw FieldError(field: "seq", problem: .missingField)
    }
    let id = try fields.identifier(.id)
    let typeIndex = try fields.stringIndex(.type)
    guard let type = fields.withBytes(typeIndex, EventReader.eventType) else {
      throw FieldError(field: "type", problem: .unknownType(fields.text(typeIndex)))
    }
    let areaPosition = try self.areaPosition(&fields)
    let zone = areas.areas[areaPosition].zone
    let announced = try time(.announced, &fields, zone)
    let reported = try time(.reported, &fields, zone)
    guard var recordedFields = try fields.nested(.recorded) else {
      throw FieldError(field: "recorded", problem: .missingField)
    }
    let recorded = try time(.at, &recordedFields, zone)
    let recordedBy = try shared(.by, &recordedFields)
    try recordedFields.finish()
    let announcedBy = try self.announcedBy(&fields)
    let source = try self.source(&fields)
    let note = try fields.optionalString(.note)
    let disputes = try sharedStrings(.disputes, &fields)
    let sameAnnouncementAs = try sharedStrings(.sameAnnouncementAs, &fields)
    // Each list on its own, not a list of the two: that was an array allocated for every line.
    try checkLinks(disputes, named: "disputes", from: id)
    try checkLinks(sameAnnouncementAs, named: "sameAnnouncementAs", from: id)
    // The hash of the line before, parsed here (on every core) rather than when the chain is
    // checked line by line.
    let link = try fields.optionalStringIndex(.prev).map { index in
      fields.withBytes(index) { bytes in
        SHA256Digest(lowercaseHex: bytes).map(ChainLink.digest)
          ?? .text(String(decoding: bytes, as: UTF8.self))
      }
    }
    // Most lines link to nothing: `+` would copy the first list all the same.
    let links =
      sameAnnouncementAs.isEmpty
      ? disputes : disputes.isEmpty ? sameAnnouncementAs : disputes + sameAnnouncementAs
    let payload = try self.payload(type, &fields, zone: zone, links: links)
    try fields.finish()
    return Event(
      seq: seq, id: id, type: type, announced: announced, reported: reported,
      recorded: recorded, recordedBy: recordedBy, announcedBy: announcedBy,
      area: areas.areas[areaPosition].id,
      source: source, note: note, disputes: disputes, sameAnnouncementAs: sameAnnouncementAs,
      link: link, payload: payload, line: line)
  }

  /// Rejects a list of linked events (`disputes`, `sameAnnouncementAs`) that names the event
  /// itself, and records that each event it names must exist.
  private mutating func checkLinks(_ ids: [String], named name: String, from id: String)
    throws(FieldError)
  {
    guard !ids.isEmpty else { return }
    if let index = ids.firstIndex(of: id) {
      throw FieldError(
        field: "\(name)[\(index)]", problem: .invalidValue("an event cannot refer to itself"))
    }
    for (index, other) in ids.enumerated() {
      checks.append(.linkedEventExists(field: "\(name)[\(index)]", id: other))
    }
  }

  /// Where the event's area is among the header's areas.
  private mutating func areaPosition(_ fields: inout TapeFields) throws(FieldError) -> Int {
    let index = try fields.identifierIndex(.area)
    if let known = fields.withBytes(index, { areaPositions.value(for: $0) }) { return known }
    let id = fields.text(index)
    guard let position = areas.position(ofID: id) else {
      throw FieldError(
        field: "area",
        problem: .unknownReference(
          "area '\(id)' is not declared in the header (declared: \(declaredAreas))"))
    }
    fields.withBytes(index) { areaPositions.store(position, for: $0) }
    return position
  }

  /// `announcedBy`, shared with earlier lines that give the same list.
  private mutating func announcedBy(_ fields: inout TapeFields) throws(FieldError) -> [String] {
    guard let index = fields.find(.announcedBy), fields.entries[index].kind == .array else {
      return try sharedStrings(.announcedBy, &fields, required: true)
    }
    let text = fields.rawValue(index)
    if let known = announcerLists.value(for: text) {
      _ = fields.value(.announcedBy)
      return known
    }
    let announcers = try sharedStrings(.announcedBy, &fields, required: true)
    announcerLists.store(announcers, for: text)
    return announcers
  }

  /// `source`, shared with earlier lines that give the same object.
  private mutating func source(_ fields: inout TapeFields) throws(FieldError) -> Source {
    guard let index = fields.find(.source), fields.entries[index].kind == .object else {
      return try readSource(&fields)
    }
    let text = fields.rawValue(index)
    if let known = sources.value(for: text) {
      _ = fields.value(.source)
      return known
    }
    let source = try readSource(&fields)
    sources.store(source, for: text)
    return source
  }

  private mutating func readSource(_ fields: inout TapeFields) throws(FieldError) -> Source {
    guard var sourceFields = try fields.nested(.source) else {
      throw FieldError(field: "source", problem: .missingField)
    }
    let source = Source(
      publication: try sharedOptional(.publication, &sourceFields),
      headline: try sharedOptional(.headline, &sourceFields),
      seed: try sharedOptional(.seed, &sourceFields),
      quote: try sourceFields.optionalString(.quote),
      url: try sourceFields.optionalString(.url))
    try sourceFields.finish()
    if source.publication == nil && source.headline == nil && source.seed == nil
      && source.url == nil
    {
      throw FieldError(
        field: "source",
        problem: .invalidValue("name at least one of publication, headline, seed, url"))
    }
    return source
  }

  /// A required time, resolved in the area's zone.
  mutating func time(_ name: FieldName, _ fields: inout TapeFields, _ zone: Zone?)
    throws(FieldError) -> Stamp
  {
    try stamp(fields.stringIndex(name), name, &fields, zone)
  }

  /// An optional time, resolved in the area's zone.
  mutating func optionalTime(_ name: FieldName, _ fields: inout TapeFields, _ zone: Zone?)
    throws(FieldError) -> Stamp?
  {
    guard let index = try fields.optionalStringIndex(name) else { return nil }
    return try stamp(index, name, &fields, zone)
  }

  private mutating func stamp(
    _ index: Int, _ name: FieldName, _ fields: inout TapeFields, _ zone: Zone?
  ) throws(FieldError) -> Stamp {
    do {
      let spec = try fields.withBytes(index) { bytes throws(TimeSpecError) in
        try TimeTextScanner.parse(bytes)
      }
      return Stamp(spec: spec, range: try resolver.resolve(spec, in: zone))
    } catch {
      throw FieldError(field: fields.fieldPath(name), problem: .time(error))
    }
  }

  /// A required string that often repeats (a party, a publication), sharing its storage.
  mutating func shared(_ name: FieldName, _ fields: inout TapeFields) throws(FieldError) -> String {
    let index = try fields.stringIndex(name)
    return fields.withBytes(index) { interner.intern($0) }
  }

  /// An optional string that often repeats, sharing its storage.
  mutating func sharedOptional(_ name: FieldName, _ fields: inout TapeFields) throws(FieldError)
    -> String?
  {
    guard let index = try fields.optionalStringIndex(name) else { return nil }
    return fields.withBytes(index) { interner.intern($0) }
  }

  /// An array of strings that often repeat, sharing their storage.
  mutating func sharedStrings(
    _ name: FieldName, _ fields: inout TapeFields, required: Bool = false
  ) throws(FieldError) -> [String] {
    try fields.strings(name, required: required) { interner.intern($0) }
  }

  /// The event type a `type` value names.
  private static func eventType(_ bytes: UnsafeRawBufferPointer) -> EventType? {
    guard let base = bytes.baseAddress else { return nil }
    for (type, name) in typeNames where name.count == bytes.count {
      if name.withUnsafeBytes({ $0.baseAddress.map { memcmp($0, base, bytes.count) == 0 } ?? false }
      ) {
        return type
      }
    }
    return nil
  }

  /// Each event type with its name's bytes.
  private static let typeNames: [(EventType, [UInt8])] = EventType.allCases.map {
    ($0, Array($0.rawValue.utf8))
  }
}
