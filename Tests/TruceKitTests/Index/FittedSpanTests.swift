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

  @Test(
    "A timeline given one bound and an as-of moment is fitted and drawn from the index as from the whole log",
    arguments: [0.1, 0.5, 0.9])
  func oneBoundAsOf(asOfFraction: Double) throws {
    let history = try IndexedLogScratch(events: 12_000, areas: 10, seed: 43)
    defer { history.remove() }
    let path = try history.prefix(12_000, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    func moment(_ fraction: Double) -> Instant {
      instants[Int(Double(instants.count - 1) * fraction)]
    }
    let asOf = moment(asOfFraction)
    let projection = Projection(log: log, knowledge: Knowledge(asOf: asOf))
    let bounds: [(from: Instant?, to: Instant?)] = [
      (moment(asOfFraction - 0.05), nil), (nil, moment(0.03)), (nil, moment(asOfFraction)),
      (moment(0.97), nil),
    ]
    var drawn = 0
    var total = 0
    for area in [nil] + Array(log.areas.areas.prefix(4)) {
      for (from, to) in bounds {
        total += 1
        let label =
          "\(area?.id ?? "all") from \(from?.iso8601 ?? "-") to \(to?.iso8601 ?? "-")"
          + " as of \(asOf.iso8601)"
        let whole = Timeline(
          projection: projection, from: from, to: to, area: area, areas: log.areas)
        let span = try #require(
          reader.fittedTimelineSpan(from: from, to: to, area: area, asOf: asOf), "\(label)")
        #expect(span.start == whole.from && span.end == whole.to, "\(label)")
        guard
          let read = reader.log(
            forTimelineFrom: span.start, to: span.end, area: area, asOf: asOf)
        else { continue }
        drawn += 1
        IndexedAnswers.expectSame(
          IndexedWindowTests.outputs(
            read.log, window: span, area: area, asOf: asOf, only: read.items),
          as: IndexedWindowTests.rendered(whole, areas: log.areas), label)
      }
    }
    #expect(drawn * 2 >= total)
  }

  @Test(
    "As of a moment, a pause later retracted, one extended later and one not yet declared fit the span as in the whole log",
    arguments: [
      ("2016-09-15T00:00Z", nil, "2016-10-05T00:00Z"),
      ("2016-09-15T00:00Z", nil, "2016-10-15T00:00Z"),
      ("2016-09-15T00:00Z", nil, "2016-12-01T00:00Z"),
      (nil, "2016-10-01T00:00Z", "2016-10-05T00:00Z"),
      (nil, "2016-09-01T00:00Z", "2016-11-05T00:00Z"),
    ] as [(String?, String?, String)])
  func handMadeAsOf(from: String?, to: String?, asOf: String) throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let events = [
      // Declared, then retracted: listed only as of a moment between the two.
      try ScratchLog.event(
        "d1", "pause.declared", announced: "2016-10-01T08:00Z",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-20T00:00Z","end":"2016-11-25T00:00Z"}"#
      ),
      try ScratchLog.event(
        "r1", "correction.retraction", announced: "2016-10-10T08:00Z", #""retracts":"d1""#),
      // Declared, then extended far: it reaches further once the extension is known.
      try ScratchLog.event(
        "d2", "pause.declared", announced: "2016-10-02T08:00Z",
        #""pause":"p2","kind":"pause","window":{"start":"2016-10-03T00:00Z","end":"2016-10-04T00:00Z"}"#
      ),
      try ScratchLog.event(
        "e2", "pause.extended", announced: "2016-10-12T08:00Z",
        #""pause":"p2","end":"2016-12-20T00:00Z""#),
      // Declared late, for an early time: not drawn before it was announced.
      try ScratchLog.event(
        "d3", "pause.declared", announced: "2016-11-01T08:00Z",
        #""pause":"p3","kind":"pause","window":{"start":"2016-08-01T00:00Z","end":"2016-08-02T00:00Z"}"#
      ),
    ]
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    let asOfInstant = try IndexedWindowTests.instant(asOf)
    let fromInstant = try from.map(IndexedWindowTests.instant)
    let toInstant = try to.map(IndexedWindowTests.instant).map(Timeline.end(through:))
    let timeline = Timeline(
      projection: Projection(log: whole, knowledge: Knowledge(asOf: asOfInstant)),
      from: fromInstant, to: toInstant, areas: whole.areas)
    let span = try #require(
      reader.fittedTimelineSpan(from: fromInstant, to: toInstant, area: nil, asOf: asOfInstant))
    #expect(span.start == timeline.from && span.end == timeline.to)
    let read = try #require(
      reader.log(forTimelineFrom: span.start, to: span.end, asOf: asOfInstant))
    IndexedAnswers.expectSame(
      IndexedWindowTests.outputs(
        read.log, window: span, asOf: asOfInstant, only: read.items),
      as: IndexedWindowTests.rendered(timeline, areas: whole.areas), "as of \(asOf)")
  }

  @Test("With lines appended since the index was built, the span is not fitted from the index")
  func appendedLines() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let from = try #require(log.events.last?.announced.range.earliest)
    #expect(reader.fittedTimelineSpan(from: from, to: nil, area: nil) == nil)
  }
}
