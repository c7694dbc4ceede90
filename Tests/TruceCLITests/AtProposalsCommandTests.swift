import Foundation
import Testing
import TruceKit

@Suite("truce at lists the latest proposals, end to end")
struct AtProposalsCommandTests {
  private func json(_ arguments: [String]) throws -> JSONObject {
    let result = try TruceProcess.run(arguments + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONParser.parse(result.stdout).objectValue)
  }

  @Test("On a generated history: 10 proposals listed, the earlier counted; --all lists every one")
  func generatedHistory() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("history.jsonl").path
    let generated = try TruceProcess.run([
      "generate", "--events", "2000", "--seed", "4", "--output", log,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let arguments = ["at", "2016-06-01T12:00Z", "--log", log]

    let limited = try json(arguments)
    let omitted = try #require(limited["omitted"]?.objectValue?["proposals"]?.intValue)
    #expect(limited["proposals"]?.arrayValue?.count == AtQuery.defaultContextLimit)
    #expect(omitted > 0, "the history holds more than 10 proposals by then")

    let full = try json(arguments + ["--all"])
    #expect(full["proposals"]?.arrayValue?.count == AtQuery.defaultContextLimit + omitted)
    #expect(full["omitted"]?.objectValue?["proposals"]?.intValue == 0)

    let text = try TruceProcess.run(arguments).stdout
    #expect(
      text.contains(
        "  … and \(omitted) earlier proposals (the 10 latest announced are listed; "
          + "--all lists every one)\n"))
    let everything = try TruceProcess.run(arguments + ["--all"]).stdout
    #expect(!everything.contains("earlier proposals"))
  }

  @Test("The bundled history's few proposals are all listed, none counted as left out")
  func bundledHistory() throws {
    let answer = try json(["at", "2016-12-31"])
    #expect(answer["proposals"]?.arrayValue?.count == 3)
    #expect(answer["omitted"]?.objectValue?["proposals"]?.intValue == 0)
    #expect(!(try TruceProcess.run(["at", "2016-12-31"]).stdout.contains("earlier proposals")))
  }
}
