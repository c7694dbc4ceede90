import Foundation
import Testing
import TruceKit

@Suite("Shipped scenarios, end to end")
struct ScenarioCommandTests {
  private func status(_ arguments: [String], of id: String) throws -> String? {
    let result = try TruceProcess.run(arguments + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let items = try JSONParser.parse(result.stdout).objectValue?["items"]?.arrayValue ?? []
    let item = items.first { $0.objectValue?["id"]?.stringValue == id }
    return item?.objectValue?["status"]?.stringValue
  }

  private func diff(_ scenario: String) throws -> [String: JSONObject] {
    let result = try TruceProcess.run(["diff", scenario, "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let items = try JSONParser.parse(result.stdout).objectValue?["differences"]?.arrayValue ?? []
    var byID: [String: JSONObject] = [:]
    for item in items {
      if let object = item.objectValue, let id = object["id"]?.stringValue { byID[id] = object }
    }
    return byID
  }

  private func strings(_ value: JSONValue?) -> [String] {
    value?.arrayValue?.compactMap(\.stringValue) ?? []
  }

  @Test(
    "The pause extended by three days: in force on 6 November, caused by the added extension"
  )
  func extendedPause() throws {
    let scenario = "Scenarios/pause-extended-three-days.json"
    let halt = "aleppo-air-strike-halt-2016-10"
    #expect(try status(["at", "2016-11-06T12:00"], of: halt) == "no-longer-in-force")
    #expect(try status(["at", "2016-11-06T12:00", "--scenario", scenario], of: halt) == "in-force")
    #expect(try status(["at", "2016-11-04T12:00", "--scenario", scenario], of: halt) == "in-force")
    let text = try TruceProcess.run(["at", "2016-11-06T12:00", "--scenario", scenario]).stdout
    #expect(text.contains("pause aleppo-air-strike-halt-2016-10 · Aleppo · HYPOTHETICAL"))
    let differences = try diff(scenario)
    #expect(strings(differences[halt]?["added"]) == ["what-if-extended-to-nov-7"])
    let span = try #require(differences[halt]?["onlyInScenario"]?.arrayValue?.first?.objectValue)
    #expect(span["from"]?.stringValue == "2016-11-04T19:00Z")
    #expect(span["until"]?.stringValue == "2016-11-07T19:00Z")
    #expect(differences["aleppo-2016-11-04-civilians"] != nil)
  }

  @Test("Without the 15 November offensive, nothing of it is in force on 16 November")
  func noNovemberOffensive() throws {
    let scenario = "Scenarios/no-november-offensive.json"
    let offensive = "aleppo-offensive-2016-11"
    #expect(try status(["at", "2016-11-16"], of: offensive) == "in-force-all-day")
    #expect(try status(["at", "2016-11-16", "--scenario", scenario], of: offensive) == nil)
    let differences = try diff(scenario)
    #expect(strings(differences[offensive]?["leftOut"]) == ["offensive-2016-11-launched-003"])
    #expect(differences[offensive]?["onlyInRecord"]?.arrayValue?.isEmpty == false)
    let check = try TruceProcess.run(["check", scenario])
    #expect(check.status == 0)
    #expect(check.stdout.contains("statement: depends on what was left out"))
    #expect(check.stdout.contains("civilians-disagree-003"))
  }

  @Test("Without the 2 November announcement, the halt has no reported end and no corridors")
  func noNovemberAnnouncement() throws {
    let scenario = "Scenarios/no-november-2-announcement.json"
    let halt = "aleppo-air-strike-halt-2016-10"
    #expect(try status(["at", "2016-11-10T12:00"], of: halt) == "no-longer-in-force")
    #expect(try status(["at", "2016-11-10T12:00", "--scenario", scenario], of: halt) == "in-force")
    #expect(
      try status(
        ["at", "2016-11-04T12:00", "--scenario", scenario], of: "aleppo-2016-11-04-fighters") == nil
    )
    let differences = try diff(scenario)
    #expect(strings(differences[halt]?["leftOut"]) == ["halt-extended-000", "new-pause-001"])
    #expect(
      differences["aleppo-2016-11-04-fighters"]?["onlyInRecord"]?.arrayValue?.isEmpty == false)
  }

  @Test(
    "If the September ceasefire held, it would be in force in mid-October, beside the offensive")
  func septemberCeasefireHolds() throws {
    let scenario = "Scenarios/september-ceasefire-holds.json"
    let ceasefire = "us-russia-ceasefire-2016-09"
    #expect(try status(["at", "2016-10-15T12:00"], of: ceasefire) == "no-longer-in-force")
    #expect(
      try status(["at", "2016-10-15T12:00", "--scenario", scenario], of: ceasefire) == "in-force")
    let answer = try TruceProcess.run(["at", "2016-10-15T12:00", "--scenario", scenario, "--json"])
      .stdout
    let conflicts = try JSONParser.parse(answer).objectValue?["conflicts"]?.arrayValue ?? []
    #expect(conflicts.contains { $0.objectValue?["pause"]?.stringValue == ceasefire })
    let differences = try diff(scenario)
    #expect(strings(differences[ceasefire]?["added"]) == ["what-if-ceasefire-extended-to-october"])
    #expect(
      strings(differences[ceasefire]?["leftOut"]) == [
        "sept-ceasefire-collapsed-004", "sept-ceasefire-collapsed-000",
      ])
  }

  @Test("timeline --compare shows the record and the scenario row by row, and needs a scenario")
  func compare() throws {
    let result = try TruceProcess.run([
      "timeline", "--width", "120", "--compare", "--scenario",
      "Scenarios/no-november-offensive.json",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("record: offensive aleppo-offensive-2016-11"))
    #expect(!result.stdout.contains("scenario: offensive aleppo-offensive-2016-11"))
    #expect(try TruceProcess.run(["timeline", "--compare"]).status == 64)
  }

  @Test("No command run with scenarios changes a byte of the base log or its head")
  func baseUnchanged() throws {
    let log = TruceProcess.repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.jsonl")
    let head = TruceProcess.repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.jsonl.head")
    let before = (try Data(contentsOf: log), try Data(contentsOf: head))
    let scenarios = try FileManager.default.contentsOfDirectory(
      atPath: TruceProcess.repositoryRoot.appendingPathComponent("Scenarios").path
    ).filter { $0.hasSuffix(".json") }.sorted().map { "Scenarios/\($0)" }
    #expect(scenarios.count >= 4)
    let stacked = scenarios.flatMap { ["--scenario", $0] }
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let commands =
      [
        ["at", "2016-11-04"] + stacked, ["replay", "--json"] + stacked, ["log"] + stacked,
        ["timeline", "--width", "80"] + stacked,
        ["timeline", "--html", folder.appendingPathComponent("t.html").path] + stacked,
      ] + scenarios.map { ["diff", $0] } + scenarios.map { ["check", $0] }
    for arguments in commands {
      let result = try TruceProcess.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    #expect(try Data(contentsOf: log) == before.0)
    #expect(try Data(contentsOf: head) == before.1)
  }

  @Test("A scenario that cannot be read or applied fails with the file and what is wrong, exit 1")
  func badScenarios() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missingBase = folder.appendingPathComponent("missing-base.json")
    try
      #"{"format":"truce-scenario","version":1,"title":"t","description":"d","base":"nowhere.jsonl"}"#
      .write(to: missingBase, atomically: true, encoding: .utf8)
    let result = try TruceProcess.run(["check", missingBase.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: \(missingBase.path): base: cannot read the base log"))
    let unknown = folder.appendingPathComponent("unknown.json")
    try
      #"{"format":"truce-scenario","version":1,"title":"t","description":"d","leaveOut":["nope"]}"#
      .write(to: unknown, atomically: true, encoding: .utf8)
    let failed = try TruceProcess.run(["at", "2016-11-04", "--scenario", unknown.path])
    #expect(failed.status == 1)
    #expect(
      failed.stderr
        == "Error: \(unknown.path): leaveOut[0]: no event 'nope' in the base log (or an earlier scenario) to leave out\n"
    )
  }
}
