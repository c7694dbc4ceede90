import Foundation
import Testing

@testable import TruceKit

/// `truce at` answered from the index beside the log against the answer from the whole log:
/// the same text and the same JSON, for every moment, area and output asked.
@Suite("Answering at from the index")
struct IndexedAtTests {
  @Test(
    "On the bundled history, every day and area of autumn 2016 is answered as from the whole log")
  func bundledHistory() throws {
    let scratch = try GeneratorScratch.bundledCopy()
    defer { scratch.remove() }
    let (log, reader) = try IndexedAnswers.indexed(scratch.log)
    let zone = try #require(log.areas.zones.first)
    var answered = 0
    var asked = 0
    for day in 0..<120 {
      let date = try #require(CivilDate(year: 2016, month: 9, day: 1)).adding(days: day)
      let moments = [
        Moment.day(
          date, start: zone.startOfDay(date), nextStart: zone.startOfDay(date.adding(days: 1))),
        try Moment(parsing: "\(date)T13:30", zone: zone),
      ]
      for moment in moments {
        let counts = IndexedAnswers.compareInEveryArea(of: log, reader: reader, "\(moment)") {
          AtQuery(moment: moment, area: $0, zone: $0?.zone ?? zone)
        }
        asked += counts.asked
        answered += counts.answered
      }
    }
    #expect(answered == asked)
  }

  @Test(
    "On a generated history of many areas and years, moments across it are answered as from the whole log",
    .timeLimit(.minutes(5)))
  func generatedHistory() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 6_000, areas: 12, seed: 21).write(to: scratch.log)
    let (log, reader) = try IndexedAnswers.indexed(scratch.log)
    let utc = try #require(Zone(identifier: "UTC"))
    var random = SplitMix64(seed: 5)
    let instants = log.events.compactMap { $0.announced.range.earliest }
    var answered = 0
    let rounds = 100
    for round in 0..<rounds {
      let instant = instants[Int(random.next() % UInt64(instants.count))]
        .adding(seconds: Int64(random.next() % 200_000) - 100_000)
      let date = instant.civil(atOffset: 0).date
      let moment =
        round % 3 == 0
        ? Moment.day(
          date, start: utc.startOfDay(date), nextStart: utc.startOfDay(date.adding(days: 1)))
        : try Moment(parsing: instant.iso8601, zone: utc)
      let areas = log.areas.areas
      let area = round % 2 == 0 ? nil : areas[Int(random.next() % UInt64(areas.count))]
      var query = AtQuery(moment: moment, area: area, zone: area?.zone ?? utc)
      query.contextLimit = round % 4 == 0 ? 3 : AtQuery.defaultContextLimit
      let (whole, fromIndex) = IndexedAnswers.answers(query, log: log, reader: reader)
      guard let fromIndex else { continue }
      answered += 1
      #expect(whole == fromIndex, "round \(round): \(moment) \(area?.id ?? "all areas")")

    }
    print("at from the index: \(answered) of \(rounds) questions")
    // Most questions are answered from the index; the rest fall back to the whole log.
    #expect(answered * 10 >= rounds * 9, "\(answered) of \(rounds) answered from the index")
  }

  @Test(
    "Questions about one area with an as-of moment or asking for every item are answered from the index as from the whole log"
  )
  func asOfAndAllAboutAnArea() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let instants = log.events.compactMap { $0.announced.range.earliest }.sorted()
    var answered = 0
    var asked = 0
    for area in log.areas.areas {
      for (moment, asOf) in [(0.5, 0.25), (0.5, 0.75), (0.8, nil)] {
        for all in [false, true] where asOf != nil || all {
          let instant = instants[Int(Double(instants.count) * moment)]
          var query = AtQuery(
            moment: try Moment(parsing: instant.iso8601, zone: area.zone),
            asOf: try asOf.map {
              try Moment(
                parsing: instants[Int(Double(instants.count) * $0)].iso8601, zone: area.zone)
            }, area: area, zone: area.zone)
          if all { query.contextLimit = nil }
          let (whole, fromIndex) = IndexedAnswers.answers(query, log: log, reader: reader)
          asked += 1
          guard let fromIndex else { continue }
          answered += 1
          #expect(
            whole == fromIndex,
            "\(area.id) at \(moment) as of \(String(describing: asOf)), all: \(all)")
        }
      }
    }
    print("as-of and --all from the index: \(answered) of \(asked) questions")
    #expect(answered * 4 >= asked * 3)
    // Without an area, such questions read the whole log.
    var everywhere = AtQuery(
      moment: try Moment(
        parsing: instants[instants.count / 2].iso8601, zone: log.areas.areas[0].zone),
      zone: log.areas.areas[0].zone)
    everywhere.contextLimit = nil
    #expect(reader.answer(everywhere) == nil)
  }

  @Test("An index is not used once the log has changed, nor when it or the head is damaged")
  func staleIndexIsNotUsed() throws {
    let history = try IndexedLogScratch(events: 300, areas: 4, seed: 2)
    defer { history.remove() }
    let path = try history.prefix(250, named: "log.jsonl", indexed: false)
    _ = try IndexedAnswers.indexed(path)
    let indexPath = AtIndex.path(forLog: path)
    // Damaged: cut short, or a byte of the header changed.
    let bytes = try FileIO.readAll(path: indexPath)
    try Data(bytes.prefix(bytes.count - 5)).write(to: URL(fileURLWithPath: indexPath))
    #expect(IndexedLogReader(path: path) == nil)
    var changed = bytes
    changed[20] ^= 1
    try Data(changed).write(to: URL(fileURLWithPath: indexPath))
    #expect(IndexedLogReader(path: path) == nil)
    try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
    #expect(IndexedLogReader(path: path) != nil)
    // A head that does not name the last line.
    let head = try FileIO.readAll(path: LogHead.path(forLog: path))
    try LogHead(seq: 1, hash: SHA256.hash([UInt8]()), length: 10).write(forLog: path)
    #expect(IndexedLogReader(path: path) == nil)
    try Data(head).write(to: URL(fileURLWithPath: LogHead.path(forLog: path)))
    // The line before the last changed in place: readers check the last line's `prev`.
    let log = try FileIO.readAll(path: path)
    try IndexedLogScratch.changeLineInPlace(249, of: path)
    #expect(IndexedLogReader(path: path) == nil)
    try Data(log).write(to: URL(fileURLWithPath: path))
    #expect(IndexedLogReader(path: path) != nil)
    // An append that leaves no index to vouch for the new line (the log written and its head
    // moved on by hand, as a tool other than truce would).
    let line = history.lines[251] + [UInt8(ascii: "\n")]
    let appended = try FileIO.readAll(path: path) + line
    try Data(appended).write(to: URL(fileURLWithPath: path))
    try LogHead(of: try EventLog.read(path: path)).write(forLog: path)
    #expect(IndexedLogReader(path: path) == nil)
  }

  @Test(
    "Lines appended after the index was built are folded beside it, as the whole log folds them",
    .timeLimit(.minutes(5)))
  func appendedLines() throws {
    let history = try IndexedLogScratch(events: 1_300, areas: 6, seed: 31)
    defer { history.remove() }
    var random = SplitMix64(seed: 9)
    var asked = 0
    var answered = 0
    var cuts = 0
    for cut in stride(from: 900, to: 1_290, by: 17) {
      // One to four more events, through `truce append`'s checks.
      let path = try history.indexedLog(
        cut, appendingThrough: cut + 1 + cut % 4, named: "log-\(cut).jsonl")
      let log = try EventLog.read(path: path)
      let reader = try #require(IndexedLogReader(path: path))
      #expect(reader.tailBytes > 0)
      let utc = try #require(Zone(identifier: "UTC"))
      let instants = log.events.suffix(150).compactMap { $0.announced.range.earliest }
      let areas = log.areas.areas
      var overlaid = false
      for _ in 0..<6 {
        let instant = instants[Int(random.next() % UInt64(instants.count))]
        let moment = try Moment(parsing: instant.iso8601, zone: utc)
        let area = random.next() % 2 == 0 ? nil : areas[Int(random.next() % UInt64(areas.count))]
        var query = AtQuery(moment: moment, area: area, zone: area?.zone ?? utc)
        query.contextLimit = 3
        let (whole, fromIndex) = IndexedAnswers.answers(query, log: log, reader: reader)
        asked += 1
        guard let fromIndex else { continue }
        answered += 1
        overlaid = true
        #expect(whole == fromIndex, "cut \(cut): \(moment) \(area?.id ?? "all areas")")
      }
      if overlaid { cuts += 1 }
    }
    print("at beside appended lines: \(answered) of \(asked) questions, \(cuts) tails")
    // A tail with a correction or a line citing others goes to the whole log; most do not.
    #expect(cuts >= 10, "\(cuts) tails answered from the index")
  }
}

/// Proposals in an answer drawn from the index.
@Suite("Answering at from the index: proposals")
struct IndexedAtProposalTests {
  @Test(
    "Several proposals under one id are listed and counted as from the whole log",
    arguments: [0, 3, 7, 11])
  func repeatedProposalIDs(repeatAt position: Int) throws {
    let scratch = try ScratchLog()
    defer { scratch.remove() }
    // Twelve proposals on twelve days; one of them made again, later, under an earlier one's id.
    for day in 1...12 {
      let id = day == 12 ? "offer-\(position + 1)" : "offer-\(day)"
      _ = try scratch.appender.append(
        try ScratchLog.event(
          "proposal-\(day)", "proposal", announced: "2016-11-\(day < 10 ? "0" : "")\(day)",
          #""proposal":"\#(id)","kind":"offer","terms":["a pause"],"parties":["someone"]"#))
    }
    let log = try EventLog.read(path: scratch.path)
    _ = try AtIndexing.write(for: log, path: scratch.path)
    let reader = try #require(IndexedLogReader(path: scratch.path))
    let zone = try #require(log.areas.zones.first)
    for moment in ["2016-11-30", "2016-11-12", "2016-11-06"] {
      let query = AtQuery(moment: try Moment(parsing: moment, zone: zone), zone: zone)
      let whole = query.answer(from: log)
      let fromIndex = try #require(reader.answer(query))
      #expect(fromIndex.proposals.map(\.id) == whole.proposals.map(\.id), "\(moment)")
      #expect(fromIndex.omittedProposals == whole.omittedProposals, "\(moment)")
      #expect(
        AtJSONRenderer(logFile: log.file).render(fromIndex)
          == AtJSONRenderer(logFile: log.file).render(whole))
    }
  }
}
