import Foundation
import Testing

@testable import TruceKit

/// `truce log` filters answered from the index beside the log against filtering the whole log.
@Suite("Listing events from the index")
struct IndexedListingTests {
  /// Filters over a generated history: by area, type, announcement time, knowledge and actor,
  /// alone and together.
  private func filters(_ log: EventLog) throws -> [EventFilter] {
    let areas = log.areas.areas
    let instants = log.events.compactMap { $0.announced.range.earliest }.sorted()
    let early = instants[instants.count / 4]
    let middle = instants[instants.count / 2]
    let late = instants[instants.count * 3 / 4]
    return [
      EventFilter(),
      EventFilter(area: areas[0]),
      EventFilter(area: areas[areas.count - 1]),
      EventFilter(types: ["pause"]),
      EventFilter(types: ["correction.erratum", "statement"]),
      EventFilter(from: middle),
      EventFilter(to: early),
      EventFilter(from: early, to: late, area: areas[1]),
      EventFilter(asOf: middle, types: ["corridor"]),
      EventFilter(actors: ["UN"]),
      EventFilter(actors: ["Reuters"]),
      EventFilter(types: ["statement"], actors: ["analyst", "army"]),
      EventFilter(from: middle, actors: ["opposition factions"]),
      EventFilter(from: middle, to: middle.adding(seconds: 86_400 * 3)),
    ]
  }

  @Test("Every filter lists the same events as filtering the whole log, appended lines included")
  func filtersAgree() throws {
    let history = try IndexedLogScratch(events: 2_000, areas: 6, seed: 44)
    defer { history.remove() }
    let path = try history.indexedLog(1_990, appendingThrough: 1_995, named: "log.jsonl")
    let log = try EventLog.read(path: path)
    let reader = try #require(IndexedLogReader(path: path))
    #expect(reader.tailBytes > 0)
    for filter in try filters(log) {
      let whole = log.events.filter { filter.accepts($0, areas: log.areas) }
      let indexed = try #require(reader.events(matching: filter))
      #expect(indexed == whole, "\(filter)")
      #expect(!whole.isEmpty, "\(filter)")
    }
  }

  @Test("An event record that does not point to its event sends the listing to the whole log")
  func damagedRecord() throws {
    let history = try IndexedLogScratch(events: 300, areas: 4, seed: 5)
    defer { history.remove() }
    let path = try history.prefix(300, named: "log.jsonl", indexed: false)
    _ = try AtIndexing.write(for: try EventLog.read(path: path), path: path)
    #expect(IndexedLogReader(path: path)?.events(matching: EventFilter())?.count == 300)
    // The tenth record points to the eleventh event's line.
    let indexPath = AtIndex.path(forLog: path)
    var bytes = try FileIO.readAll(path: indexPath)
    let eventsOffset = try AtIndex(forLog: path).header.eventsOffset
    let tenth = eventsOffset + 9 * AtIndexLayout.eventSize
    let eleventh = tenth + AtIndexLayout.eventSize
    bytes.replaceSubrange(tenth..<tenth + 8, with: bytes[eleventh..<eleventh + 8])
    try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
    let reader = try #require(IndexedLogReader(path: path))
    #expect(reader.events(matching: EventFilter()) == nil)
  }
}
