import TruceKit

/// `truce areas`: the areas a log declares, with their nesting and zones.
enum AreasCommand {
  static let spec = CommandSpec(
    name: "areas", abstract: "List the areas the log declares, with their nesting and time zones.",
    options: [TruceCommand.logOption, TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    // While the index beside the log matches it, the header it was opened with is enough; the
    // whole log is read (and checked) otherwise.
    let areas: AreaRegistry
    if let indexed = IndexedLogReader(path: parsed.value("log") ?? BundledLog.locate()) {
      areas = indexed.areas
    } else {
      switch CommandSupport.loadLog(parsed) {
      case .success(let loaded): areas = loaded.areas
      case .failure(let error): return CommandSupport.fail(error.description)
      }
    }
    let renderer = AreasRenderer(areas: areas)
    StandardStreams.writeOut(parsed.flag("json") ? renderer.json() : renderer.text())
    return .success
  }
}
