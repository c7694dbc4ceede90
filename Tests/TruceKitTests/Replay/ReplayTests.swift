import Testing

@testable import TruceKit

@Suite("Replaying a log")
struct ReplayTests {
  static let log: [String] = [
    TestLog.event(
      1, "declared", "pause.declared", announced: "2016-11-01T10:00",
      #""pause":"p","kind":"humanitarian-pause","window":{"start":"2016-11-01T12:00","end":"2016-11-02T19:00"}"#
    ),
    TestLog.event(
      2, "corridors", "corridor.opened", announced: "2016-11-01", area: "east-aleppo",
      #""corridor":"c","pause":"p","count":2,"users":["fighters-with-weapons"]"#),
    TestLog.event(
      3, "extended", "pause.extended", announced: "2016-11-02T12:00",
      #""pause":"p","end":"2016-11-04T19:00""#),
    TestLog.event(
      4, "other-end", "pause.extended", announced: "2016-11-02", source: "Wire B",
      #""pause":"p","end":"2016-11-04T19:00Z""#),
    TestLog.event(
      5, "condition", "statement", announced: "2016-11-03T08:00",
      #""kind":"condition","about":["p"]"#),
  ]

  private func steps(_ filter: EventFilter = EventFilter()) throws -> [ReplayStep] {
    Replayer(filter: filter, zone: TestLog.damascus).steps(of: try TestLog.parse(Self.log))
  }

  /// The corridors were reported by Wire A, so they end with the pause as Wire A gives it: once
  /// Wire A's own extension arrives (step 4), their end follows it, not Wire B's.
  @Test(
    "Steps come in announcement order, a day-only announcement at its day's start, and say what changed"
  )
  func stepsVerbatim() throws {
    let renderer = ReplayRenderer(
      areas: try TestLog.parse([]).areas, time: TimeFormatter(zone: TestLog.damascus))
    let text = try steps().map(renderer.text).joined(separator: "\n")
    #expect(
      text == """
        step 1 of 5 · announced 2016-11-01 (day only); placed at the start of the period it is known to
          corridors · corridor.opened c · eastern Aleppo · by someone
          source Wire A
          → 2 corridors opened for fighters with their weapons (c, pause p): from on or after 2016-11-01 (derived), no end reported

        step 2 of 5 · announced 2016-11-01 10:00 +02:00 (08:00Z)
          declared · pause.declared p · Aleppo · by someone
          source Wire A
          → pause p declared (humanitarian-pause): from 2016-11-01 12:00 +02:00 (10:00Z) until 2016-11-02 19:00 +02:00 (17:00Z)
          → corridors c start narrowed: on or after 2016-11-01 (derived) → between 2016-11-01 12:00 +02:00 (10:00Z) and the end of 2016-11-01 (derived)
          → corridors c end changed: end not reported → 2016-11-02 19:00 +02:00 (17:00Z)

        step 3 of 5 · announced 2016-11-02 (day only); placed at the start of the period it is known to
          other-end · pause.extended p · Aleppo · by someone
          source Wire B
          → pause p extended: end 2016-11-02 19:00 +02:00 (17:00Z) → 2016-11-04 21:00 +02:00 (19:00Z)
          → corridors c extended: end 2016-11-02 19:00 +02:00 (17:00Z) → 2016-11-04 21:00 +02:00 (19:00Z)

        step 4 of 5 · announced 2016-11-02 12:00 +02:00 (10:00Z)
          extended · pause.extended p · Aleppo · by someone
          source Wire A
          → report disputes the end time given by Wire B for pause p: disputed: 2016-11-04 21:00 +02:00 (19:00Z) (Wire B) | 2016-11-04 19:00 +02:00 (17:00Z) (Wire A)
          → corridors c end changed: end 2016-11-04 21:00 +02:00 (19:00Z) → 2016-11-04 19:00 +02:00 (17:00Z)

        step 5 of 5 · announced 2016-11-03 08:00 +02:00 (06:00Z)
          condition · statement p · Aleppo · by someone
          source Wire A
          → pause p: condition "condition"

        """)
  }

  @Test("Filters choose the steps shown, while the state still folds every event")
  func filters() throws {
    let shown = try steps(EventFilter(types: ["pause.extended"]))
    #expect(shown.map(\.event.id) == ["other-end", "extended"])
    #expect(
      shown.first?.changes.first?.text.hasPrefix("pause p extended: end 2016-11-02 19:00") == true)
    #expect(try steps(EventFilter(actors: ["nobody"])).isEmpty)
    let asOf = try TestLog.instant("2016-11-02T00:00Z")
    #expect(
      try steps(EventFilter(asOf: asOf)).map(\.event.id) == ["corridors", "declared", "other-end"])
    let area = try #require(try TestLog.parse([]).areas["idlib"])
    #expect(try steps(EventFilter(area: area)).isEmpty)
  }

  @Test("Each JSON line names its schema, step, placement, event and changes")
  func jsonLines() throws {
    let renderer = ReplayRenderer(
      areas: try TestLog.parse([]).areas, time: TimeFormatter(zone: TestLog.damascus))
    let line = try #require(try steps().first.map(renderer.json))
    let object = try #require(try JSONParser.parse(line).objectValue)
    #expect(object["schema"]?.stringValue == "truce.replay/1")
    #expect(object["step"]?.intValue == 1)
    #expect(object["placedAt"]?.stringValue == "2016-10-31T22:00Z")
    #expect(object["event"]?.objectValue?["id"]?.stringValue == "corridors")
    #expect(object["changes"]?.arrayValue?.count == 1)
  }
}

@Suite("Walking the calendar")
struct CalendarTests {
  @Test("Entries follow the timeline: things come into and go out of force in time order")
  func calendarOrder() throws {
    let log = try TestLog.parse(ReplayTests.log)
    let entries = CalendarReplay.entries(
      Projection(log: log), filter: EventFilter(), areas: log.areas)
    #expect(
      entries.map { "\($0.subject) \($0.change.rawValue)" } == [
        "p begins", "c begins", "p ends", "c ends",
      ])
    #expect(entries.first?.placedAt == (try TestLog.instant("2016-11-01T10:00Z")))
    let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: TestLog.damascus))
    let first = try #require(entries.first)
    #expect(
      renderer.text(first, number: 1, of: 4) == """
        1 of 4 · 2016-11-01 12:00 +02:00 (10:00Z)
          pause p comes into force
          announced 2016-11-01 10:00 +02:00 (08:00Z) by someone (declared, source Wire A)

        """)
  }
}

@Suite("What replay says about corrections and confirmations")
struct ReplayWordingTests {
  @Test("A retraction says what it withdrew; a second report of the same start is a confirmation")
  func retractionsAndConfirmations() throws {
    let log = try TestLog.parse([
      TestLog.event(
        1, "p1", "pause.declared", announced: "2016-11-01",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-02"}"#),
      TestLog.event(
        2, "p2", "pause.declared", announced: "2016-11-02", source: "Wire B",
        #""pause":"p","kind":"pause","window":{"start":"2016-11-02"}"#),
      TestLog.event(
        3, "c1", "corridor.opened", announced: "2016-11-03",
        #""corridor":"c","pause":"p","users":["civilians"]"#),
      TestLog.event(
        4, "o1", "offensive.launched", announced: "2016-11-03",
        #""offensive":"o","at":"2016-11-03","parties":["x"]"#),
      TestLog.event(5, "r1", "correction.retraction", announced: "2016-11-05", #""retracts":"c1""#),
      TestLog.event(6, "r2", "correction.retraction", announced: "2016-11-05", #""retracts":"o1""#),
      TestLog.event(
        7, "e1", "offensive.launched", announced: "2016-11-06",
        #""offensive":"q","at":"2016-11-06","parties":["x"]"#),
      TestLog.event(
        8, "e2", "offensive.ended", announced: "2016-11-07", #""offensive":"q","at":"2016-11-07""#),
    ])
    let steps = Replayer(zone: TestLog.damascus).steps(of: log)
    let texts = Dictionary(
      uniqueKeysWithValues: steps.map { ($0.event.id, $0.changes.map(\.text)) })
    #expect(texts["p2"] == ["pause p start confirmed by Wire B: 2016-11-02 (day only)"])
    #expect(texts["r1"] == ["corridors c withdrawn"])
    #expect(texts["r2"] == ["offensive o withdrawn"])
    #expect(texts["e2"] == ["offensive q ended: 2016-11-07 (day only)"])
  }

  @Test("--actor matches whole words: US is not in Russia")
  func actorWords() {
    #expect(EventFilter.containsWords("US", in: "US officials"))
    #expect(!EventFilter.containsWords("US", in: "Russian Defence Ministry"))
    #expect(EventFilter.containsWords("defence ministry", in: "Russian Defence Ministry"))
  }

  @Test("The calendar never places an end before its item began")
  func calendarKeepsItemsInOrder() throws {
    let log = try TestLog.bundled()
    let entries = CalendarReplay.entries(
      Projection(log: log), filter: EventFilter(), areas: log.areas)
    var begun: Set<String> = []
    for entry in entries {
      if entry.change == .begins {
        begun.insert(entry.subject)
      } else {
        #expect(begun.contains(entry.subject), "\(entry.subject) \(entry.change) before it began")
      }
    }
  }
}
