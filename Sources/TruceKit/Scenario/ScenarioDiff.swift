/// Where a scenario's timeline differs from the record's, item by item, and which scenario
/// events cause each difference.
public struct ItemDifference: Sendable {
  /// What the item is.
  public var kind: ItemKind
  /// Its id.
  public var id: String
  /// Its area.
  public var area: String
  /// Stretches in force (certainly or possibly) in the scenario but not in the record.
  public var onlyInScenario: [Span]
  /// Stretches in force in the record but not in the scenario.
  public var onlyInRecord: [Span]
  /// Stretches certainly in force in the scenario that the record has only as possible.
  public var becameCertain: [Span]
  /// Stretches certainly in force in the record that the scenario has only as possible.
  public var becameUncertain: [Span]
  /// The hypothetical events behind the item in the scenario.
  public var addedCauses: [String]
  /// The record's events behind the item that the scenario leaves out.
  public var leftOutCauses: [String]
}

/// Compares a scenario with the record.
public enum ScenarioDiff {
  /// The items whose time in force differs between the record and the scenario.
  ///
  /// - Parameters:
  ///   - record: The base log, as recorded.
  ///   - scenario: The base with the scenarios applied.
  ///   - from: Compare from this instant (default: the earliest either timeline shows).
  ///   - to: Compare up to this instant (default: the latest either shows).
  public static func differences(
    record: EventLog, scenario: LayeredLog, from: Instant? = nil, to: Instant? = nil
  ) -> [ItemDifference] {
    let recordTimeline = Timeline(
      projection: Projection(log: record), from: from, to: to, areas: record.areas)
    let scenarioTimeline = Timeline(
      projection: Projection(log: scenario.log), from: from, to: to, areas: scenario.log.areas)
    let start = from ?? min(recordTimeline.from, scenarioTimeline.from)
    let end = to ?? max(recordTimeline.to, scenarioTimeline.to)
    let leftOut = Set(scenario.leftOut.map(\.id))
    let recordRows = rows(record, start, end)
    let scenarioRows = rows(scenario.log, start, end)
    var ids: [String] = []
    for row in recordRows + scenarioRows where !ids.contains(row.id) { ids.append(row.id) }
    return ids.compactMap { id in
      let inRecord = recordRows.first { $0.id == id }
      let inScenario = scenarioRows.first { $0.id == id }
      guard let any = inScenario ?? inRecord else { return nil }
      let recordPossible = possible(inRecord)
      let scenarioPossible = possible(inScenario)
      let recordCertain = certain(inRecord)
      let scenarioCertain = certain(inScenario)
      let difference = ItemDifference(
        kind: any.kind, id: id, area: any.area,
        onlyInScenario: scenarioPossible.subtracting(recordPossible),
        onlyInRecord: recordPossible.subtracting(scenarioPossible),
        becameCertain: scenarioCertain.subtracting(recordCertain).intersecting(recordPossible),
        becameUncertain: recordCertain.subtracting(scenarioCertain).intersecting(scenarioPossible),
        addedCauses: addedCauses(inScenario, inRecord, scenario),
        leftOutCauses: (inRecord?.eventIDs ?? []).filter { leftOut.contains($0) })
      let changed =
        !difference.onlyInScenario.isEmpty || !difference.onlyInRecord.isEmpty
        || !difference.becameCertain.isEmpty || !difference.becameUncertain.isEmpty
      return changed ? difference : nil
    }
  }

  /// The hypothetical events behind a difference: those behind the scenario's row, and added
  /// corrections that amend or retract an event behind either row.
  private static func addedCauses(
    _ inScenario: TimelineRow?, _ inRecord: TimelineRow?, _ scenario: LayeredLog
  )
    -> [String]
  {
    let rowEvents = Set((inScenario?.eventIDs ?? []) + (inRecord?.eventIDs ?? []))
    var causes = (inScenario?.eventIDs ?? []).filter { scenario.added[$0] != nil }
    for event in scenario.log.events
    where scenario.added[event.id] != nil && !causes.contains(event.id) {
      switch event.payload {
      case .erratum(let target, _), .retraction(let target):
        if rowEvents.contains(target) { causes.append(event.id) }
      default: break
      }
    }
    return causes
  }

  private static func rows(_ log: EventLog, _ from: Instant, _ to: Instant) -> [TimelineRow] {
    Timeline(projection: Projection(log: log), from: from, to: to, areas: log.areas).rows
  }

  private static func possible(_ row: TimelineRow?) -> [Span] {
    (row?.segments ?? []).map { Span(start: $0.start, end: $0.end) }.normalized()
  }

  private static func certain(_ row: TimelineRow?) -> [Span] {
    (row?.segments ?? []).filter { $0.certainty == .certain }.map {
      Span(start: $0.start, end: $0.end)
    }
    .normalized()
  }
}
