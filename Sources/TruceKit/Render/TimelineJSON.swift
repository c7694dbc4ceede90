/// A ``Timeline`` as JSON: the `truce.timeline/1` shape, also embedded in the HTML page.
public enum TimelineJSON {
  /// The schema name and version.
  public static let schema = "truce.timeline/1"

  /// The timeline as a JSON value.
  public static func value(_ timeline: Timeline) -> JSONValue {
    let rows = timeline.rows.map { row -> JSONValue in
      .object([
        "kind": .string(row.kind.rawValue), "id": .string(row.id), "area": .string(row.area),
        "start": EventJSON.boundary(row.start), "end": EventJSON.boundary(row.end),
        "segments": .array(
          row.segments.map { segment in
            .object([
              "from": .string(segment.start.iso8601), "until": .string(segment.end.iso8601),
              "certainty": .string(segment.certainty.rawValue), "open": .bool(segment.isOpen),
            ])
          }),
        "events": .array(row.eventIDs.map { .string($0) }),
        "variant": row.variant.map { .string($0) } ?? .null,
        "hypothetical": .bool(timeline.projection.restsOnHypothetical(row.eventIDs)),
      ])
    }
    let announcements = timeline.announcements.map { announcement -> JSONValue in
      .object([
        "at": .string(announcement.at.iso8601), "event": .string(announcement.eventID),
        "subject": announcement.subject.map { .string($0) } ?? .null,
      ])
    }
    return .object([
      "schema": .string(schema), "from": .string(timeline.from.iso8601),
      "until": .string(timeline.to.iso8601),
      "rows": .array(rows), "announcements": .array(announcements),
    ])
  }
}
