/// Writes what a scenario does (`truce check`) and where it differs from the record
/// (`truce diff`).
public struct ScenarioRenderer: Sendable {
  /// The schema of `truce check --json`.
  public static let checkSchema = "truce.check/1"
  /// The schema of `truce diff --json`.
  public static let diffSchema = "truce.diff/1"
  /// Times for people.
  public var time: TimeFormatter

  /// Creates a renderer.
  public init(time: TimeFormatter) {
    self.time = time
  }

  /// The scenario's changes to the base, as text.
  public func checkText(_ layered: LayeredLog, base: EventLog) -> String {
    var block = TextBlock()
    for scenario in layered.scenarios {
      block.line("\(scenario.title) (\(scenario.file))")
      block.row("asks", scenario.description)
    }
    block.row("base", "\(base.file): \(base.events.count) events")
    block.row("result", "\(layered.log.events.count) events, \(layered.added.count) hypothetical")
    block.blank()
    block.line("ADDED (\(layered.added.count))")
    for event in layered.log.events where layered.added[event.id] != nil {
      block.item(
        event.id,
        "\(event.type.rawValue)\(event.subject.map { " \($0)" } ?? ""), announced \(event.announced)",
        "")
    }
    block.blank()
    block.line("LEFT OUT (\(layered.leftOut.count))")
    for item in layered.leftOut {
      let type = base.events.first { $0.id == item.id }?.type.rawValue ?? ""
      block.item(item.id, "\(type): \(item.reason)", "")
    }
    return block.rendered()
  }

  /// The scenario's changes to the base, as JSON.
  public func checkJSON(_ layered: LayeredLog, base: EventLog) -> String {
    JSONValue.object([
      "schema": .string(Self.checkSchema),
      "scenarios": .array(
        layered.scenarios.map { .object(["file": .string($0.file), "title": .string($0.title)]) }),
      "base": .string(base.file), "events": .int(layered.log.events.count),
      "added": .array(
        layered.log.events.filter { layered.added[$0.id] != nil }.map { .string($0.id) }),
      "leftOut": .array(
        layered.leftOut.map { .object(["id": .string($0.id), "reason": .string($0.reason)]) }),
    ]).serialized(pretty: true) + "\n"
  }

  /// The differences as text.
  public func diffText(_ differences: [ItemDifference], layered: LayeredLog, base: EventLog)
    -> String
  {
    var block = TextBlock()
    for scenario in layered.scenarios {
      block.line("Scenario: \(scenario.title) (\(scenario.file))")
    }
    block.line("Against the record: \(base.file)")
    if differences.isEmpty {
      block.blank()
      block.line("No pause, corridor group or offensive is in force at different times.")
    }
    for difference in differences {
      block.blank()
      block.line("\(difference.kind.rawValue) \(difference.id)")
      for (label, spans) in [
        ("only in the scenario", difference.onlyInScenario),
        ("only in the record", difference.onlyInRecord),
        ("certain only in the scenario", difference.becameCertain),
        ("certain only in the record", difference.becameUncertain),
      ] {
        for (index, span) in spans.enumerated() {
          block.item(
            index == 0 ? label : "", "\(time.instant(span.start)) → \(time.instant(span.end))", "")
        }
      }
      let causes =
        difference.addedCauses.map { "\($0) (added)" }
        + difference.leftOutCauses.map { "\($0) (left out)" }
      block.item(
        "caused by", causes.isEmpty ? "what it depends on changed" : causes.joined(separator: ", "),
        "")
    }
    return block.rendered()
  }

  /// The differences as JSON.
  public func diffJSON(_ differences: [ItemDifference], layered: LayeredLog, base: EventLog)
    -> String
  {
    func spans(_ list: [Span]) -> JSONValue {
      .array(
        list.map { .object(["from": .string($0.start.iso8601), "until": .string($0.end.iso8601)]) })
    }
    let items = differences.map { difference -> JSONValue in
      .object([
        "kind": .string(difference.kind.rawValue), "id": .string(difference.id),
        "area": .string(difference.area),
        "onlyInScenario": spans(difference.onlyInScenario),
        "onlyInRecord": spans(difference.onlyInRecord),
        "certainOnlyInScenario": spans(difference.becameCertain),
        "certainOnlyInRecord": spans(difference.becameUncertain),
        "added": .array(difference.addedCauses.map { .string($0) }),
        "leftOut": .array(difference.leftOutCauses.map { .string($0) }),
      ])
    }
    return JSONValue.object([
      "schema": .string(Self.diffSchema),
      "scenarios": .array(layered.scenarios.map { .string($0.file) }), "base": .string(base.file),
      "differences": .array(items),
    ]).serialized(pretty: true) + "\n"
  }
}
