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
    guard !events.isEmpty else { return "No events match.\n" }
    var table = TextTable()
    table.add(["SEQ", "ANNOUNCED", "TYPE", "ID", "ABOUT", "AREA", "SRC", "BY"])
    for event in events {
      table.add([
        "\(event.seq)", event.announced.spec.description, event.type.rawValue,
        hypothetical.contains(event.id) ? "\(event.id) (hypothetical)" : event.id,
        event.subject ?? "-",
        areas[event.area]?.name ?? event.area, event.source.citation,
        event.announcedBy.joined(separator: ", "),
      ])
    }
    return table.rendered().joined(separator: "\n") + "\n"
  }

  /// The events as JSON; `hypothetical` lists the ids among them that a scenario added.
  public func json(_ events: [Event], hypothetical: Set<String> = []) -> String {
    JSONValue.object([
      "schema": .string(Self.schema), "events": .array(events.map(EventJSON.summary)),
      "hypothetical": .array(events.filter { hypothetical.contains($0.id) }.map { .string($0.id) }),
    ])
    .serialized(pretty: true) + "\n"
  }
}
