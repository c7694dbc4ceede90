import Foundation
import Testing

@Suite("Zones come from the system's tz database, or TZDIR")
struct ZoneDatabaseCommandTests {
  @Test("Without a tz database, a log with zones fails naming the missing database, exit 1")
  func missingDatabase() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-no-tz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: empty) }
    let result = try TruceProcess.run(["at", "2016-11-04"], environment: ["TZDIR": empty.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Error: EventLog/aleppo-2016.jsonl:1: field 'areas[0].zone': 'Asia/Damascus' cannot be "
        + "looked up: the tz database is not installed (no \(empty.path)/UTC; install the system's "
        + "tzdata, or name its folder in TZDIR)\n")
  }

  @Test("TZDIR names the database's folder: a copy of it answers as the system's does")
  func databaseFromTZDIR() throws {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-tz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: copy.appendingPathComponent("Asia"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: copy) }
    for name in ["UTC", "Asia/Damascus"] {
      try FileManager.default.copyItem(
        atPath: "/usr/share/zoneinfo/" + name, toPath: copy.appendingPathComponent(name).path)
    }
    let system = try TruceProcess.run(["at", "2016-11-04T20:00", "--json"])
    let copied = try TruceProcess.run(
      ["at", "2016-11-04T20:00", "--json"], environment: ["TZDIR": copy.path])
    #expect(system.status == 0)
    #expect(copied.status == 0)
    #expect(copied.stdout == system.stdout)
  }
}
