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
    // One at a time: a second `truce index` waits, then finds the index already written.
    let outcome = AtIndexing.whileIndexing(logPath: path) {
      () -> Result<AtIndexing.Summary, Failure> in
      if let current = AtIndexing.currentIndex(ofLog: path) { return .success(current) }
      let log: EventLog
      switch CommandSupport.loadLog(parsed) {
      case .success(let loaded): log = loaded
      case .failure(let error): return .failure(Failure(message: error.description))
      }
      guard AtIndexing.canIndex(log) else {
        return .failure(
          Failure(
            message: "\(path): only a hash-chained log without a torn last line can be indexed "
              + "('truce verify --repair' repairs a torn line)"))
      }
      do throws(FileIOError) {
        return .success(try AtIndexing.write(for: log, path: path))
      } catch {
        return .failure(Failure(message: "\(error.path): \(error)"))
      }
    }
    let summary: AtIndexing.Summary
    switch outcome {
    case .success(let written): summary = written
    case .failure(let failure): return CommandSupport.fail(failure.message)
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

  /// Why the index was not written.
  private struct Failure: Error {
    var message: String
  }
}
