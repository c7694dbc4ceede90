import Testing

@testable import TruceKit

/// `timeline` given only `--from` or only `--to`: the other end is fitted to every item of the
/// log, which the index tells without reading them; the span is then drawn from its lines.
@Suite("Drawing a timeline open at one end from the index")
struct FittedSpanTests {
  @Test(
    "A timeline given one bound is fitted and drawn from the index as from the whole log, for all areas and some"
  )
  func oneBound() throws {
    let seed: UInt64 = 41
    let history = try IndexedLogScratch(events: 12_000, areas: 10, seed: seed)
    defer { history.remove() }
    let path = try history.prefix(12_000, named: "log.jsonl", indexed: false)
    let log = try EventLog.read(path: path)
    _ = try AtIndexing.write(for: log, path: path)
    let reader = try #require(IndexedLogReader(path: path))
    let projection = Projection(log: log)
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    func moment(_ fraction: Double) -> Instant {
      instants[Int(Double(instants.count - 1) * fraction)]
    }
    let bounds: [(from: Instant?, to: Instant?)] = [
      (moment(0.6), nil), (moment(0.97), nil), (nil, moment(0.03)), (nil, moment(0.3)),
    ]
    var drawn = 0
    var total = 0
    let areas: [Area?] = [nil] + Array(log.areas.areas.prefix(4))
    for area in areas {
      for (from, to) in bounds {
        total += 1
        let label = "\(area?.id ?? "all") from \(from?.iso8601 ?? "-") to \(to?.iso8601 ?? "-")"
        let whole = Timeline(
          projection: projection, from: from, to: to, area: area, areas: log.areas)
        let span = try #require(reader.fittedTimelineSpan(from: from, to: to, area: area))
        #expect(span.start == whole.from && span.end == whole.to, "\(label)")
        guard let read = reader.log(forTimelineFrom: span.start, to: span.end, area: area) else {
          continue
        }
        drawn += 1
        IndexedAnswers.expectSame(
          IndexedWindowTests.outputs(read.log, window: span, area: area, only: read.items),
          as: IndexedWindowTests.rendered(whole, areas: log.areas), label)
      }
    }
    print("timelines open at one end drawn from the index: \(drawn) of \(total)")
    #expect(drawn * 2 >= total)
  }

  @Test("With lines appended since the index was built, the span is not fitted from the index")
  func appendedLines() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let from = try #require(log.events.last?.announced.range.earliest)
    #expect(reader.fittedTimelineSpan(from: from, to: nil, area: nil) == nil)
  }
}
