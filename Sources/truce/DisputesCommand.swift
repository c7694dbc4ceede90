import TruceKit

/// `truce disputes`: every disputed fact, with what each report says.
enum DisputesCommand {
  static let spec = CommandSpec(
    name: "disputes",
    abstract: "List every disputed fact: what the reports say, and who says which.",
    options: [
      TruceCommand.logOption,
      .option("as-of", help: "Only what had been announced by this moment."),
      .option("area", help: "Only disputes about items in this area, inside or around it."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let filter: EventFilter
    switch CommandSupport.eventFilter(parsed, log: log) {
    case .success(let result): filter = result.0
    case .failure(let error): return CommandSupport.usage(error)
    }
    let projection = Projection(log: log, knowledge: Knowledge(asOf: filter.asOf))
    var disputes = projection.disputes
    if let area = filter.area {
      disputes = disputes.filter { dispute in
        let itemArea =
          projection.pause(dispute.subject)?.area
          ?? projection.corridors.first { $0.id == dispute.subject }?.area
          ?? projection.offensives.first { $0.id == dispute.subject }?.area
          ?? projection.events[dispute.subject]?.area
        return itemArea.map { log.areas.areRelated($0, area.id) } ?? true
      }
    }
    let renderer = DisputesRenderer()
    StandardStreams.writeOut(
      parsed.flag("json") ? renderer.json(disputes) : renderer.text(disputes))
    return .success
  }
}
