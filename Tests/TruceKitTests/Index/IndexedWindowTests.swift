import Foundation
import Testing

@testable import TruceKit

/// `timeline --from … --to …` without an area drawn from the lines the index points to, against
/// the same timeline over the whole log.
@Suite("Drawing a span of time from the index")
struct IndexedWindowTests {
  /// What `timeline` writes for a span from a log: the JSON, the chart in local time and in UTC,
  /// and the HTML page.
  static func outputs(
    _ log: EventLog, window: Span, area: Area? = nil, asOf: Instant? = nil,
    only items: Set<String>? = nil
  ) -> [String] {
    let timeline = Timeline(
      projection: Projection(log: log, knowledge: Knowledge(asOf: asOf)), from: window.start,
      to: window.end, area: area, areas: log.areas, only: items)
    return rendered(timeline, areas: log.areas)
  }

  /// What `timeline` writes for a timeline of a log in these areas: the JSON, the chart in
  /// local time and in UTC, and the HTML page.
  static func rendered(_ timeline: Timeline, areas: AreaRegistry) -> [String] {
    let zone = areas.zones.first ?? Zone.utcForTests
    return [
      TimelineJSON.value(timeline).serialized(pretty: true),
      TimelineChart(width: 120, zone: zone).render(timeline),
      TimelineChart(width: 100, zone: Zone.utcForTests).render(timeline),
      TimelineHTML(timeline: timeline, areas: areas, zone: zone, title: "span").render(),
    ]
  }

  /// The instant a time with an offset names (its earliest, for a day).
  static func instant(_ text: String) throws -> Instant {
    try #require(try Stamp(TimeSpec(parsing: text), in: nil).range.earliest)
  }

  /// Spans of an hour, a day, a week, a month and a year, starting at announcements spread over
  /// the history, and one over all of it.
  static func windows(of log: EventLog) -> [Span] {
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    let lengths: [Int64] = [3_600, 86_400, 7 * 86_400, 30 * 86_400, 365 * 86_400]
    var windows: [Span] = []
    for (step, fraction) in [0.05, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95].enumerated() {
      let start = instants[Int(Double(instants.count - 1) * fraction)]
      let length = lengths[step % lengths.count]
      windows.append(Timeline.window(from: start, to: start.adding(seconds: length)))
    }
    if let first = instants.first, let last = instants.last {
      windows.append(Timeline.window(from: first, to: last))
    }
    return windows
  }

  /// Draws each span, for each area (`nil`: all of them), from the index and from the whole log,
  /// and expects the same outputs; returns what the index read for each (areas first, then
  /// spans), `nil` where it left the span to the whole log.
  static func compareSpans(
    of log: EventLog, reader: IndexedLogReader, areas: [Area?], windows: [Span],
    asOf: Instant? = nil, label: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> [WindowLog?] {
    var read: [WindowLog?] = []
    for area in areas {
      for window in windows {
        let subset = reader.log(
          forTimelineFrom: window.start, to: window.end, area: area, asOf: asOf)
        read.append(subset)
        guard let subset else { continue }
        IndexedAnswers.expectSame(
          Self.outputs(subset.log, window: window, area: area, asOf: asOf, only: subset.items),
          as: Self.outputs(log, window: window, area: area, asOf: asOf),
          "\(label), \(area?.id ?? "all"), \(window.start.iso8601)–\(window.end.iso8601)"
            + (asOf.map { ", as of \($0.iso8601)" } ?? ""),
          sourceLocation: sourceLocation)
      }
    }
    return read
  }

  /// As-of moments over a span: a week and an hour before it starts, at its start, within it,
  /// at its end, a month after it, and a second after an announcement near it.
  static func asOfMoments(around window: Span, in log: EventLog) -> [Instant] {
    let length = window.end.secondsSinceEpoch - window.start.secondsSinceEpoch
    let announcements = log.events.compactMap(\.announced.range.latest).sorted()
    let near =
      announcements.first { $0 >= window.start }.map { [$0.adding(seconds: 1)] } ?? []
    return [
      window.start.adding(seconds: -7 * 86_400), window.start.adding(seconds: -3_600),
      window.start, window.start.adding(seconds: length / 2), window.end,
      window.end.adding(seconds: 30 * 86_400),
    ] + near
  }

  @Test(
    "Timelines over spans of time drawn from the index equal the whole log's, appended lines included"
  )
  func spansAgree() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let read = Self.compareSpans(
      of: log, reader: reader, areas: [nil], windows: Self.windows(of: log), label: "all")
    #expect(read.allSatisfy { $0 != nil })
    // The short spans read well under half the log.
    #expect(read.compactMap { $0 }.filter { $0.log.events.count < log.events.count / 2 }.count >= 4)
  }

  @Test(
    "Timelines of an area over spans of time drawn from the index equal the whole log's, appended lines included"
  )
  func areaSpansAgree() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let windows = Array(Self.windows(of: log).prefix(4))
    let read = Self.compareSpans(
      of: log, reader: reader, areas: log.areas.areas, windows: windows, label: "by area")
    #expect(read.allSatisfy { $0 != nil })
    // Each no wider than the same span for every area.
    let everywhere = windows.map {
      reader.log(forTimelineFrom: $0.start, to: $0.end)?.log.events.count ?? 0
    }
    for (index, subset) in read.enumerated() {
      #expect((subset?.log.events.count ?? 0) <= everywhere[index % windows.count])
    }
  }

  @Test(
    "Timelines over spans as of moments around them drawn from the index equal the whole log's, appended lines included"
  )
  func spansAsOfAgree() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    var read: [WindowLog?] = []
    for window in Self.windows(of: log).prefix(7) {
      for asOf in Self.asOfMoments(around: window, in: log) {
        read += Self.compareSpans(
          of: log, reader: reader, areas: [nil, log.areas.areas.first], windows: [window],
          asOf: asOf, label: "as of")
      }
    }
    #expect(read.allSatisfy { $0 != nil })
    // Some as-of spans read well under half the log.
    #expect(
      read.compactMap { $0 }.filter { $0.log.events.count < log.events.count / 2 }.count >= 10)
  }

  @Test(
    "Timelines over spans of a larger generated history drawn from the index equal the whole log's, also as of moments around them",
    arguments: [UInt64(5), 23])
  func spansOfLargerHistoryAgree(seed: UInt64) throws {
    let history = try IndexedLogScratch(events: 12_000, areas: 12, seed: seed)
    defer { history.remove() }
    let path = try history.prefix(12_000, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    var read = Self.compareSpans(
      of: log, reader: reader, areas: [nil] + log.areas.areas.prefix(3).map(Optional.some),
      windows: Self.windows(of: log), label: "seed \(seed)")
    // As of moments around four of the spans (an hour, a day, a week and a month long).
    for window in Self.windows(of: log).prefix(4) {
      for asOf in Self.asOfMoments(around: window, in: log) {
        read += Self.compareSpans(
          of: log, reader: reader, areas: [nil, log.areas.areas[seed == 5 ? 1 : 2]],
          windows: [window], asOf: asOf, label: "seed \(seed)")
      }
    }
    #expect(read.allSatisfy { $0 != nil })
  }

  @Test(
    "An erratum dating an announcement, seen as of moments before and after it, draws as the whole log does"
  )
  func erratumAsOfAgrees() throws {
    for (line, erratum) in [("2017-01-20", "2016-11-05"), ("2016-11-05", "2017-01-20")] {
      let (scratch, whole) = try Self.erratumLog(
        announcedByLine: line, announcedByErratum: erratum)
      defer { scratch.remove() }
      let reader = try #require(IndexedLogReader(path: scratch.path))
      let november = Timeline.window(
        from: try Self.instant("2016-11-01T00:00Z"), to: try Self.instant("2016-12-01T00:00Z"))
      for asOf in [
        "2016-11-04T00:00Z", "2016-11-10T00:00Z", "2017-01-21T00:00Z", "2017-02-10T00:00Z",
      ] {
        let read = Self.compareSpans(
          of: whole, reader: reader, areas: [nil], windows: [november],
          asOf: try Self.instant(asOf), label: "erratum \(line) → \(erratum)")
        #expect(read.allSatisfy { $0 != nil })
      }
    }
  }

  /// A pause in November, another in February whose declaration an erratum dates (as announced)
  /// into or out of November, and the erratum, recorded in January.
  static func erratumLog(announcedByLine: String, announcedByErratum: String) throws -> (
    ScratchLog, EventLog
  ) {
    let log = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    let events = [
      try ScratchLog.event(
        "p1-declared", "pause.declared",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
      ),
      try ScratchLog.event(
        "p2-declared", "pause.declared", announced: announcedByLine,
        #""pause":"p2","kind":"pause","window":{"start":"2017-02-01T09:00","end":"2017-02-03T19:00"}"#
      ),
      try ScratchLog.event(
        "erratum", "correction.erratum", announced: "2017-01-25",
        #""corrects":"p2-declared","set":{"announced":"\#(announcedByErratum)"}"#),
    ]
    for event in events { _ = try log.appender.append(event) }
    let whole = try EventLog.read(path: log.path)
    _ = try AtIndexing.write(for: whole, path: log.path)
    return (log, whole)
  }

  @Test(
    "An announcement an erratum dates into the span is drawn from the index, and one it dates out is not",
    arguments: [("2017-01-20", "2016-11-05"), ("2016-11-05", "2017-01-20")])
  func erratumDatesAnAnnouncement(line: String, erratum: String) throws {
    let (scratch, whole) = try Self.erratumLog(announcedByLine: line, announcedByErratum: erratum)
    defer { scratch.remove() }
    let reader = try #require(IndexedLogReader(path: scratch.path))
    let november = try Self.instant("2016-11-04T00:00Z")
    let window = Timeline.window(from: november, to: november.adding(seconds: 3 * 86_400))
    let drawn = Timeline(
      projection: Projection(log: whole), from: window.start, to: window.end, areas: whole.areas)
    let markedByErratum = drawn.announcements.contains { $0.eventID == "p2-declared" }
    #expect(markedByErratum == (erratum == "2016-11-05"))
    let subset = try #require(reader.log(forTimelineFrom: window.start, to: window.end))
    // Read only where the erratum places it: the other pause's lines are not needed.
    #expect(subset.log.events.contains { $0.id == "p2-declared" } == markedByErratum)
    #expect(
      Self.outputs(subset.log, window: window, only: subset.items)
        == Self.outputs(whole, window: window))
  }

  @Test(
    "An event's index record keeps when its line says it was announced, and places it where its erratum does"
  )
  func recordPlacesAsErratum() throws {
    let (scratch, whole) = try Self.erratumLog(
      announcedByLine: "2017-01-20", announcedByErratum: "2016-11-05")
    defer { scratch.remove() }
    let index = try AtIndex(forLog: scratch.path)
    let record = index.event(1)
    #expect(record.corrections.contains(.amended))
    let line = try #require(whole.events.first { $0.id == "p2-declared" })
    let amended = try #require(whole.effectiveEvents.first { $0.id == "p2-declared" })
    #expect(record.low == line.announced.range.earliest?.secondsSinceEpoch)
    #expect(record.high == line.announced.range.latest?.secondsSinceEpoch)
    #expect(record.placed == AnnouncementOrder.placement(of: amended).instant.secondsSinceEpoch)
    #expect(record.placed < record.low)
    // An event no erratum amends is placed by its line.
    let first = try #require(whole.events.first)
    #expect(
      index.event(0).placed == AnnouncementOrder.placement(of: first).instant.secondsSinceEpoch)
  }

  /// A pause in Aleppo, a report of a violation of it, and a retraction of the report recorded
  /// in Homs two months later; indexed.
  static func retractedReportLog() throws -> (ScratchLog, EventLog) {
    try ScratchLog.indexedAleppoPause(then: [
      try ScratchLog.event(
        "violation", "violation.reported", announced: "2016-11-05",
        #""pause":"p1","at":"2016-11-05T10:00","by":["someone else"]"#),
      try ScratchLog.event(
        "retraction", "correction.retraction", announced: "2017-01-10", area: "homs",
        #""retracts":"violation""#),
    ])
  }

  @Test(
    "A report within the span retracted after it, in another area, is not drawn from the index, as from the whole log"
  )
  func reportRetractedLater() throws {
    let (log, whole) = try Self.retractedReportLog()
    defer { log.remove() }
    let reader = try #require(IndexedLogReader(path: log.path))
    let start = try #require(whole.events.first?.announced.range.earliest)
    let window = Timeline.window(from: start, to: start.adding(seconds: 5 * 86_400))
    let subset = try #require(reader.log(forTimelineFrom: window.start, to: window.end))
    #expect(subset.log.events.contains { $0.id == "retraction" })
    let drawn = Self.outputs(whole, window: window)
    #expect(!drawn[0].contains("\"violation\""))
    #expect(Self.outputs(subset.log, window: window, only: subset.items) == drawn)
  }

  @Test(
    "A proposal whose event bears a pause's id does not stand for the pause: a report about the pause within the span is marked from the index as from the whole log",
    arguments: [false, true])
  func proposalEventNamedLikeAPause(appendedAfterIndex: Bool) throws {
    let proposal = try ScratchLog.event(
      "p1", "proposal", announced: "2017-01-10",
      #""proposal":"prop-x","kind":"draft-resolution","terms":["a"],"parties":["b"]"#)
    // Violation reports are among no item's lines: only the pause's name brings its lines.
    let violation = try ScratchLog.event(
      "v1", "violation.reported", announced: "2017-01-10",
      #""pause":"p1","at":"2016-11-05T10:00","by":["x"]"#)
    let (log, _) = try ScratchLog.indexedAleppoPause(
      then: appendedAfterIndex ? [violation] : [proposal, violation])
    defer { log.remove() }
    if appendedAfterIndex { _ = try log.appender.append(proposal) }
    let whole = try EventLog.read(path: log.path)
    let reader = try #require(IndexedLogReader(path: log.path))
    #expect((reader.tailBytes > 0) == appendedAfterIndex)
    let start = try Self.instant("2017-01-09T00:00Z")
    let window = Timeline.window(from: start, to: start.adding(seconds: 2 * 86_400))
    let drawn = Self.outputs(whole, window: window)
    #expect(drawn[0].contains("\"v1\""))
    let subset = try #require(reader.log(forTimelineFrom: window.start, to: window.end))
    #expect(!subset.items.contains("p1") || subset.log.events.contains { $0.id == "p1-declared" })
    #expect(Self.outputs(subset.log, window: window, only: subset.items) == drawn)
  }

  @Test(
    "A damaged index record sends a span to the whole log",
    arguments: [(byte: 26, value: UInt8(0xEE)), (byte: 20, value: UInt8(0xFF))])
  func damagedRecord(byte: Int, value: UInt8) throws {
    let (log, whole) = try Self.retractedReportLog()
    defer { log.remove() }
    let start = try #require(whole.events.first?.announced.range.earliest)
    let window = Timeline.window(from: start, to: start.adding(seconds: 5 * 86_400))
    #expect(
      IndexedLogReader(path: log.path)?.log(forTimelineFrom: window.start, to: window.end) != nil)
    // The first item's kind (byte 26) made unknown, or its line count (bytes 20-23) past the
    // table's end, with checksums that match: the bounds, not the checksums, catch it.
    try IndexedLogScratch.editIndex(ofLog: log.path) { bytes in
      bytes[AtIndexLayout.headerSize + byte] = value
      if byte == 20 { bytes[AtIndexLayout.headerSize + 23] = 0x7F }
    }
    let reader = try #require(IndexedLogReader(path: log.path))
    #expect(reader.log(forTimelineFrom: window.start, to: window.end) == nil)
  }

  @Test("A span whose lines would pass the limit is left to the whole log")
  func tooManyLines() throws {
    let history = try IndexedLogScratch(events: 3_000, areas: 8, seed: 61)
    defer { history.remove() }
    let path = try history.prefix(3_000, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    let window = try #require(Self.windows(of: log).first)
    let subset = try #require(reader.log(forTimelineFrom: window.start, to: window.end))
    let needed = subset.log.events.count
    #expect(reader.log(forTimelineFrom: window.start, to: window.end, lineLimit: needed) != nil)
    #expect(reader.log(forTimelineFrom: window.start, to: window.end, lineLimit: needed - 1) == nil)
    // Under the floor of lines always allowed, the whole history is drawn from the index.
    #expect(IndexedLogReader.windowLineFloor > log.events.count)
  }
}

extension Zone {
  /// UTC, from the zone database.
  static var utcForTests: Zone {
    guard let zone = Zone(identifier: "UTC") else { preconditionFailure("UTC is in the database") }
    return zone
  }
}
