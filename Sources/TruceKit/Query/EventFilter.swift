/// Which events a listing or a replay takes: by announcement time, knowledge, area, type and
/// who announced them.
public struct EventFilter: Sendable {
  /// Only events possibly announced at or after this instant.
  public var from: Instant?
  /// Only events possibly announced at or before this instant.
  public var to: Instant?
  /// Only events announced (or possibly announced) by this instant.
  public var asOf: Instant?
  /// Only events in this area, the areas inside it, or those around it.
  public var area: Area?
  /// Only events whose type is one of these, or starts with one of them followed by a dot
  /// (`pause` takes every `pause.…` type).
  public var types: [String]
  /// Only events one of whose announcers contains one of these as whole words, ignoring case
  /// (`US` takes "US officials" but not "Russia").
  public var actors: [String]

  /// Creates a filter; with no arguments it takes every event.
  public init(
    from: Instant? = nil, to: Instant? = nil, asOf: Instant? = nil, area: Area? = nil,
    types: [String] = [], actors: [String] = []
  ) {
    self.from = from
    self.to = to
    self.asOf = asOf
    self.area = area
    self.types = types
    self.actors = actors
  }

  /// Whether the filter takes an event.
  public func accepts(_ event: Event, areas: AreaRegistry) -> Bool {
    accepts(
      announced: event.announced.range, area: event.area, type: event.type,
      announcedBy: event.announcedBy, areas: areas)
  }

  /// Whether the filter takes an event with these fields: what ``accepts(_:areas:)`` reads, for
  /// a caller that reads them in place (passing a whole event read from a list copied it, with
  /// every reference it holds, first).
  func accepts(
    announced: UncertainInstant, area eventArea: String, type eventType: EventType,
    announcedBy: [String], areas: AreaRegistry
  ) -> Bool {
    if let from, let latest = announced.latest, latest < from { return false }
    if let to, !announced.isPossibly(atOrBefore: to) { return false }
    if let asOf, !announced.isPossibly(atOrBefore: asOf) { return false }
    if let area, !areas.areRelated(eventArea, area.id) { return false }
    guard accepts(type: eventType) else { return false }
    if !actors.isEmpty {
      let matches = announcedBy.contains { name in
        actors.contains { EventFilter.containsWords($0, in: name) }
      }
      guard matches else { return false }
    }
    return true
  }

  /// The first and last instants (in seconds since the epoch) at which an event the filter
  /// takes may have been announced: `from`, and the earlier of `to` and `asOf`. What an index,
  /// which keeps only when each event may have been announced, tests.
  var announcementBounds: (from: Int64?, to: Int64?) {
    (from?.secondsSinceEpoch, [to, asOf].compactMap { $0?.secondsSinceEpoch }.min())
  }

  /// Whether the filter takes events of this type (every type when it names none).
  func accepts(type eventType: EventType) -> Bool {
    guard !types.isEmpty else { return true }
    let type = eventType.rawValue
    return types.contains { type == $0 || type.hasPrefix($0 + ".") }
  }

  /// Whether `needle` occurs in `text` as whole words, ignoring case.
  static func containsWords(_ needle: String, in text: String) -> Bool {
    asciiContainsWords(needle, in: text) ?? characterContainsWords(needle, in: text)
  }

  /// ``containsWords(_:in:)`` over bytes, for texts in ASCII without carriage returns (where
  /// every byte is a character, and a letter or digit is one of ASCII's): a replay or listing
  /// tests every announcer of every event. `nil` for any other text.
  static func asciiContainsWords(_ needle: String, in text: String) -> Bool? {
    needle.withUTF8Bytes { wanted in
      text.withUTF8Bytes { haystack -> Bool? in
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x0D }
        guard wanted.allSatisfy(isPlain), haystack.allSatisfy(isPlain) else { return nil }
        guard !wanted.isEmpty, wanted.count <= haystack.count else { return false }
        func lowered(_ byte: UInt8) -> UInt8 {
          byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
        }
        func isWordByte(_ byte: UInt8) -> Bool {
          let letter = lowered(byte)
          return (letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        for start in 0...(haystack.count - wanted.count) {
          var offset = 0
          while offset < wanted.count
            && lowered(haystack[start + offset]) == lowered(wanted[offset])
          {
            offset += 1
          }
          guard offset == wanted.count else { continue }
          let end = start + wanted.count
          if (start == 0 || !isWordByte(haystack[start - 1]))
            && (end == haystack.count || !isWordByte(haystack[end]))
          {
            return true
          }
        }
        return false
      }
    }
  }

  /// ``containsWords(_:in:)`` character by character, for any text.
  static func characterContainsWords(_ needle: String, in text: String) -> Bool {
    let haystack = Array(text.lowercased())
    let wanted = Array(needle.lowercased())
    guard !wanted.isEmpty, wanted.count <= haystack.count else { return false }
    func isWordCharacter(_ character: Character) -> Bool {
      character.isLetter || character.isNumber
    }
    for start in 0...(haystack.count - wanted.count)
    where Array(haystack[start..<(start + wanted.count)]) == wanted {
      let before = start == 0 || !isWordCharacter(haystack[start - 1])
      let after =
        start + wanted.count == haystack.count || !isWordCharacter(haystack[start + wanted.count])
      if before && after { return true }
    }
    return false
  }

  /// The type names the filter accepts, for checking `--type` values.
  public static let knownTypePrefixes: [String] = {
    var names = Set(EventType.allCases.map(\.rawValue))
    for type in EventType.allCases {
      if let dot = type.rawValue.firstIndex(of: ".") { names.insert(String(type.rawValue[..<dot])) }
    }
    return names.sorted()
  }()
}
