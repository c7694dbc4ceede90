import TruceKit

/// `truce disputes`: every disputed fact, with what each report says.
enum DisputesCommand {
  static let spec = CommandSpec(
    name: "disputes",
    abstract: "List every disputed fact: what the reports say, and who says which.",
    options: [TruceCommand.logOption]
      + CommandSupport.filterOptions.filter { ["as-of", "area"].contains($0.long) }
      + [TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let (log, filter, _): (EventLog, EventFilter, Zone)
    do { (log, filter, _) = try CommandSupport.logAndFilter(parsed) } catch { return error.code }
    let projection = Projection(log: log, knowledge: Knowledge(asOf: filter.asOf))
    var disputes = projection.disputes
    if let area = filter.area {
      disputes = disputes.filter { dispute in
        let itemArea =
          projection.pause(dispute.subject)?.area
          ?? projection.corridor(dispute.subject)?.area
          ?? projection.offensive(dispute.subject)?.area
          ?? projection.events[dispute.subject]?.area
        return itemArea.map { log.areas.areRelated($0, area.id) } ?? true
      }
    }
    let renderer = DisputesRenderer()
    StandardStreams.writeOut(
      parsed.flag("json")
        ? renderer.json(disputes) : renderer.text(disputes, events: projection.events))
    return .success
  }
}
