/// JSON pieces shared by every command's `--json` output.
enum EventJSON {
  static func boundary(_ boundary: Boundary) -> JSONValue {
    var object = JSONObject()
    switch boundary.state {
    case .notReported:
      object["state"] = "not-reported"
    case .agreed(let range):
      object["state"] = "agreed"
      object["earliest"] = range.earliest.map { .string($0.iso8601) } ?? .null
      object["latest"] = range.latest.map { .string($0.iso8601) } ?? .null
    case .disputed(let range):
      object["state"] = "disputed"
      object["earliest"] = range.earliest.map { .string($0.iso8601) } ?? .null
      object["latest"] = range.latest.map { .string($0.iso8601) } ?? .null
    }
    object["reports"] = .array(
      boundary.reports.map { report in
        .object([
          "given": report.spec.map { .string($0.description) } ?? .null,
          "earliest": report.range.earliest.map { .string($0.iso8601) } ?? .null,
          "latest": report.range.latest.map { .string($0.iso8601) } ?? .null,
          "event": .string(report.eventID), "source": .string(report.citation),
          "derivation": report.derivation.map { .string($0) } ?? .null,
        ])
      })
    return .object(object)
  }

  static func cited<V>(_ value: JSONValue, _ cited: Cited<V>) -> JSONValue {
    .object([
      "value": value, "sources": .array(cited.citations.map { .string($0) }),
      "events": .array(cited.eventIDs.map { .string($0) }),
    ])
  }

  static func dispute(_ dispute: Dispute) -> JSONValue {
    .object([
      "subject": .string(dispute.subject), "aspect": .string(dispute.aspect),
      "versions": .array(
        dispute.versions.map { version in
          .object([
            "says": .string(version.says), "sources": .array(version.citations.map { .string($0) }),
            "events": .array(version.eventIDs.map { .string($0) }),
          ])
        }),
    ])
  }

  static func source(_ source: Source) -> JSONValue {
    .object([
      "publication": source.publication.map { .string($0) } ?? .null,
      "headline": source.headline.map { .string($0) } ?? .null,
      "seed": source.seed.map { .string($0) } ?? .null,
      "quote": source.quote.map { .string($0) } ?? .null,
      "url": source.url.map { .string($0) } ?? .null,
    ])
  }

  static func summary(_ event: Event) -> JSONValue {
    .object([
      "id": .string(event.id), "type": .string(event.type.rawValue), "area": .string(event.area),
      "announced": .string(event.announced.spec.description),
      "announcedBy": .array(event.announcedBy.map { .string($0) }), "source": source(event.source),
      "note": event.note.map { .string($0) } ?? .null,
    ])
  }
}
