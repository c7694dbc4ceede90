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
        json.member("earliest", range.earliest?.iso8601)
        json.member("latest", range.latest?.iso8601)
      }
      json.key("reports")
      json.array(boundary.reports) { json, report in
        json.object { json in
          json.member("given", report.spec?.description)
          json.member("earliest", report.range.earliest?.iso8601)
          json.member("latest", report.range.latest?.iso8601)
          json.member("event", report.eventID)
          json.member("source", report.citation)
          json.member("derivation", report.derivation)
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
      json.member("sources", strings: cited.citations)
      json.member("events", strings: cited.eventIDs)
    }
  }

  /// A list of cited values, each value written by `value`.
  static func write<V, Builder: JSONBuilding>(
    _ list: [Cited<V>], into json: inout Builder, value: (inout Builder, V) -> Void
  ) {
    json.array(list) { json, cited in write(cited, into: &json) { value(&$0, cited.value) } }
  }

  static func dispute(_ dispute: Dispute) -> JSONValue {
    JSONTreeBuilder.build { write(dispute, into: &$0) }
  }

  static func write<Builder: JSONBuilding>(_ dispute: Dispute, into json: inout Builder) {
    json.object { json in
      json.member("subject", dispute.subject)
      json.member("aspect", dispute.aspect)
      json.key("versions")
      json.array(dispute.versions) { json, version in
        json.object { json in
          json.member("says", version.says)
          json.member("sources", strings: version.citations)
          json.member("events", strings: version.eventIDs)
        }
      }
    }
  }

  static func source(_ source: Source) -> JSONValue {
    JSONTreeBuilder.build { write(source, into: &$0) }
  }

  static func write<Builder: JSONBuilding>(_ source: Source, into json: inout Builder) {
    json.object { json in
      json.member("publication", source.publication)
      json.member("headline", source.headline)
      json.member("seed", source.seed)
      json.member("quote", source.quote)
      json.member("url", source.url)
    }
  }

  static func summary(_ event: Event) -> JSONValue {
    JSONTreeBuilder.build { writeSummary(event, into: &$0) }
  }

  /// An event in brief: what, where, when announced, by whom, from which source.
  static func writeSummary<Builder: JSONBuilding>(_ event: Event, into json: inout Builder) {
    json.object { json in
      json.member("id", event.id)
      json.member("type", event.type.rawValue)
      json.member("area", event.area)
      json.member("announced", event.announced.spec.description)
      json.member("announcedBy", strings: event.announcedBy)
      json.key("source")
      write(event.source, into: &json)
      json.member("note", event.note)
    }
  }
}
