import TruceKit

/// `truce verify`: check a whole log, and with --repair recover from an interrupted write.
enum VerifyCommand {
  static let spec = CommandSpec(
    name: "verify", abstract: "Check a whole log: every line, the hash chain and the head.",
    discussion: """
      Exits 0 when the log holds, 1 with the first bad line otherwise. --repair first saves the \
      torn bytes of an interrupted write to a side file and cuts them from the log, and brings a \
      lagging head up to date; it never rewrites a complete event.
      """,
    options: [
      TruceCommand.logOption,
      .flag("repair", help: "Cut a torn last line (saved to a side file) and update the head."),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let path = parsed.value("log") ?? BundledLog.locate()
    let json = parsed.flag("json")
    var repaired: LogRepair.Outcome?
    if parsed.flag("repair") {
      do { repaired = try LogRepair.repair(path: path) } catch {
        if json { StandardStreams.writeOut(result(path, nil, nil, error: error.description)) }
        return CommandSupport.fail(error.description)
      }
    }
    let report: LogVerifier.Report
    do { report = try LogVerifier.verify(path: path) } catch {
      if json { StandardStreams.writeOut(result(path, nil, repaired, error: error.description)) }
      return CommandSupport.fail(error.description)
    }
    if json {
      StandardStreams.writeOut(result(path, report, repaired, error: nil))
      return .success
    }
    if let repaired {
      if let side = repaired.sideFile {
        StandardStreams.writeOut(
          "Cut \(repaired.tornBytes) torn bytes from the end of \(path); saved them to \(side).\n")
      }
      if repaired.newlineRestored {
        StandardStreams.writeOut("Restored the missing newline after the last line of \(path).\n")
      }
      if repaired.headUpdated { StandardStreams.writeOut("Updated the head of \(path).\n") }
      if repaired.sideFile == nil && !repaired.headUpdated && !repaired.newlineRestored {
        StandardStreams.writeOut("Nothing to repair.\n")
      }
    }
    StandardStreams.writeOut(
      "\(path): \(report.events) event\(report.events == 1 ? "" : "s"); every line valid, the hash chain intact from the header to "
        + "seq \(report.events), and the head matches (\(report.lastLineHash.hex.prefix(12))…).\n")
    return .success
  }

  private static func result(
    _ path: String, _ report: LogVerifier.Report?, _ repaired: LogRepair.Outcome?, error: String?
  ) -> String {
    let repair: JSONValue =
      repaired.map { outcome in
        [
          "sideFile": outcome.sideFile.map { .string($0) } ?? .null,
          "tornBytes": .int(outcome.tornBytes), "newlineRestored": .bool(outcome.newlineRestored),
          "headUpdated": .bool(outcome.headUpdated),
        ]
      } ?? .null
    let object: JSONValue = [
      "schema": "truce.verify/1", "log": .string(path), "ok": .bool(error == nil),
      "events": report.map { .int($0.events) } ?? .null,
      "lastLineHash": report.map { .string($0.lastLineHash.hex) } ?? .null,
      "error": error.map { .string($0) } ?? .null, "repair": repair,
    ]
    return object.serialized(pretty: true) + "\n"
  }
}
