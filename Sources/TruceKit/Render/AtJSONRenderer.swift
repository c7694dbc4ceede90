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
    var root = JSONObject()
    root["schema"] = .string(AtJSONRenderer.schema)
    root["log"] = .string(logFile)
    root["zone"] = .string(answer.zone.identifier)
    root["moment"] = moment(answer.moment, zone: answer.zone)
    root["asOf"] = answer.asOf.map { moment($0, zone: answer.zone) } ?? .null
    root["area"] = answer.area.map { .string($0.id) } ?? .null
    root["items"] = .array(answer.items.map { item($0, answer) })
    root["omitted"] = .object([
      "not-yet": .int(answer.omitted[.notYet] ?? 0),
      "no-longer": .int(answer.omitted[.noLonger] ?? 0),
      "possible-conflicts": .int(answer.omittedConflicts),
      "proposals": .int(answer.omittedProposals),
    ])
    root["conflicts"] = .array(
      answer.conflicts.map { conflict in
        .object(
          [
            "pause": .string(conflict.pause), "offensive": .string(conflict.offensive),
            "certain": .bool(conflict.certain),
          ])
      })
    root["proposals"] = .array(answer.proposals.map { EventJSON.summary($0) })
    root["disputes"] = .array(answer.disputes.map(EventJSON.dispute))
    return .object(root)
  }

  /// The answer as pretty-printed JSON text, ending with a newline.
  public func render(_ answer: AtAnswer) -> String {
    value(answer).serialized(pretty: true, endingWith: "\n")
  }

  private func moment(_ moment: Moment, zone: Zone) -> JSONValue {
    switch moment {
    case .instant(let instant, let given):
      return .object([
        "kind": "instant", "given": .string(given.description), "utc": .string(instant.iso8601),
        "offset": .string(formatOffset(zone.offset(at: instant))),
      ])
    case .day(let date, let start, let nextStart):
      return .object([
        "kind": "day", "given": .string(date.description), "start": .string(start.iso8601),
        "end": .string(nextStart.iso8601),
      ])
    }
  }

  private func item(_ item: ItemStatus, _ answer: AtAnswer) -> JSONValue {
    var object = JSONObject()
    object["kind"] = .string(item.kind.rawValue)
    object["id"] = .string(item.id)
    object["area"] = .string(item.area)
    object["areaRelation"] = item.areaRelation.map { .string($0.rawValue) } ?? .null
    object["status"] = .string(item.section.rawValue)
    object["presenceAtStart"] = .string(item.presence.rawValue)
    if let day = item.day {
      object["day"] = .object([
        "status": .string(day.kind.rawValue),
        "certainly": .array(
          day.certainly.map {
            .object(["from": .string($0.start.iso8601), "until": .string($0.end.iso8601)])
          }),
      ])
    }
    object["qualifier"] = item.qualifier.map { .string($0) } ?? .null
    object["possiblyKnown"] = .bool(item.possiblyKnown)
    object["hypothetical"] = .bool(item.hypothetical)
    object["uncertain"] = .array(
      item.uncertainties.map {
        .object(["boundary": .string($0.boundary.rawValue), "disputed": .bool($0.disputed)])
      })
    let projection = answer.projection
    object["statements"] = .array(
      projection.statements(about: item.id)
        .filter { $0.announced.range.isPossibly(atOrBefore: answer.moment.asOfInstant) }
        .map { .string($0.id) })
    switch item.kind {
    case .pause:
      if let pause = projection.pause(item.id) {
        object["start"] = EventJSON.boundary(pause.start)
        object["end"] = EventJSON.boundary(pause.end)
        object["kinds"] = .array(
          pause.kinds.map { EventJSON.cited(.string($0.value.rawValue), $0) })
        object["parties"] = .array(pause.parties.map { .string($0) })
        object["conditions"] = .array(
          pause.conditions.map { EventJSON.cited(.string($0.value), $0) })
        object["dailyHours"] = .array(
          pause.dailyHours.map { EventJSON.cited(.string($0.value.description), $0) })
        object["endings"] = .array(pause.endings.map { .string($0.rawValue) })
        object["events"] = .array(pause.eventIDs.map { .string($0) })
      }
    case .corridors:
      if let corridor = projection.corridor(item.id) {
        object["pause"] = .string(corridor.pause)
        object["pauses"] = .array(corridor.pauses.map { EventJSON.cited(.string($0.value), $0) })
        object["dailyHours"] = .array(
          corridor.dailyHours.map { EventJSON.cited(.string($0.value.description), $0) })
        object["start"] = EventJSON.boundary(corridor.start)
        object["end"] = EventJSON.boundary(corridor.end)
        object["counts"] = .array(corridor.counts.map { EventJSON.cited(.int($0.value), $0) })
        object["users"] = .array(corridor.users.map { .string($0.rawValue) })
        object["routes"] = .array(corridor.routes.map { EventJSON.cited(.string($0.value), $0) })
        object["events"] = .array(corridor.eventIDs.map { .string($0) })
      }
    case .offensive:
      if let offensive = projection.offensive(item.id) {
        object["start"] = EventJSON.boundary(offensive.start)
        object["end"] = EventJSON.boundary(offensive.end)
        object["parties"] = .array(offensive.parties.map { .string($0) })
        object["aims"] = .array(offensive.aims.map { .string($0) })
        object["phase"] =
          item.phase.map { phase in
            .object([
              "change": .string(phase.change.rawValue), "event": .string(phase.at.eventID),
              "certain": .bool(!item.phaseIsUncertain),
            ])
          } ?? .null
        object["events"] = .array(offensive.eventIDs.map { .string($0) })
      }
    }
    return .object(object)
  }
}
