import Foundation
import Testing
import TruceKit

@Suite("truce log, show and disputes on the bundled history")
struct ListingCommandTests {
  @Test("log lists one line per event, filtered by type and actor")
  func log() throws {
    let all = try TruceProcess.run(["log"])
    #expect(all.status == 0)
    #expect(all.stdout.split(separator: "\n").count == 52)
    let pauses = try TruceProcess.run(["log", "--type", "pause.extended"])
    let lines = pauses.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].contains("october-ceasefire-extended-002"))
    #expect(lines[2].contains("halt-extended-000"))
    let peskov = try TruceProcess.run(["log", "--actor", "peskov", "--json"])
    let events = try #require(
      try JSONParser.parse(peskov.stdout).objectValue?["events"]?.arrayValue)
    #expect(
      events.compactMap { $0.objectValue?["id"]?.stringValue } == [
        "peskov-condition-000", "peskov-pause-continuing-000",
      ])
    let wrong = try TruceProcess.run(["log", "--type", "pauses"])
    #expect(wrong.status == 64)
  }

  @Test("show prints an event in full with the events linked to it")
  func show() throws {
    let result = try TruceProcess.run(["show", "new-pause-001"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("new-pause-001 · seq 34 · line 35 · pause.declared\n"))
    #expect(result.stdout.contains("THE SAME ANNOUNCEMENT, REPORTED AS\n    halt-extended-000"))
    #expect(result.stdout.contains("quote"))
    let json = try #require(
      try JSONParser.parse(try TruceProcess.run(["show", "new-pause-001", "--json"]).stdout)
        .objectValue)
    #expect(json["event"]?.objectValue?["id"]?.stringValue == "new-pause-001")
    let missing = try TruceProcess.run(["show", "no-such-event"])
    #expect(missing.status == 64)
    #expect(
      missing.stderr.hasPrefix(
        "Error: The value 'no-such-event' is invalid for '<id>': no event has this id"))
  }

  @Test("disputes lists every disputed fact with each side's sources and events")
  func disputes() throws {
    let result = try TruceProcess.run(["disputes"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("aleppo-2016-11-04-fighters: end\n    000  2016-11-04T19:00Z"))
    #expect(result.stdout.contains("001  2016-11-04T19:00 (local, 2016-11-04T17:00Z)"))
    #expect(result.stdout.contains("aleppo-air-strike-halt-2016-10: what was announced"))
    // As of 1 October, the 2 November announcement is unknown; the offensive's two launch dates are
    // on the record (002's report is possibly known by then: it is dated only "on or after").
    let early = try JSONParser.parse(
      try TruceProcess.run(["disputes", "--as-of", "2016-10-01", "--json"]).stdout)
    let subjects =
      early.objectValue?["disputes"]?.arrayValue?.compactMap {
        $0.objectValue?["subject"]?.stringValue
      } ?? []
    #expect(!subjects.contains("aleppo-air-strike-halt-2016-10"))
    #expect(subjects.contains("aleppo-offensive-2016-09"))
  }
}
