/// Writes events as a listing: one aligned line each for people, a `truce.log/1` document for
/// scripts.
public struct EventListRenderer: Sendable {
  /// The schema of the JSON document.
  public static let schema = "truce.log/1"
  /// The log's areas, for names.
  public var areas: AreaRegistry

  /// Creates a renderer.
  public init(areas: AreaRegistry) {
    self.areas = areas
  }

  /// One line per event: seq, announced (as given), type, id, subject, area, source, who; a
  /// hypothetical event's id is followed by "(hypothetical)".
  public func text(_ events: [Event], hypothetical: Set<String> = []) -> String {
    var text = ""
    writeText(events, hypothetical: hypothetical) { text += $0 }
    return text
  }

  /// The text of ``text(_:hypothetical:)``, written through `write` a piece of about 64 KB at a
  /// time (``TextPieces``): the columns' widths are measured in a first pass over the events, and each line is
  /// then laid out and written in a second, so that a listing of a million events is never held
  /// whole as text.
  public func writeText(
    _ events: [Event], hypothetical: Set<String> = [], to write: (String) -> Void
  ) {
    guard !events.isEmpty else { return write("No events match.\n") }
    let header = ["SEQ", "ANNOUNCED", "TYPE", "ID", "ABOUT", "AREA", "SRC", "BY"]
    func cells(_ event: Event) -> [String] {
      [
        "\(event.seq)", event.announced.spec.description, event.type.rawValue,
        hypothetical.contains(event.id) ? "\(event.id) (hypothetical)" : event.id,
        event.subject ?? "-",
        areas[event.area]?.name ?? event.area, event.source.citation,
        event.announcedBy.joined(separator: ", "),
      ]
    }
    let widths = TextTable.widths(of: [[header], events.lazy.map(cells)].joined())
    withoutActuallyEscaping(write) { write in
      var pieces = TextPieces(write: write)
      pieces.append(TextTable.line(header, widths: widths) + "\n")
      for event in events { pieces.append(TextTable.line(cells(event), widths: widths) + "\n") }
      pieces.flush()
    }
  }

  /// The events as JSON; `hypothetical` lists the ids among them that a scenario added.
  public func json(_ events: [Event], hypothetical: Set<String> = []) -> String {
    var bytes: [UInt8] = []
    writeJSON(events, hypothetical: hypothetical) { bytes += $0 }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// How many bytes of text ``writeJSON(_:hypothetical:to:)`` and
  /// ``writeText(_:hypothetical:to:)`` gather before they write them.
  static let piece = TextPieces.size

  /// The text of ``json(_:hypothetical:)``, written through `write` a piece of about 64 KB at
  /// a time, so that a listing of a million events is never held whole as text.
  public func writeJSON(
    _ events: [Event], hypothetical: Set<String> = [], to write: ([UInt8]) -> Void
  ) {
    var json = JSONTextWriter(pretty: true, capacity: 2 * Self.piece)
    json.beginObject()
    json.member("schema", Self.schema)
    json.key("events")
    json.beginArray()
    for event in events {
      EventJSON.writeSummary(event, into: &json)
      if json.byteCount >= Self.piece { write(json.takeBytes()) }
    }
    json.endArray()
    json.key("hypothetical")
    json.strings(events.lazy.filter { hypothetical.contains($0.id) }.map(\.id))
    json.endObject()
    write(json.takeBytes(endingWith: "\n"))
  }
}
