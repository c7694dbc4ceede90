import Testing

@testable import TruceKit

/// The at answer's JSON written straight into text against the tree of the same answer
/// serialized by the writer answers had before (``ReferenceJSONWriter``): byte for byte the
/// same, so that scripts see no difference.
@Suite("Writing the at answer's JSON without building its tree")
struct AtJSONTextTests {
  /// Both ways of writing the JSON of the answers to these questions.
  private func expectSameText(_ queries: [AtQuery], log: EventLog) {
    let renderer = AtJSONRenderer(logFile: log.file)
    for query in queries {
      let answer = query.answer(from: log)
      let tree = ReferenceJSONWriter.pretty(renderer.value(answer))
      #expect(
        String(decoding: renderer.renderedBytes(answer), as: UTF8.self) == tree,
        "\(query.moment) \(query.area?.id ?? "all areas")")
      #expect(renderer.render(answer) == tree)
    }
  }

  @Test(
    "On the bundled history, every day of autumn 2016 in every area, with and without an as-of moment and every item, is written as its tree is"
  )
  func bundledHistory() throws {
    let log = try TestLog.bundled()
    let zone = try #require(log.areas.zones.first)
    var queries: [AtQuery] = []
    for day in stride(from: 0, to: 120, by: 1) {
      let date = try #require(CivilDate(year: 2016, month: 9, day: 1)).adding(days: day)
      let moment = try Moment(parsing: "\(date)T13:30", zone: zone)
      for area in [nil] + log.areas.areas.map(Optional.some) {
        var query = AtQuery(moment: moment, area: area, zone: area?.zone ?? zone)
        switch day % 3 {
        case 0: query.contextLimit = nil
        case 1: query.asOf = try Moment(parsing: "\(date.adding(days: -3))", zone: zone)
        default: break
        }
        queries.append(query)
      }
    }
    expectSameText(queries, log: log)
  }

  @Test("On a generated history, moments across it are written as their trees are")
  func generatedHistory() throws {
    let log = try GeneratorScratch.log(events: 4_000, areas: 8, seed: 13)
    let utc = try #require(Zone(identifier: "UTC"))
    let queries = try log.events.filter { $0.seq % 200 == 0 }.compactMap { event -> AtQuery? in
      guard let instant = event.announced.range.earliest else { return nil }
      return AtQuery(moment: try Moment(parsing: instant.iso8601, zone: utc), zone: utc)
    }
    #expect(queries.count >= 15)
    expectSameText(queries, log: log)
  }
}
