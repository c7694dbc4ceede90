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
      let id = selection.events[position].id
      if result[id] == nil { result[id] = position }
    }
    return result
  }

  @Test(
    "Every selected id is found where a dictionary of first positions has it, and no other",
    arguments: [(0, 0), (1, 1), (5, 3), (3_000, 3_000), (3_000, 2_000)])
  func agreesWithADictionary(size: Int, count: Int) throws {
    let log = try GeneratorScratch.log(events: max(size, 1), areas: 4, seed: 7)
    var random = SplitMix64(seed: UInt64(size))
    var events = Array(log.events.prefix(size))
    // Some ids repeat, some later in the list than the count: the first selected one is kept.
    for position in events.indices where random.below(5) == 0 && position > 0 {
      events[position].id = events[random.below(position)].id
    }
    let skipped = (0..<count).filter { _ in random.below(7) == 0 }
    let selection = FoldInput.Selection(events: events, count: count, skipped: skipped)
    let positions = EventPositions(selection)
    let expected = Self.expected(selection)
    for event in events {
      #expect(positions.position(of: event.id, in: events) == expected[event.id], "\(event.id)")
    }
    #expect(positions.position(of: "no-such-event", in: events) == nil)
    #expect(positions.position(of: "", in: events) == nil)
  }

  @Test("Ids that differ only past their shared beginning, or in any script, are told apart")
  func similarIDsAreToldApart() throws {
    let template = try #require(try TestLog.bundled().events.first)
    let ids = [
      "", "a", "a\u{301}", "\u{e1}", "حلب-1", "حلب-2", String(repeating: "long-", count: 40),
      String(repeating: "long-", count: 40) + "x",
    ]
    let events = ids.map { id in
      var event = template
      event.id = id
      return event
    }
    let positions = EventPositions(
      FoldInput.Selection(events: events, count: events.count, skipped: []))
    for (position, id) in ids.enumerated() {
      #expect(positions.position(of: id, in: events) == position, "\(id)")
    }
  }
}
