import TruceKit

/// `truce areas`: the areas a log declares, with their nesting and zones.
enum AreasCommand {
  static let spec = CommandSpec(
    name: "areas", abstract: "List the areas the log declares, with their nesting and time zones.",
    options: [TruceCommand.logOption, TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    let renderer = AreasRenderer(areas: log.areas)
    StandardStreams.writeOut(parsed.flag("json") ? renderer.json() : renderer.text())
    return .success
  }
}
