import TruceKit

/// `truce index`: build the index `truce at` answers from, beside the log.
enum IndexCommand {
  static let spec = CommandSpec(
    name: "index", abstract: "Build the index that truce at answers from, beside the log.",
    discussion: """
      Reads the whole log and writes <log>.at-index: every item with when it may be in force and \
      the lines it rests on, so that truce at reads only what it lists. truce at starts this in \
      the background whenever it had to read the whole log (set \
      \(AtIndexing.backgroundVariable)=0 to prevent that). Does nothing when the index already \
      matches the log.
      """,
    options: [TruceCommand.logOption, TruceCommand.jsonFlag])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let path = parsed.value("log") ?? BundledLog.locate()
    let log: EventLog
    switch CommandSupport.loadLog(parsed) {
    case .success(let loaded): log = loaded
    case .failure(let error): return CommandSupport.fail(error.description)
    }
    guard AtIndexing.canIndex(log) else {
      return CommandSupport.fail(
        "\(path): only a hash-chained log without a torn last line can be indexed "
          + "('truce verify --repair' repairs a torn line)")
    }
    let summary: AtIndexing.Summary
    do { summary = try AtIndexing.write(for: log, path: path) } catch {
      return CommandSupport.fail("\(error.path): \(error)")
    }
    if parsed.flag("json") {
      let object: JSONValue = .object([
        "log": .string(path), "index": .string(summary.path), "written": .bool(summary.written),
        "items": .int(summary.items), "answeredAlone": .int(summary.answeredAlone),
        "bytes": .int(summary.bytes),
      ])
      StandardStreams.writeOut(object.serialized(pretty: true) + "\n")
    } else {
      let verb = summary.written ? "Indexed" : "Already indexed:"
      StandardStreams.writeOut(
        "\(verb) \(path): \(summary.items) items, \(summary.answeredAlone) of them answered from "
          + "their own lines; \(summary.path) (\(summary.bytes) bytes).\n")
    }
    return .success
  }
}
