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
  public func renderedBytes(_ answer: AtAnswer) -> [UInt8] {
    // About 2 KB an item, so that the buffer seldom grows.
    var writer = JSONTextWriter(pretty: true, capacity: 4096 + answer.items.count * 2048)
    write(answer, into: &writer)
    return writer.bytes(endingWith: "\n")
  }

  private func write<Builder: JSONBuilding>(_ answer: AtAnswer, into json: inout Builder) {
    json.object { json in
      json.key("schema")
      json.string(AtJSONRenderer.schema)
      json.key("log")
      json.string(logFile)
      json.key("zone")
      json.string(answer.zone.identifier)
      json.key("moment")
      write(answer.moment, zone: answer.zone, into: &json)
      json.key("asOf")
      if let asOf = answer.asOf { write(asOf, zone: answer.zone, into: &json) } else { json.null() }
      json.key("area")
      json.string(orNull: answer.area?.id)
      json.key("items")
      json.array(answer.items) { json, item in write(item, answer, into: &json) }
      json.key("omitted")
      json.object { json in
        json.key("not-yet")
        json.int(answer.omitted[.notYet] ?? 0)
        json.key("no-longer")
        json.int(answer.omitted[.noLonger] ?? 0)
        json.key("possible-conflicts")
        json.int(answer.omittedConflicts)
        json.key("proposals")
        json.int(answer.omittedProposals)
      }
      json.key("conflicts")
      json.array(answer.conflicts) { json, conflict in
        json.object { json in
          json.key("pause")
          json.string(conflict.pause)
          json.key("offensive")
          json.string(conflict.offensive)
          json.key("certain")
          json.bool(conflict.certain)
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
        json.key("kind")
        json.string("instant")
        json.key("given")
        json.string(given.description)
        json.key("utc")
        json.string(instant.iso8601)
        json.key("offset")
        json.string(formatOffset(zone.offset(at: instant)))
      case .day(let date, let start, let nextStart):
        json.key("kind")
        json.string("day")
        json.key("given")
        json.string(date.description)
        json.key("start")
        json.string(start.iso8601)
        json.key("end")
        json.string(nextStart.iso8601)
      }
    }
  }

  private func write<Builder: JSONBuilding>(
    _ item: ItemStatus, _ answer: AtAnswer, into json: inout Builder
  ) {
    json.object { json in
      json.key("kind")
      json.string(item.kind.rawValue)
      json.key("id")
      json.string(item.id)
      json.key("area")
      json.string(item.area)
      json.key("areaRelation")
      json.string(orNull: item.areaRelation?.rawValue)
      json.key("status")
      json.string(item.section.rawValue)
      json.key("presenceAtStart")
      json.string(item.presence.rawValue)
      if let day = item.day {
        json.key("day")
        json.object { json in
          json.key("status")
          json.string(day.kind.rawValue)
          json.key("certainly")
          json.array(day.certainly) { json, span in
            json.object { json in
              json.key("from")
              json.string(span.start.iso8601)
              json.key("until")
              json.string(span.end.iso8601)
            }
          }
        }
      }
      json.key("qualifier")
      json.string(orNull: item.qualifier)
      json.key("possiblyKnown")
      json.bool(item.possiblyKnown)
      json.key("hypothetical")
      json.bool(item.hypothetical)
      json.key("uncertain")
      json.array(item.uncertainties) { json, uncertainty in
        json.object { json in
          json.key("boundary")
          json.string(uncertainty.boundary.rawValue)
          json.key("disputed")
          json.bool(uncertainty.disputed)
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
    json.array(pause.kinds) { json, kind in
      EventJSON.write(kind, into: &json) { $0.string(kind.value.rawValue) }
    }
    json.key("parties")
    json.strings(pause.parties)
    json.key("conditions")
    json.array(pause.conditions) { json, condition in
      EventJSON.write(condition, into: &json) { $0.string(condition.value) }
    }
    json.key("dailyHours")
    json.array(pause.dailyHours) { json, hours in
      EventJSON.write(hours, into: &json) { $0.string(hours.value.description) }
    }
    json.key("endings")
    json.strings(pause.endings.map(\.rawValue))
    json.key("events")
    json.strings(pause.eventIDs)
  }

  private func write<Builder: JSONBuilding>(_ corridor: CorridorTrack, into json: inout Builder) {
    json.key("pause")
    json.string(corridor.pause)
    json.key("pauses")
    json.array(corridor.pauses) { json, pause in
      EventJSON.write(pause, into: &json) { $0.string(pause.value) }
    }
    json.key("dailyHours")
    json.array(corridor.dailyHours) { json, hours in
      EventJSON.write(hours, into: &json) { $0.string(hours.value.description) }
    }
    json.key("start")
    EventJSON.write(corridor.start, into: &json)
    json.key("end")
    EventJSON.write(corridor.end, into: &json)
    json.key("counts")
    json.array(corridor.counts) { json, count in
      EventJSON.write(count, into: &json) { $0.int(count.value) }
    }
    json.key("users")
    json.strings(corridor.users.map(\.rawValue))
    json.key("routes")
    json.array(corridor.routes) { json, route in
      EventJSON.write(route, into: &json) { $0.string(route.value) }
    }
    json.key("events")
    json.strings(corridor.eventIDs)
  }

  private func write<Builder: JSONBuilding>(
    _ offensive: OffensiveTrack, phase: OffensivePhase?, phaseIsUncertain: Bool,
    into json: inout Builder
  ) {
    json.key("start")
    EventJSON.write(offensive.start, into: &json)
    json.key("end")
    EventJSON.write(offensive.end, into: &json)
    json.key("parties")
    json.strings(offensive.parties)
    json.key("aims")
    json.strings(offensive.aims)
    json.key("phase")
    if let phase {
      json.object { json in
        json.key("change")
        json.string(phase.change.rawValue)
        json.key("event")
        json.string(phase.at.eventID)
        json.key("certain")
        json.bool(!phaseIsUncertain)
      }
    } else {
      json.null()
    }
    json.key("events")
    json.strings(offensive.eventIDs)
  }
}
