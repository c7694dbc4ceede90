import Foundation
import Testing
import TruceKit

@Suite("truce at from the index beside the log, end to end")
struct AtIndexCommandTests {
  private func generated(_ folder: URL) throws -> String {
    let log = folder.appendingPathComponent("history.jsonl").path
    let result = try TruceProcess.run([
      "generate", "--events", "3000", "--areas", "8", "--seed", "12", "--output", log,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return log
  }

  /// Asks each question of the whole log, writes the index, asks again, and expects the same
  /// output; returns the first answers.
  private func answeredAlike(_ questions: [[String]], log: String) throws -> [TruceProcess.Result] {
    let whole = try questions.map { try TruceProcess.run($0) }
    let indexed = try TruceProcess.run(["index", "--log", log])
    #expect(indexed.status == 0, "\(indexed.stderr)")
    for (question, answer) in zip(questions, whole) {
      #expect(answer.status == 0, "\(answer.stderr)")
      #expect(answer.stdout.split(separator: "\n").count > 3, "\(question)")
      let fromIndex = try TruceProcess.run(question)
      #expect(fromIndex.stdout == answer.stdout, "\(question)")
      #expect(fromIndex.stderr == answer.stderr)
    }
    return whole
  }

  /// Removes the index, asks the question with indexing in the background allowed, and expects
  /// the same answer and the index written within 30 seconds.
  private func indexesInBackground(
    _ question: [String], log: String, answer: TruceProcess.Result
  ) throws {
    try FileManager.default.removeItem(atPath: log + ".at-index")
    let unindexed = try TruceProcess.run(question, environment: ["TRUCE_BACKGROUND_INDEX": "1"])
    #expect(unindexed.stdout == answer.stdout)
    var written = false
    for _ in 0..<300 where !written {
      written = FileManager.default.fileExists(atPath: log + ".at-index")
      if !written { Thread.sleep(forTimeInterval: 0.1) }
    }
    #expect(written, "\(question)")
  }

  @Test("truce index writes the index; at then answers from it exactly as from the whole log")
  func indexedAnswers() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let questions = [
      ["at", "2016-06-01T12:00Z", "--log", log],
      ["at", "2017-02-10T00:00Z", "--log", log, "--json"],
      ["at", "2016-03-03", "--log", log, "--area", "syria", "--utc"],
      ["at", "2016-06-01T12:00Z", "--log", log, "--area", "aleppo", "--as-of", "2016-03-01"],
      ["at", "2016-06-01T12:00Z", "--log", log, "--as-of", "2016-03-01T00:00Z"],
      ["at", "2017-02-10T00:00Z", "--log", log, "--as-of", "2017-02-01T08:00+02:00", "--json"],
      ["at", "2017-02-10T00:00Z", "--log", log, "--area", "mariupol", "--all", "--json"],
    ]
    let whole = try questions.map { try TruceProcess.run($0) }
    #expect(!FileManager.default.fileExists(atPath: log + ".at-index"))
    let indexed = try TruceProcess.run(["index", "--log", log])
    #expect(indexed.status == 0, "\(indexed.stderr)")
    #expect(indexed.stdout.hasPrefix("Indexed \(log): "))
    let again = try TruceProcess.run(["index", "--log", log, "--json"])
    let summary = try #require(try JSONParser.parse(again.stdout).objectValue)
    #expect(summary["written"] == .bool(false))
    #expect((summary["answeredAlone"]?.intValue ?? 0) > 0)
    for (question, answer) in zip(questions, whole) {
      let fromIndex = try TruceProcess.run(question)
      #expect(fromIndex.status == 0)
      #expect(fromIndex.stdout == answer.stdout, "\(question)")
      #expect(fromIndex.stderr == answer.stderr)
    }
  }

  @Test("truce replay and timeline with --area write from the index what the whole log gives")
  func indexedAreas() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let questions = [
      ["replay", "--log", log, "--area", "aleppo", "--json"],
      ["replay", "--log", log, "--area", "helmand", "--utc"],
      ["replay", "--log", log, "--area", "syria", "--calendar", "--json"],
      ["timeline", "--log", log, "--area", "aleppo", "--json"],
      ["timeline", "--log", log, "--area", "aleppo-gov", "--width", "100"],
      ["disputes", "--log", log, "--area", "aleppo"],
      ["disputes", "--log", log, "--area", "ukraine", "--json"],
      ["areas", "--log", log],
    ]
    let whole = try answeredAlike(questions, log: log)
    // A replay of an area that had to read the whole log indexes it in the background.
    try indexesInBackground(questions[0], log: log, answer: whole[0])
  }

  @Test(
    "truce replay narrowed by time, type or announcer, and its calendar over a span, without --area, write from the index what the whole log gives"
  )
  func indexedReplaySpans() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let questions = [
      [
        "replay", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-06-08T00:00Z",
        "--json",
      ],
      [
        "replay", "--log", log, "--from", "2017-01-01T00:00+02:00", "--to",
        "2017-01-03T00:00+02:00", "--utc",
      ],
      ["replay", "--log", log, "--type", "correction", "--from", "2016-06-01T00:00Z", "--json"],
      ["replay", "--log", log, "--to", "2015-06-01T00:00Z", "--actor", "army"],
      [
        "replay", "--log", log, "--from", "2016-02-01T00:00Z", "--as-of", "2016-03-01T00:00Z",
        "--json",
      ],
      ["replay", "--log", log, "--actor", "Reuters", "--json"],
      [
        "replay", "--log", log, "--calendar", "--from", "2016-06-01T00:00Z", "--to",
        "2016-06-08T00:00Z", "--json",
      ],
      ["replay", "--log", log, "--calendar", "--to", "2015-03-01T00:00Z", "--utc"],
    ]
    let whole = try answeredAlike(questions, log: log)
    // One that had to read the whole log indexes it in the background.
    try indexesInBackground(questions[0], log: log, answer: whole[0])
  }

  @Test(
    "truce timeline --from --to, or one of them, writes from the index what the whole log gives")
  func indexedSpans() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let page = folder.appendingPathComponent("span.html").path
    let questions = [
      [
        "timeline", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-06-08T00:00Z",
        "--json",
      ],
      [
        "timeline", "--log", log, "--from", "2017-01-01T00:00+02:00", "--to",
        "2017-01-01T12:00+02:00", "--width", "100",
      ],
      [
        "timeline", "--log", log, "--from", "2015-01-01T00:00Z", "--to", "2018-12-31T00:00Z",
        "--json",
      ],
      [
        "timeline", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-07-01T00:00Z",
        "--html", page,
      ],
      [
        "timeline", "--log", log, "--area", "syria", "--from", "2016-06-01", "--to", "2016-06-30",
        "--json",
      ],
      ["timeline", "--log", log, "--area", "aleppo", "--from", "2016-06-01", "--to", "2016-09-30"],
      [
        "timeline", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-06-15T00:00Z",
        "--as-of", "2016-06-05T12:00Z", "--json",
      ],
      [
        "timeline", "--log", log, "--area", "syria", "--from", "2016-06-01", "--to", "2016-06-30",
        "--as-of", "2016-05-20", "--width", "100",
      ],
      // One bound: the other is fitted from the index.
      ["timeline", "--log", log, "--from", "2016-11-01T00:00Z", "--json"],
      ["timeline", "--log", log, "--to", "2015-03-01T00:00Z", "--width", "100"],
      ["timeline", "--log", log, "--area", "syria", "--from", "2016-11-01", "--json"],
      // One bound and an as-of moment: the items known only in part then are read and folded.
      [
        "timeline", "--log", log, "--from", "2016-11-01T00:00Z", "--as-of", "2016-12-01T00:00Z",
        "--json",
      ],
      ["timeline", "--log", log, "--to", "2016-03-01T00:00Z", "--as-of", "2016-02-01T00:00Z"],
    ]
    let whole = try questions.map { try TruceProcess.run($0) }
    let wholePage = try String(contentsOfFile: page, encoding: .utf8)
    let indexed = try TruceProcess.run(["index", "--log", log])
    #expect(indexed.status == 0, "\(indexed.stderr)")
    for (question, answer) in zip(questions, whole) {
      #expect(answer.status == 0, "\(answer.stderr)")
      let fromIndex = try TruceProcess.run(question)
      #expect(fromIndex.stdout == answer.stdout, "\(question)")
      #expect(fromIndex.stderr == answer.stderr)
    }
    #expect(wholePage.contains("<svg"))
    #expect(try String(contentsOfFile: page, encoding: .utf8) == wholePage)
    // A span that had to read the whole log indexes it in the background.
    try indexesInBackground(questions[0], log: log, answer: whole[0])
  }

  @Test(
    "truce disputes --area lists each dispute under the area of what it is about, or of its reports"
  )
  func disputesByArea() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    func count(_ extra: [String]) throws -> Int {
      let result = try TruceProcess.run(["disputes", "--log", log, "--json"] + extra)
      #expect(result.status == 0, "\(result.stderr)")
      let document = try #require(try JSONParser.parse(result.stdout).objectValue)
      return try #require(document["disputes"]?.arrayValue).count
    }
    // The three countries of the generated history hold every area, each in one.
    let everywhere = try count([])
    let byCountry = try ["syria", "ukraine", "afghanistan"].map { try count(["--area", $0]) }
    #expect(everywhere > 0)
    #expect(byCountry.allSatisfy { $0 > 0 })
    #expect(byCountry.reduce(0, +) == everywhere)
  }

  @Test("truce log lists from the index exactly what filtering the whole log lists")
  func indexedListing() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let questions = [
      ["log", "--log", log, "--area", "syria", "--from", "2016-06-01", "--to", "2016-09-01"],
      ["log", "--log", log, "--type", "pause", "--actor", "UN", "--json"],
      ["log", "--log", log, "--as-of", "2015-06-01T00:00Z", "--type", "statement"],
      ["log", "--log", log, "--actor", "Reuters", "--actor", "analyst"],
    ]
    let whole = try answeredAlike(questions, log: log)
    // A listing that had to read the whole log indexes it in the background.
    try indexesInBackground(questions[0], log: log, answer: whole[0])
    // A usage error reads the same either way.
    let bad = try TruceProcess.run(["log", "--log", log, "--area", "atlantis"])
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("Error: The value 'atlantis' is invalid for '--area <area>'"))
  }

  @Test(
    "A damaged index changes no answer: the whole log answers, and truce index builds it again as it was"
  )
  func damagedIndex() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let questions = [
      ["at", "2016-06-01T12:00Z", "--log", log, "--json"],
      [
        "log", "--log", log, "--type", "statement", "--from", "2016-01-01T00:00Z", "--to",
        "2016-04-01T00:00Z",
      ],
      [
        "replay", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-06-08T00:00Z",
        "--json",
      ],
      [
        "timeline", "--log", log, "--from", "2016-06-01T00:00Z", "--to", "2016-07-01T00:00Z",
        "--json",
      ],
    ]
    let whole = try answeredAlike(questions, log: log)
    let index = log + ".at-index"
    let built = try Data(contentsOf: URL(fileURLWithPath: index))
    // A bit flipped a tenth, a third, half and four fifths of the way into the index.
    for share in [0.1, 0.33, 0.5, 0.8] {
      var damaged = built
      damaged[Int(Double(built.count) * share)] ^= 0x10
      try damaged.write(to: URL(fileURLWithPath: index))
      for (question, answer) in zip(questions, whole) {
        let fromDamaged = try TruceProcess.run(question)
        #expect(fromDamaged.stdout == answer.stdout, "\(share): \(question)")
        #expect(fromDamaged.stderr == answer.stderr && fromDamaged.status == 0)
      }
      // The index is not current: built again, it is the index it was.
      let rebuilt = try TruceProcess.run(["index", "--log", log, "--json"])
      let summary = try #require(try JSONParser.parse(rebuilt.stdout).objectValue)
      #expect(summary["written"] == .bool(true), "\(share)")
      #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == built)
    }
  }

  @Test(
    "truce show writes from the index what the whole log gives, and indexes a log it read whole")
  func indexedShow() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let events = try EventLog.read(path: log).events
    let ids = [99, 1_001, 2_002, 2_999].map { events[$0].id }
    let questions =
      ids.map { ["show", $0, "--log", log] } + [["show", ids[0], "--log", log, "--json"]]
    let whole = try answeredAlike(questions, log: log)
    try indexesInBackground(questions[0], log: log, answer: whole[0])
    // An unknown id reads the same either way: the index names the similar ids the whole log
    // would.
    let unknown = ids[0] + "x"
    let bad = try TruceProcess.run(["show", unknown, "--log", log])
    #expect(bad.status == 64)
    #expect(bad.stderr.hasPrefix("Error: The value '\(unknown)' is invalid for '<id>'"))
    #expect(bad.stderr.contains("similar ids: "))
    try FileManager.default.removeItem(atPath: log + ".at-index")
    let badWhole = try TruceProcess.run(["show", unknown, "--log", log])
    #expect(badWhole.status == 64 && badWhole.stderr == bad.stderr)
  }

  @Test(
    "An at that reads the whole log indexes it in the background; an append is read beside the index, a retraction sends the next at to the whole log"
  )
  func backgroundIndexing() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try generated(folder)
    let index = log + ".at-index"
    let background = ["TRUCE_BACKGROUND_INDEX": "1"]
    func waitForIndex(differentFrom old: Data?) throws -> Data? {
      for _ in 0..<300 {
        if let data = try? Data(contentsOf: URL(fileURLWithPath: index)), data != old {
          return data
        }
        Thread.sleep(forTimeInterval: 0.1)
      }
      return nil
    }
    let question = ["at", "2019-01-01T12:00Z", "--log", log, "--area", "syria"]
    let first = try TruceProcess.run(question, environment: background)
    #expect(first.status == 0)
    let built = try #require(try waitForIndex(differentFrom: nil))
    let appended = try TruceProcess.run([
      "append", "--log", log, "--type", "statement", "--id", "late", "--announced", "2019-01-01",
      "--reported", "2019-01-01", "--area", "syria", "--by", "someone", "--publication", "Wire",
      "--field", "kind=claim", "--field", "about=[\"sy-pause-1\"]",
    ])
    #expect(appended.status == 0, "\(appended.stderr)")
    // The appended line is read beside the index, which stays as it was...
    let beside = try TruceProcess.run(question, environment: background)
    #expect(beside.status == 0)
    Thread.sleep(forTimeInterval: 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == built)
    // ...and the answer is the whole log's.
    try FileManager.default.removeItem(atPath: index)
    let whole = try TruceProcess.run(question)
    #expect(beside.stdout == whole.stdout)
    try built.write(to: URL(fileURLWithPath: index))
    // truce index builds it again when asked: an index with lines after it is not current.
    let reindexed = try TruceProcess.run(["index", "--log", log, "--json"])
    let summary = try #require(try JSONParser.parse(reindexed.stdout).objectValue)
    #expect(summary["written"] == .bool(true))
    let rebuilt = try Data(contentsOf: URL(fileURLWithPath: index))
    #expect(rebuilt != built)
    try built.write(to: URL(fileURLWithPath: index))
    // A retraction is not read beside the index: the next at reads the whole log and indexes it
    // again in the background.
    let retracted = try TruceProcess.run([
      "append", "--log", log, "--type", "correction.retraction", "--id", "late-retracted",
      "--announced", "2019-01-02", "--reported", "2019-01-02", "--area", "syria", "--by",
      "someone", "--publication", "Wire", "--field", "retracts=late",
    ])
    #expect(retracted.status == 0, "\(retracted.stderr)")
    let after = try TruceProcess.run(question, environment: background)
    #expect(after.status == 0)
    #expect(try waitForIndex(differentFrom: built) != nil)
  }
}

@Suite("truce index on a log it cannot index, end to end")
struct IndexCommandRefusalTests {
  @Test("A log whose last line is torn is not indexed: an error naming the log, exit 1")
  func tornLog() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("history.jsonl").path
    let generated = try TruceProcess.run([
      "generate", "--events", "200", "--areas", "3", "--seed", "2", "--output", log,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let handle = try #require(FileHandle(forWritingAtPath: log))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"seq":201,"id":"cut"#.utf8))
    try handle.close()
    let result = try TruceProcess.run(["index", "--log", log])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("Error: \(log): only a hash-chained log without a torn last line"))
    #expect(!FileManager.default.fileExists(atPath: log + ".at-index"))
  }
}
