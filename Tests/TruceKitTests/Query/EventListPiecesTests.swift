import Testing

@testable import TruceKit

/// `truce log`, written a piece at a time, against the same listing built whole: the JSON
/// document as a tree, the text as one table.
@Suite("Writing a listing a piece at a time")
struct EventListPiecesTests {
  /// The document as a tree of values, serialized at once (how the listing was written before
  /// it was written in pieces).
  static func tree(_ events: [Event], hypothetical: Set<String>) -> String {
    JSONValue.object([
      "schema": .string(EventListRenderer.schema),
      "events": .array(events.map(EventJSON.summary)),
      "hypothetical": .array(events.filter { hypothetical.contains($0.id) }.map { .string($0.id) }),
    ])
    .serialized(pretty: true) + "\n"
  }

  /// The text listing as one table (how it was written before it was written in pieces).
  static func table(_ events: [Event], hypothetical: Set<String>, areas: AreaRegistry) -> String {
    guard !events.isEmpty else { return "No events match.\n" }
    var table = TextTable()
    table.add(["SEQ", "ANNOUNCED", "TYPE", "ID", "ABOUT", "AREA", "SRC", "BY"])
    for event in events {
      table.add([
        "\(event.seq)", event.announced.spec.description, event.type.rawValue,
        hypothetical.contains(event.id) ? "\(event.id) (hypothetical)" : event.id,
        event.subject ?? "-",
        areas[event.area]?.name ?? event.area, event.source.citation,
        event.announcedBy.joined(separator: ", "),
      ])
    }
    return table.rendered().joined(separator: "\n") + "\n"
  }

  /// The events of the bundled history (0), of none (1), or of a generated history of this
  /// many, with every seventh counted as one a scenario added.
  static func listing(_ generated: Int) throws -> (
    events: [Event], areas: AreaRegistry, hypothetical: Set<String>
  ) {
    let events: [Event]
    let areas: AreaRegistry
    if generated == 0 {
      let log = try TestLog.bundled()
      (events, areas) = (log.events, log.areas)
    } else {
      let log = try GeneratorScratch.log(events: max(generated, 10), areas: 4, seed: 9)
      (events, areas) = (generated == 1 ? [] : log.events, log.areas)
    }
    let hypothetical = Set(events.enumerated().filter { $0.offset % 7 == 3 }.map(\.element.id))
    return (events, areas, hypothetical)
  }

  @Test(
    "The JSON pieces make the document the tree gives, for the bundled history, a large history and none",
    arguments: [0, 1, 3_000])
  func piecesMakeTheDocument(generated: Int) throws {
    let (events, areas, hypothetical) = try Self.listing(generated)
    var pieces: [[UInt8]] = []
    EventListRenderer(areas: areas).writeJSON(events, hypothetical: hypothetical) {
      pieces.append($0)
    }
    let written = String(decoding: pieces.joined(), as: UTF8.self)
    #expect(written == Self.tree(events, hypothetical: hypothetical))
    #expect(
      EventListRenderer(areas: areas).json(events, hypothetical: hypothetical) == written)
    // A large listing is written in several pieces, each about as large as the writer gathers.
    if generated > 1 {
      #expect(pieces.count > 3)
      #expect(pieces.dropLast().allSatisfy { $0.count < 2 * EventListRenderer.piece })
    }
  }

  @Test(
    "The text pieces make the table laid out whole, for the bundled history, a large history and none",
    arguments: [0, 1, 3_000])
  func piecesMakeTheTable(generated: Int) throws {
    let (events, areas, hypothetical) = try Self.listing(generated)
    var pieces: [String] = []
    EventListRenderer(areas: areas).writeText(events, hypothetical: hypothetical) {
      pieces.append($0)
    }
    let written = pieces.joined()
    #expect(written == Self.table(events, hypothetical: hypothetical, areas: areas))
    #expect(EventListRenderer(areas: areas).text(events, hypothetical: hypothetical) == written)
    if generated > 1 {
      #expect(pieces.count > 3)
      #expect(pieces.dropLast().allSatisfy { $0.utf8.count < 2 * EventListRenderer.piece })
    }
  }

  @Test("Text pieces are handed on once full, the rest on flushing, and nothing when empty")
  func textPieces() {
    var written: [String] = []
    var pieces = TextPieces { written.append($0) }
    pieces.flush()
    #expect(written.isEmpty)
    let line = String(repeating: "é", count: 1_000) + "\n"
    for _ in 0..<100 { pieces.append(line) }
    #expect(written.count == 3)
    #expect(written.allSatisfy { $0.utf8.count >= TextPieces.size })
    pieces.flush()
    #expect(written.count == 4)
    #expect(written.joined() == String(repeating: line, count: 100))
    pieces.flush()
    #expect(written.count == 4)
  }
}
