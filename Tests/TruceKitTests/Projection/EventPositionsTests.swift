import Testing

@testable import TruceKit

/// `EventPositions`, the table a projection finds one folded event by id through.
@Suite("Finding a folded event's position by id")
struct EventPositionsTests {
  /// The positions a dictionary gives: of the first `count` events, skipped ones left out, the
  /// first of each id.
  private static func expected(_ selection: FoldInput.Selection) -> [String: Int] {
    var result: [String: Int] = [:]
    for position in 0..<selection.count where !selection.skipped.contains(position) {
      let id = selection.list.id(at: position)
      if result[id] == nil { result[id] = position }
    }
    return result
  }

  /// The events as a list to fold: decoded, or held as records (whose lines are not read here).
  private static func list(_ events: [Event], asRecords: Bool, areas: AreaRegistry) -> FoldedList {
    guard asRecords else { return .events(EffectiveEvents(events)) }
    let reader = LineRereader(storage: LogBytes([]), file: "test.jsonl", lines: [], areas: areas)
    return .records(
      RecordedEvents(
        records: CompactEvents(events), origins: events.indices.map { UInt32($0) }, errata: [:],
        reader: reader))
  }

  @Test(
    "Every selected id is found where a dictionary of first positions has it, and no other",
    arguments: [(0, 0), (1, 1), (5, 3), (3_000, 3_000), (3_000, 2_000)], [false, true])
  func agreesWithADictionary(sizes: (size: Int, count: Int), asRecords: Bool) throws {
    let (size, count) = sizes
    let log = try GeneratorScratch.log(events: max(size, 1), areas: 4, seed: 7)
    var random = SplitMix64(seed: UInt64(size))
    var events = Array(log.events.prefix(size))
    // Some ids repeat, some later in the list than the count: the first selected one is kept.
    for position in events.indices where random.below(5) == 0 && position > 0 {
      events[position].id = events[random.below(position)].id
    }
    let skipped = (0..<count).filter { _ in random.below(7) == 0 }
    let list = Self.list(events, asRecords: asRecords, areas: log.areas)
    let selection = FoldInput.Selection(list: list, count: count, skipped: skipped)
    let positions = EventPositions(selection)
    let expected = Self.expected(selection)
    for event in events {
      #expect(positions.position(of: event.id, in: list) == expected[event.id], "\(event.id)")
    }
    #expect(positions.position(of: "no-such-event", in: list) == nil)
    #expect(positions.position(of: "", in: list) == nil)
  }

  @Test(
    "Ids that differ only past their shared beginning, or in any script, are told apart",
    arguments: [false, true])
  func similarIDsAreToldApart(asRecords: Bool) throws {
    let log = try TestLog.bundled()
    let template = try #require(log.events.first)
    let ids = [
      "", "a", "a\u{301}", "\u{e1}", "حلب-1", "حلب-2", String(repeating: "long-", count: 40),
      String(repeating: "long-", count: 40) + "x",
    ]
    let events = ids.map { id in
      var event = template
      event.id = id
      return event
    }
    let list = Self.list(events, asRecords: asRecords, areas: log.areas)
    let positions = EventPositions(
      FoldInput.Selection(list: list, count: events.count, skipped: []))
    for (position, id) in ids.enumerated() {
      #expect(positions.position(of: id, in: list) == position, "\(id)")
    }
  }
}
