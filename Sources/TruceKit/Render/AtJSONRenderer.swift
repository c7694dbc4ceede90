/// Writes an ``AtAnswer`` as JSON for scripts, in the documented `truce.at/1` shape.
///
/// The shape is stable: fields are added only with a new schema version. Instants are UTC
/// (`2016-11-04T19:00Z`); reported times keep their text as given.
public struct AtJSONRenderer: Sendable {
  /// The schema name and version written in every answer.
  public static let schema = "truce.at/1"

  /// The log's file name, to include.
  public var logFile: String

  /// Creates a renderer.
  public init(logFile: String) {
    self.logFile = logFile
  }

  /// The answer as a JSON value.
  public func value(_ answer: AtAnswer) -> JSONValue {
    JSONTreeBuilder.build { write(answer, into: &$0) }
  }

  /// The answer as pretty-printed JSON text, ending with a newline.
  public func render(_ answer: AtAnswer) -> String {
    renderedBytes(answer).withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
  }

  /// The answer as pretty-printed JSON, ending with a newline, in UTF-8: written straight out,
  /// without building the tree.
  ///
  /// - Parameter answer: The answer to write.
  /// - Returns: The same text as ``render(_:)``, as bytes.
  public func renderedBytes(_ answer: AtAnswer) -> [UInt8] {
    // About 2 KB an item, so that the buffer seldom grows.
    var writer = JSONTextWriter(pretty: true, capacity: 4096 + answer.items.count * 2048)
    write(answer, into: &writer)
    return writer.bytes(endingWith: "\n")
  }

  private func write<Builder: JSONBuilding>(_ answer: AtAnswer, into json: inout Builder) {
    json.object { json in
      json.member("schema", AtJSONRenderer.schema)
      json.member("log", logFile)
      json.member("zone", answer.zone.identifier)
      json.key("moment")
      write(answer.moment, zone: answer.zone, into: &json)
      json.key("asOf")
      if let asOf = answer.asOf { write(asOf, zone: answer.zone, into: &json) } else { json.null() }
      json.member("area", answer.area?.id)
      json.key("items")
      json.array(answer.items) { json, item in write(item, answer, into: &json) }
      json.key("omitted")
      json.object { json in
        json.member("not-yet", answer.omitted[.notYet] ?? 0)
        json.member("no-longer", answer.omitted[.noLonger] ?? 0)
        json.member("possible-conflicts", answer.omittedConflicts)
        json.member("proposals", answer.omittedProposals)
      }
      json.key("conflicts")
      json.array(answer.conflicts) { json, conflict in
        json.object { json in
          json.member("pause", conflict.pause)
          json.member("offensive", conflict.offensive)
          json.member("certain", conflict.certain)
        }
      }
      json.key("proposals")
      json.array(answer.proposals) { json, proposal in EventJSON.writeSummary(proposal, into: &json)
      }
      json.key("disputes")
      json.array(answer.disputes) { json, dispute in EventJSON.write(dispute, into: &json) }
    }
  }

  private func write<Builder: JSONBuilding>(
    _ moment: Moment, zone: Zone, into json: inout Builder
  ) {
    json.object { json in
      switch moment {
      case .instant(let instant, let given):
        json.member("kind", "instant")
        json.member("given", given.description)
        json.member("utc", instant.iso8601)
        json.member("offset", formatOffset(zone.offset(at: instant)))
      case .day(let date, let start, let nextStart):
        json.member("kind", "day")
        json.member("given", date.description)
        json.member("start", start.iso8601)
        json.member("end", nextStart.iso8601)
      }
    }
  }

  private func write<Builder: JSONBuilding>(
    _ item: ItemStatus, _ answer: AtAnswer, into json: inout Builder
  ) {
    json.object { json in
      json.member("kind", item.kind.rawValue)
      json.member("id", item.id)
      json.member("area", item.area)
      json.member("areaRelation", item.areaRelation?.rawValue)
      json.member("status", item.section.rawValue)
      json.member("presenceAtStart", item.presence.rawValue)
      if let day = item.day {
        json.key("day")
        json.object { json in
          json.member("status", day.kind.rawValue)
          json.key("certainly")
          json.array(day.certainly) { json, span in
            json.object { json in
              json.member("from", span.start.iso8601)
              json.member("until", span.end.iso8601)
            }
          }
        }
      }
      json.member("qualifier", item.qualifier)
      json.member("possiblyKnown", item.possiblyKnown)
      json.member("hypothetical", item.hypothetical)
      json.key("uncertain")
      json.array(item.uncertainties) { json, uncertainty in
        json.object { json in
          json.member("boundary", uncertainty.boundary.rawValue)
          json.member("disputed", uncertainty.disputed)
        }
      }
      let projection = answer.projection
      json.key("statements")
      json.strings(
        projection.statements(about: item.id)
          .filter { $0.announced.range.isPossibly(atOrBefore: answer.moment.asOfInstant) }
          .map(\.id))
      switch item.kind {
      case .pause:
        if let pause = projection.pause(item.id) { write(pause, into: &json) }
      case .corridors:
        if let corridor = projection.corridor(item.id) { write(corridor, into: &json) }
      case .offensive:
        if let offensive = projection.offensive(item.id) {
          write(offensive, phase: item.phase, phaseIsUncertain: item.phaseIsUncertain, into: &json)
        }
      }
    }
  }

  private func write<Builder: JSONBuilding>(_ pause: PauseTrack, into json: inout Builder) {
    json.key("start")
    EventJSON.write(pause.start, into: &json)
    json.key("end")
    EventJSON.write(pause.end, into: &json)
    json.key("kinds")
    EventJSON.write(pause.kinds, into: &json) { $0.string($1.rawValue) }
    json.member("parties", strings: pause.parties)
    json.key("conditions")
    EventJSON.write(pause.conditions, into: &json) { $0.string($1) }
    json.key("dailyHours")
    EventJSON.write(pause.dailyHours, into: &json) { $0.string($1.description) }
    json.member("endings", strings: pause.endings.map(\.rawValue))
    json.member("events", strings: pause.eventIDs)
  }

  private func write<Builder: JSONBuilding>(_ corridor: CorridorTrack, into json: inout Builder) {
    json.member("pause", corridor.pause)
    json.key("pauses")
    EventJSON.write(corridor.pauses, into: &json) { $0.string($1) }
    json.key("dailyHours")
    EventJSON.write(corridor.dailyHours, into: &json) { $0.string($1.description) }
    json.key("start")
    EventJSON.write(corridor.start, into: &json)
    json.key("end")
    EventJSON.write(corridor.end, into: &json)
    json.key("counts")
    EventJSON.write(corridor.counts, into: &json) { $0.int($1) }
    json.member("users", strings: corridor.users.map(\.rawValue))
    json.key("routes")
    EventJSON.write(corridor.routes, into: &json) { $0.string($1) }
    json.member("events", strings: corridor.eventIDs)
  }

  private func write<Builder: JSONBuilding>(
    _ offensive: OffensiveTrack, phase: OffensivePhase?, phaseIsUncertain: Bool,
    into json: inout Builder
  ) {
    json.key("start")
    EventJSON.write(offensive.start, into: &json)
    json.key("end")
    EventJSON.write(offensive.end, into: &json)
    json.member("parties", strings: offensive.parties)
    json.member("aims", strings: offensive.aims)
    json.key("phase")
    if let phase {
      json.object { json in
        json.member("change", phase.change.rawValue)
        json.member("event", phase.at.eventID)
        json.member("certain", !phaseIsUncertain)
      }
    } else {
      json.null()
    }
    json.member("events", strings: offensive.eventIDs)
  }
}
