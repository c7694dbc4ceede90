import Foundation
import Testing

@testable import TruceKit

/// `replay` with `--type`, `--from` or `--to` (and no `--area`) from the lines the index points
/// to, against the same replay of the whole log.
@Suite("Replaying the events a filter takes from the index")
struct IndexedFilterTests {
  /// A filter, by types and by fractions of the history's span of announcements.
  struct Case: Sendable, CustomTestStringConvertible {
    var types: [String] = []
    var from: Double?
    var to: Double?
    var asOf: Double?
    var actors: [String] = []
    var testDescription: String {
      var parts = types.map { "--type \($0)" }
      if let from { parts.append("--from \(from)") }
      if let to { parts.append("--to \(to)") }
      if let asOf { parts.append("--as-of \(asOf)") }
      parts += actors.map { "--actor \($0)" }
      return parts.joined(separator: " ")
    }
  }

  static let cases = [
    Case(types: ["pause"]), Case(types: ["pause.extended"]), Case(types: ["statement"]),
    Case(types: ["corridor"]), Case(types: ["offensive", "violation.reported"]),
    Case(types: ["correction"]), Case(types: ["proposal"]),
    Case(from: 0.4, to: 0.45), Case(from: 0.9), Case(to: 0.05),
    Case(types: ["statement"], from: 0.2, to: 0.6),
    Case(types: ["pause"], asOf: 0.5), Case(from: 0.3, to: 0.4, asOf: 0.35),
    Case(types: ["pause"], actors: ["army"]),
  ]

  /// Every replay step, as JSON and as text.
  private static func outputs(_ log: EventLog, _ filter: EventFilter, zone: Zone) -> [String] {
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone))
    let steps = Replayer(filter: filter, zone: zone).steps(of: log)
    return steps.map(renderer.json) + steps.map(renderer.text)
  }

  @Test(
    "Every filtered replay read from the index equals that of the whole log, appended lines included"
  )
  func filteredReplaysAgree() throws {
    let history = try IndexedLogScratch(events: 3_000, areas: 8, seed: 61)
    defer { history.remove() }
    let path = try history.indexedLog(2_990, appendingThrough: 2_996, named: "log.jsonl")
    let log = try EventLog.read(path: path)
    let reader = try #require(IndexedLogReader(path: path))
    #expect(reader.tailBytes > 0)
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    func moment(_ fraction: Double?) -> Instant? {
      fraction.map { instants[min(instants.count - 1, Int(Double(instants.count) * $0))] }
    }
    let zone = try #require(log.areas.areas.first?.zone)
    var answered = 0
    for example in Self.cases {
      let filter = EventFilter(
        from: moment(example.from), to: moment(example.to), asOf: moment(example.asOf),
        types: example.types, actors: example.actors)
      let whole = Self.outputs(log, filter, zone: zone)
      #expect(!whole.isEmpty, "\(example.testDescription)")
      guard let subset = reader.log(forEventsMatching: filter) else {
        print("\(example.testDescription): the whole log")
        continue
      }
      answered += 1
      #expect(subset.events.count < log.events.count, "\(example.testDescription)")
      let fromIndex = Self.outputs(subset, filter, zone: zone)
      #expect(fromIndex.count == whole.count, "\(example.testDescription)")
      for (index, (expected, found)) in zip(whole, fromIndex).enumerated() where expected != found {
        Issue.record(
          "\(example.testDescription), output \(index): \(found.prefix(300)) ≠ \(expected.prefix(300))"
        )
        break
      }
      print("\(example.testDescription): \(subset.events.count) of \(log.events.count) lines")
    }
    print("filters answered from the index: \(answered) of \(Self.cases.count)")
    #expect(answered * 2 >= Self.cases.count)
  }

  @Test("A filter by neither type nor time, or with an area, is left to the whole log")
  func filtersOutOfReach() throws {
    let history = try IndexedLogScratch(events: 600, areas: 4, seed: 9)
    defer { history.remove() }
    let path = try history.indexedLog(598, appendingThrough: 600, named: "log.jsonl")
    let reader = try #require(IndexedLogReader(path: path))
    let area = try #require(reader.areas.areas.first)
    #expect(reader.log(forEventsMatching: EventFilter(actors: ["army"])) == nil)
    #expect(reader.log(forEventsMatching: EventFilter()) == nil)
    #expect(reader.log(forEventsMatching: EventFilter(area: area, types: ["pause"])) == nil)
  }
}
