import Foundation
import Testing
import TruceKit

@Suite("truce replay and timeline on the bundled history, end to end")
struct ReplayAndTimelineCommandTests {
  @Test("replay --json writes one parseable object per announcement, in announcement order")
  func replayJSON() throws {
    let result = try TruceProcess.run(["replay", "--json"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count == 51)
    var previous = ""
    for line in lines {
      let object = try #require(try JSONParser.parse(String(line)).objectValue)
      #expect(object["schema"]?.stringValue == "truce.replay/1")
      let placed = try #require(object["placedAt"]?.stringValue)
      #expect(placed >= previous, "out of order at \(placed)")
      previous = placed
    }
  }

  @Test("The 2 November announcement's step names both readings of it")
  func replayTheDispute() throws {
    let text = try TruceProcess.run([
      "replay", "--type", "pause.extended", "--actor", "Russian Defence",
    ]).stdout
    #expect(text.hasPrefix("step 1 of 1 · announced 2016-11-02 (day only)"))
    #expect(text.contains("halt-extended-000 · pause.extended aleppo-air-strike-halt-2016-10"))
    #expect(text.contains("reports disagree (what was announced)"))
  }

  @Test("replay --calendar walks the boundaries in time order, each with when it was announced")
  func calendar() throws {
    let text = try TruceProcess.run(["replay", "--calendar"]).stdout
    #expect(
      text.hasPrefix(
        "1 of 19 · between 2016-05-26 and 2016-06\n  pause aleppo-ceasefire-2016-06 comes into force\n"
      ))
    #expect(text.contains("corridors aleppo-2016-11-04-fighters close"))
    let lines = try TruceProcess.run(["replay", "--calendar", "--json"]).stdout.split(
      separator: "\n")
    #expect(lines.count == 19)
    let placed = try lines.map { line in
      try #require(try JSONParser.parse(String(line)).objectValue?["placedAt"]?.stringValue)
    }
    #expect(placed == placed.sorted())
  }

  @Test("timeline fits the width asked for and draws a row per item")
  func timeline() throws {
    let result = try TruceProcess.run(["timeline", "--width", "80"])
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 80 })
    #expect(lines.filter { $0.contains("|") }.count == 9)
    let narrow = try TruceProcess.run(["timeline", "--width", "10"])
    #expect(narrow.status == 64)
  }
}
