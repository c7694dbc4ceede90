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
    // With --area, only the area's events and the lines its items rest on are read when the
    // index beside the log vouches for them.
    let question: CommandSupport.AreaQuestion
    do {
      question = try CommandSupport.areaQuestion(parsed, events: true)
    } catch { return error.code }
    defer { CommandSupport.indexIfReadWhole(question, parsed) }
    let (log, filter) = (question.log, question.filter)
    let projection = Projection(log: log, knowledge: Knowledge(asOf: filter.asOf))
    let disputes =
      filter.area.map { projection.disputes(inArea: $0, areas: log.areas) } ?? projection.disputes
    let renderer = DisputesRenderer()
    StandardStreams.writeOut(
      parsed.flag("json")
        ? renderer.json(disputes) : renderer.text(disputes, event: projection.event))
    return .success
  }
}
