/// JSON pieces shared by every command's `--json` output, each written once against
/// ``JSONBuilding``: as a tree where a renderer builds one, or straight into text.
enum EventJSON {
  static func boundary(_ boundary: Boundary) -> JSONValue {
    JSONTreeBuilder.build { write(boundary, into: &$0) }
  }

  static func write<Builder: JSONBuilding>(_ boundary: Boundary, into json: inout Builder) {
    json.object { json in
      json.key("state")
      switch boundary.state {
      case .notReported:
        json.string("not-reported")
      case .agreed(let range), .disputed(let range):
        json.string(boundary.isDisputed ? "disputed" : "agreed")
        json.key("earliest")
        json.string(orNull: range.earliest?.iso8601)
        json.key("latest")
        json.string(orNull: range.latest?.iso8601)
      }
      json.key("reports")
      json.array(boundary.reports) { json, report in
        json.object { json in
          json.key("given")
          json.string(orNull: report.spec?.description)
          json.key("earliest")
          json.string(orNull: report.range.earliest?.iso8601)
          json.key("latest")
          json.string(orNull: report.range.latest?.iso8601)
          json.key("event")
          json.string(report.eventID)
          json.key("source")
          json.string(report.citation)
          json.key("derivation")
          json.string(orNull: report.derivation)
        }
      }
    }
  }

  static func cited<V>(_ value: JSONValue, _ cited: Cited<V>) -> JSONValue {
    JSONTreeBuilder.build { json in write(cited, into: &json) { $0.value(value) } }
  }

  /// A cited value: the value (written by `value`), and the sources and events behind it.
  static func write<V, Builder: JSONBuilding>(
    _ cited: Cited<V>, into json: inout Builder, value: (inout Builder) -> Void
  ) {
    json.object { json in
      json.key("value")
      value(&json)
      json.key("sources")
      json.strings(cited.citations)
      json.key("events")
      json.strings(cited.eventIDs)
    }
  }

  static func dispute(_ dispute: Dispute) -> JSONValue {
    JSONTreeBuilder.build { write(dispute, into: &$0) }
  }

  static func write<Builder: JSONBuilding>(_ dispute: Dispute, into json: inout Builder) {
    json.object { json in
      json.key("subject")
      json.string(dispute.subject)
      json.key("aspect")
      json.string(dispute.aspect)
      json.key("versions")
      json.array(dispute.versions) { json, version in
        json.object { json in
          json.key("says")
          json.string(version.says)
          json.key("sources")
          json.strings(version.citations)
          json.key("events")
          json.strings(version.eventIDs)
        }
      }
    }
  }

  static func source(_ source: Source) -> JSONValue {
    JSONTreeBuilder.build { write(source, into: &$0) }
  }

  static func write<Builder: JSONBuilding>(_ source: Source, into json: inout Builder) {
    json.object { json in
      json.key("publication")
      json.string(orNull: source.publication)
      json.key("headline")
      json.string(orNull: source.headline)
      json.key("seed")
      json.string(orNull: source.seed)
      json.key("quote")
      json.string(orNull: source.quote)
      json.key("url")
      json.string(orNull: source.url)
    }
  }

  static func summary(_ event: Event) -> JSONValue {
    JSONTreeBuilder.build { writeSummary(event, into: &$0) }
  }

  /// An event in brief: what, where, when announced, by whom, from which source.
  static func writeSummary<Builder: JSONBuilding>(_ event: Event, into json: inout Builder) {
    json.object { json in
      json.key("id")
      json.string(event.id)
      json.key("type")
      json.string(event.type.rawValue)
      json.key("area")
      json.string(event.area)
      json.key("announced")
      json.string(event.announced.spec.description)
      json.key("announcedBy")
      json.strings(event.announcedBy)
      json.key("source")
      write(event.source, into: &json)
      json.key("note")
      json.string(orNull: event.note)
    }
  }
}
