import Foundation
import Testing

@testable import TruceKit

/// `truce at --as-of` answered from the index beside the log against the answer from the whole
/// log folded with the same knowledge: the same text and the same JSON, with and without an
/// area, for as-of moments before, at and after the moment asked about, and just before the
/// announcements that change an item most (retractions and errata).
@Suite("Answering at with an as-of moment from the index")
struct IndexedAsOfTests {
  /// Asks `rounds` questions with an as-of moment of a log with its index and lines appended
  /// since, and compares every answer; returns how many the index answered.
  private func compare(
    log: EventLog, reader: IndexedLogReader, rounds: Int, seed: UInt64
  ) throws -> Int {
    let utc = try #require(Zone(identifier: "UTC"))
    var random = SplitMix64(seed: seed)
    let instants = log.events.compactMap { $0.announced.range.earliest }
    // Just before a retraction or an erratum is announced, what it withdraws or changes was
    // still known as first reported; an hour into it, a retraction known only to the day was
    // possibly announced, and does not retract.
    let turns = log.events.filter { $0.type == .retraction || $0.type == .erratum }
      .compactMap { $0.announced.range.earliest }
      .flatMap { [$0.adding(seconds: -1), $0.adding(seconds: 3_600)] }
    #expect(!turns.isEmpty)
    var answered = 0
    for round in 0..<rounds {
      let instant = instants[random.below(instants.count)]
        .adding(seconds: Int64(random.below(200_000)) - 100_000)
      let date = instant.civil(atOffset: 0).date
      let moment =
        round % 3 == 0
        ? Moment.day(
          date, start: utc.startOfDay(date), nextStart: utc.startOfDay(date.adding(days: 1)))
        : try Moment(parsing: instant.iso8601, zone: utc)
      let asOfInstant: Instant
      switch round % 4 {
      case 0: asOfInstant = turns[random.below(turns.count)]
      case 1: asOfInstant = instant.adding(seconds: -Int64(random.below(30 * 86_400)))
      case 2: asOfInstant = instant.adding(seconds: Int64(random.below(30 * 86_400)))
      default: asOfInstant = instants[random.below(instants.count)]
      }
      let asOfDate = asOfInstant.civil(atOffset: 0).date
      // Now and then a day, whose end knowledge is taken at.
      let asOf =
        round % 5 == 0
        ? Moment.day(
          asOfDate, start: utc.startOfDay(asOfDate),
          nextStart: utc.startOfDay(asOfDate.adding(days: 1)))
        : try Moment(parsing: asOfInstant.iso8601, zone: utc)
      let areas = log.areas.areas
      let area = round % 2 == 0 ? nil : areas[random.below(areas.count)]
      var query = AtQuery(moment: moment, asOf: asOf, area: area, zone: area?.zone ?? utc)
      query.contextLimit = round % 4 == 0 ? 3 : AtQuery.defaultContextLimit
      let (whole, fromIndex) = IndexedAnswers.answers(query, log: log, reader: reader)
      guard let fromIndex else { continue }
      answered += 1
      #expect(
        whole == fromIndex,
        "round \(round): \(moment) as of \(asOf) in \(area?.id ?? "all areas")")
    }
    return answered
  }

  @Test(
    "On a generated history, questions with an as-of moment are answered from the index as from the whole log",
    .timeLimit(.minutes(5)))
  func generatedHistory() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 6_000, areas: 12, seed: 23).write(to: scratch.log)
    let (log, reader) = try IndexedAnswers.indexed(scratch.log)
    let rounds = 160
    let answered = try compare(log: log, reader: reader, rounds: rounds, seed: 7)
    print("at --as-of from the index: \(answered) of \(rounds) questions")
    // Most questions are answered from the index; the rest fall back to the whole log.
    #expect(answered * 10 >= rounds * 9, "\(answered) of \(rounds) answered from the index")
  }

  @Test(
    "With lines appended since the index, questions with an as-of moment are answered as from the whole log"
  )
  func appendedLines() throws {
    let (history, _, log, reader) = try IndexedLogScratch.withAppendedLines()
    defer { history.remove() }
    let rounds = 60
    let answered = try compare(log: log, reader: reader, rounds: rounds, seed: 11)
    #expect(answered * 10 >= rounds * 8, "\(answered) of \(rounds) answered from the index")
  }

  @Test(
    "On the bundled history, every third day of autumn 2016 as of days before, on and after it is answered as from the whole log"
  )
  func bundledHistory() throws {
    let scratch = try GeneratorScratch.bundledCopy()
    defer { scratch.remove() }
    let (log, reader) = try IndexedAnswers.indexed(scratch.log)
    let zone = try #require(log.areas.zones.first)
    func day(_ date: CivilDate) -> Moment {
      Moment.day(
        date, start: zone.startOfDay(date), nextStart: zone.startOfDay(date.adding(days: 1)))
    }
    var asked = 0
    var answered = 0
    for offset in stride(from: 0, to: 120, by: 3) {
      let date = try #require(CivilDate(year: 2016, month: 9, day: 1)).adding(days: offset)
      for asOf in [
        day(date.adding(days: -7)), day(date), try Moment(parsing: "\(date)T09:00", zone: zone),
        day(date.adding(days: 5)),
      ] {
        let counts = IndexedAnswers.compareInEveryArea(
          of: log, reader: reader, "\(date) as of \(asOf)"
        ) { AtQuery(moment: day(date), asOf: asOf, area: $0, zone: zone) }
        asked += counts.asked
        answered += counts.answered
      }
    }
    #expect(answered == asked)
  }

  @Test(
    "The lines of an item fold as with everything known, into nothing, or otherwise by an as-of moment as each of their events is known",
    arguments: [1, 2, 3] as [UInt64])
  func announcedSpanAgreesWithKnowledge(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    func bound() -> Int64? { random.below(8) == 0 ? nil : Int64(random.below(100)) }
    for _ in 0..<1_000 {
      let events = (0..<(1 + random.below(4))).map { _ -> (UncertainInstant, Bool) in
        let (first, second) = (bound(), bound())
        let (earliest, latest) =
          (first ?? Int64.min) <= (second ?? Int64.max) ? (first, second) : (second, first)
        let range = UncertainInstant(
          earliest: earliest.map(Instant.init(secondsSinceEpoch:)),
          latest: latest.map(Instant.init(secondsSinceEpoch:)))
        return (range, random.below(4) == 0)
      }
      var span = AnnouncedSpan()
      for (range, retraction) in events { span.take(range, retraction: retraction) }
      let asOf = Int64(random.below(110)) - 5
      let knowledge = Knowledge(asOf: Instant(secondsSinceEpoch: asOf))
      let statuses = events.map { knowledge.status(ofAnnounced: $0.0) }
      let retractions = events.indices.filter { events[$0].1 }.map { statuses[$0] }
      let expected: AnnouncedSpan.Knowledge
      if statuses.allSatisfy({ $0 == .known }) {
        expected = .known
      } else if statuses.allSatisfy({ $0 == .unknown }) {
        expected = .unknown
      } else if !statuses.contains(.unknown) && retractions.allSatisfy({ $0 == .known }) {
        expected = .possibly
      } else {
        expected = .partly
      }
      #expect(span.knowledge(asOf: asOf) == expected, "\(events) as of \(asOf)")
    }
  }

  @Test(
    "A pause an erratum dates earlier than its line does, and after the as-of moment, is read from the index as the whole log lists it"
  )
  func erratumDatesAnAnnouncementEarlier() throws {
    let log = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    defer { log.remove() }
    let events = [
      try ScratchLog.event(
        "p-declared", "pause.declared", announced: "2016-11-02",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00"}"#),
      // Recorded as announced on 20 November; an erratum of the 25th says the 3rd.
      try ScratchLog.event(
        "q-declared", "pause.declared", announced: "2016-11-20",
        #""pause":"q","kind":"pause","window":{"start":"2016-11-03T09:00"}"#),
      try ScratchLog.event(
        "erratum", "correction.erratum", announced: "2016-11-25",
        #""corrects":"q-declared","set":{"announced":"2016-11-03"}"#),
    ]
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    let zone = TestLog.damascus
    let query = AtQuery(
      moment: try Moment(parsing: "2016-11-08T12:00", zone: zone),
      asOf: try Moment(parsing: "2016-11-10", zone: zone), zone: zone)
    let (wholeAnswer, fromIndex) = IndexedAnswers.answers(query, log: whole, reader: reader)
    // Errata apply whatever the as-of moment: q was known, as announced on the 3rd.
    #expect(wholeAnswer[2].contains(#""q""#))
    #expect(fromIndex == wholeAnswer)
  }

  /// Writes a chained log of `events` with these areas, indexes it, and expects the answer to
  /// `query` (about `area`, by name) from the index, and the same as from the whole log.
  private func expectAnsweredAlike(
    areas: [String], _ events: [JSONObject], _ query: AtQuery, area: String? = nil
  ) throws -> [String] {
    let log = try ScratchLog(areas: areas)
    defer { log.remove() }
    let (whole, reader) = try IndexedAnswers.indexed(events, in: log)
    var query = query
    if let area { query.area = whole.areas.area(named: area) }
    let (wholeAnswer, fromIndex) = IndexedAnswers.answers(query, log: whole, reader: reader)
    #expect(fromIndex != nil, "left to the whole log")
    #expect(fromIndex == nil || fromIndex == wholeAnswer)
    return wholeAnswer
  }

  private func query(at moment: String, asOf: String) throws -> AtQuery {
    let zone = TestLog.damascus
    return AtQuery(
      moment: try Moment(parsing: moment, zone: zone),
      asOf: try Moment(parsing: asOf, zone: zone), zone: zone)
  }

  @Test(
    "Of two proposals under one id, the one retracted after the as-of moment is listed from the index as from the whole log"
  )
  func proposalRetractedLaterBesideAnother() throws {
    let answer = try expectAnsweredAlike(
      areas: ["aleppo=Asia/Damascus"],
      [
        try ScratchLog.event(
          "a", "proposal", announced: "2016-10-01", #""proposal":"draft-1","kind":"call""#),
        try ScratchLog.event(
          "b", "proposal", announced: "2016-10-03", #""proposal":"draft-1","kind":"call""#),
        try ScratchLog.event(
          "r", "correction.retraction", announced: "2016-10-20", #""retracts":"a""#),
      ],
      try query(at: "2016-10-10T12:00", asOf: "2016-10-10"))
    #expect(answer[2].contains(#""a""#) && answer[2].contains(#""b""#))
  }

  @Test(
    "A report an erratum moves to another pause and a later retraction withdraws is folded into that pause as of before the retraction"
  )
  func reportMovedToAPauseAndRetractedLater() throws {
    var question = try query(at: "2016-11-08T12:00", asOf: "2016-11-10")
    question.contextLimit = 1
    let answer = try expectAnsweredAlike(
      areas: ["aleppo=Asia/Damascus"],
      [
        try ScratchLog.event(
          "p", "pause.declared", announced: "2016-11-01",
          #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00","end":"2016-11-03T09:00"}"#
        ),
        try ScratchLog.event(
          "o", "pause.declared", announced: "2016-11-01",
          #""pause":"o","kind":"pause","window":{"start":"2016-11-02T09:00","end":"2016-11-04T09:00"}"#
        ),
        try ScratchLog.event(
          "q", "pause.declared", announced: "2016-11-01",
          #""pause":"q","kind":"pause","window":{"start":"2016-11-02T09:00"}"#),
        try ScratchLog.event(
          "q-ext", "pause.extended", announced: "2016-11-04",
          #""pause":"q","end":"2016-11-20T09:00""#),
        try ScratchLog.event(
          "e", "correction.erratum", announced: "2016-11-05",
          #""corrects":"q-ext","set":{"pause":"p"}"#),
        try ScratchLog.event(
          "r", "correction.retraction", announced: "2016-11-20", #""retracts":"q-ext""#),
      ], question)
    // Extended to the 20th by the moved report: in force on the 8th, so listed.
    #expect(answer[0].contains("pause p"))
  }

  @Test(
    "A report moved to a pause of another area and retracted later is read with that area's pause as of before the retraction"
  )
  func reportMovedAcrossAreasAndRetractedLater() throws {
    _ = try expectAnsweredAlike(
      areas: ["aleppo=Asia/Damascus", "homs=Asia/Damascus"],
      [
        try ScratchLog.event(
          "p", "pause.declared", announced: "2016-11-01", area: "aleppo",
          #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00"}"#),
        try ScratchLog.event(
          "q", "pause.declared", announced: "2016-11-01", area: "homs",
          #""pause":"q","kind":"pause","window":{"start":"2016-11-02T09:00"}"#),
        try ScratchLog.event(
          "q-ended", "pause.ended", announced: "2016-11-04", area: "homs",
          #""pause":"q","at":"2016-11-05T19:00Z","how":"collapsed""#),
        try ScratchLog.event(
          "e", "correction.erratum", announced: "2016-11-06", area: "aleppo",
          #""corrects":"q-ended","set":{"pause":"p","area":"aleppo"}"#),
        try ScratchLog.event(
          "r", "correction.retraction", announced: "2016-11-20", area: "homs",
          #""retracts":"q-ended""#),
      ], try query(at: "2016-11-08T12:00", asOf: "2016-11-10"), area: "aleppo")
  }

  @Test(
    "A pause whose declaration is not yet known takes the area of its first known report, from the index as from the whole log"
  )
  func pauseTakesTheAreaOfItsFirstKnownReport() throws {
    let areas = ["aleppo=Asia/Damascus", "homs=Asia/Damascus"]
    let events = [
      try ScratchLog.event(
        "p", "pause.declared", announced: "2016-11-01", area: "aleppo",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00"}"#),
      try ScratchLog.event(
        "x0", "pause.ended", announced: "2016-11-04", area: "homs",
        #""pause":"p","at":"2016-11-05T19:00Z","how":"collapsed""#),
      try ScratchLog.event(
        "e", "correction.erratum", announced: "2016-11-05", area: "aleppo",
        #""corrects":"p","set":{"announced":"2016-11-10"}"#),
    ]
    let question = try query(at: "2016-11-05T12:00", asOf: "2016-11-06")
    let answer = try expectAnsweredAlike(areas: areas, events, question, area: "homs")
    #expect(answer[0].contains("pause p"))
    // Asking for every item, the area's lines are read instead: p's too.
    var every = question
    every.contextLimit = nil
    let all = try expectAnsweredAlike(areas: areas, events, every, area: "homs")
    #expect(all[0].contains("pause p"))
  }

  @Test(
    "An item whose lines were all announced by the as-of moment, certainly or possibly, folds as with everything known; one none of whose lines were, not at all",
    arguments: [31, 32] as [UInt64])
  func spansDecideAsTheFoldDoes(seed: UInt64) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 3_000, areas: 6, seed: seed).write(to: scratch.log)
    let (log, reader) = try IndexedAnswers.indexed(scratch.log)
    let index = reader.index
    let full = Projection(log: log)
    let instants = log.events.compactMap { $0.announced.range.earliest }.sorted()
    var random = SplitMix64(seed: seed)
    var sorted = [0, 0, 0, 0]
    for _ in 0..<12 {
      let asOf = instants[random.below(instants.count)].adding(
        seconds: Int64(random.below(172_800)) - 86_400)
      let known = Projection(log: log, knowledge: Knowledge(asOf: asOf))
      for position in 0..<index.count {
        guard let item = index.item(position), item.answersAlone, item.kind != .proposal,
          let id = index.name(of: item)
        else { continue }
        switch item.announced.knowledge(asOf: asOf.secondsSinceEpoch) {
        case .known, .possibly:
          sorted[0] += 1
          #expect(known.pause(id) == full.pause(id), "\(id) as of \(asOf)")
          #expect(known.corridor(id) == full.corridor(id), "\(id) as of \(asOf)")
          #expect(known.offensive(id) == full.offensive(id), "\(id) as of \(asOf)")
          #expect(
            known.disputes.filter { $0.subject == id } == full.disputes.filter { $0.subject == id },
            "\(id) as of \(asOf)")
        case .unknown:
          sorted[1] += 1
          #expect(
            known.pause(id) == nil && known.corridor(id) == nil && known.offensive(id) == nil,
            "\(id) as of \(asOf)")
        case .partly: sorted[2] += 1
        }
      }
    }
    print("items as of 12 moments: \(sorted[0]) known, \(sorted[1]) unknown, \(sorted[2]) partly")
    #expect(sorted[0] > 0 && sorted[1] > 0 && sorted[2] > 0)
  }
}
