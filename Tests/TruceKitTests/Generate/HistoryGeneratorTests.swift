import Foundation
import Testing

@testable import TruceKit

/// Generated histories: valid against the whole reader and verifier, the same for the same seed,
/// with every kind of event, of realistic size.
@Suite("Generating synthetic histories")
struct HistoryGeneratorTests {
  @Test(
    "A generated log passes the verifier and the verifying reader",
    arguments: [(200, 12, 1), (200, 3, 7), (2_000, 12, 2), (2_000, 40, 11)] as [(Int, Int, UInt64)])
  func generatedLogsVerify(events: Int, areas: Int, seed: UInt64) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: events, areas: areas, seed: seed).write(
      to: scratch.log)
    let verified = try LogVerifier.verify(path: scratch.log)
    #expect(verified.events == events)
    #expect(verified.lastLineHash == report.head.hash)
    let log = try EventLog.read(path: scratch.log, options: .verifying)
    #expect(log.events.count == events)
    #expect(log.areas.areas.count == areas)
    #expect(try LogHead.read(forLog: scratch.log) == report.head)
  }

  @Test("A log of 10,000 events passes the verifier: the whole chain, the head, the announcements")
  func largeLogVerifies() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: 10_000, areas: 12, seed: 3).write(to: scratch.log)
    // The verifier reads the log with `.verifying` (every line, the full chain) itself.
    let verified = try LogVerifier.verify(path: scratch.log)
    #expect(verified.events == 10_000)
    #expect(report.features.localNearClockChange > 0)
  }

  @Test("The same seed writes the same bytes, and a different seed a different history")
  func deterministic() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let paths = ["a", "b", "c"].map { scratch.path($0) }
    _ = try HistoryGenerator(events: 2_000, areas: 12, seed: 42).write(to: paths[0])
    _ = try HistoryGenerator(events: 2_000, areas: 12, seed: 42).write(to: paths[1])
    _ = try HistoryGenerator(events: 2_000, areas: 12, seed: 43).write(to: paths[2])
    let bytes = try paths.map { try FileIO.readAll(path: $0) }
    #expect(bytes[0] == bytes[1])
    #expect(
      try FileIO.readAll(path: paths[0] + ".head") == FileIO.readAll(path: paths[1] + ".head"))
    #expect(bytes[0] != bytes[2])
    #expect(bytes[0].count > 100_000)
  }

  @Test("The mix: every event type appears in 2,000 events, and the report counts the file's")
  func everyTypeAppears() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: 2_000, seed: 5).write(to: scratch.log)
    let log = try EventLog.read(path: scratch.log)
    var counts: [EventType: Int] = [:]
    for event in log.events { counts[event.type, default: 0] += 1 }
    for type in EventType.allCases {
      #expect(counts[type, default: 0] > 0, "no \(type.rawValue)")
    }
    #expect(report.counts.map(\.type) == EventType.allCases)
    for (type, count) in report.counts { #expect(counts[type] == count) }
    #expect(report.counts.map(\.count).reduce(0, +) == 2_000)
    #expect(report.text.contains("pause.declared"))
    #expect(report.json.serialized().contains(#""schema":"truce.generate/1""#))
  }

  @Test("Links, corrections and every form of time occur")
  func featuresOccur() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 2_000, seed: 9).write(to: scratch.log)
    let text = String(decoding: try FileIO.readAll(path: scratch.log), as: UTF8.self)
    let wanted = [
      #""disputes":["#, #""sameAnnouncementAs":["#, #""end":null"#, #""void":true"#,
      #""set":{"#, #""dailyHours":{"#, #"Z""#, #""../"#, #"/..""#, #"-W"#, #"+04:30""#,
      #""announced":"../..""#,
    ]
    for fragment in wanted {
      #expect(text.contains(fragment), "no \(fragment)")
    }
    // Day-only dates and months, alone.
    #expect(text.contains(try Regex(#""announced":"\d{4}-\d{2}-\d{2}""#)))
    #expect(text.contains(try Regex(#""announced":"\d{4}-\d{2}""#)))
    // Local wall times, with no offset.
    #expect(text.contains(try Regex(#""at":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}""#)))
  }

  @Test("Event lines are of realistic size, and the report gives their average")
  func lineSize() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: 2_000, seed: 1).write(to: scratch.log)
    let bytes = try FileIO.readAll(path: scratch.log)
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    let average = Double(bytes.count - lines[0].count - 1) / Double(lines.count - 1)
    #expect(abs(average - report.averageEventLineBytes) < 0.001)
    #expect(report.bytes == bytes.count)
    // Every event carries about 300 bytes of required fields (74 of them `prev`).
    #expect((300...430).contains(average))
  }

  @Test("Areas nest in countries, regions and cities, in several zones")
  func areasNest() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 200, areas: 12).write(to: scratch.log)
    let registry = try EventLog.read(path: scratch.log).areas
    #expect(registry.areas.count == 12)
    #expect(Set(registry.areas.map(\.zone.identifier)).count > 1)
    #expect(registry.areas.contains { registry.lineage(of: $0.id).count >= 3 })
    #expect(registry.areas.filter { $0.parent == nil }.count > 1)
  }

  @Test("An existing output file is refused and left alone")
  func refusesExistingFile() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    try Data("keep\n".utf8).write(to: URL(fileURLWithPath: scratch.log))
    #expect(throws: WriteError.exists(scratch.log)) {
      try HistoryGenerator(events: 10).write(to: scratch.log)
    }
    #expect(try FileIO.readAll(path: scratch.log) == Array("keep\n".utf8))
    #expect(!FileIO.exists(scratch.log + ".head"))
  }

  @Test("Counts out of range are refused before anything is written")
  func refusesBadCounts() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    for generator in [
      HistoryGenerator(events: 0), HistoryGenerator(events: 5, areas: 0),
      HistoryGenerator(events: 5, areas: HistoryGenerator.areaLimit + 1),
    ] {
      #expect(throws: WriteError.self) { try generator.write(to: scratch.log) }
      #expect(!FileIO.exists(scratch.log))
    }
  }
}
