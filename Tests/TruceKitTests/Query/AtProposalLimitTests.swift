import Testing

@testable import TruceKit

/// A long history holds thousands of proposals made before the moment asked about: `at` lists
/// the latest announced and counts the rest, unless asked for every one.
@Suite("at lists the latest proposals and counts the earlier ones")
struct AtProposalLimitTests {
  /// Proposals `p1`… announced on the given days, in log order.
  private static func log(announced days: [String]) throws -> EventLog {
    try TestLog.parse(
      days.enumerated().map { index, day in
        TestLog.event(
          index + 1, "e\(index + 1)", "proposal", announced: day,
          #""proposal":"p\#(index + 1)","kind":"offer","terms":["aid deliveries"]"#)
      })
  }

  private static func answer(_ log: EventLog, limit: Int? = AtQuery.defaultContextLimit) throws
    -> AtAnswer
  {
    var query = AtQuery(
      moment: try Moment(parsing: "2016-12-31T12:00", zone: TestLog.damascus),
      zone: TestLog.damascus)
    query.contextLimit = limit
    return query.answer(from: log)
  }

  @Test("Of 14 proposals, the 10 announced last are listed in log order and 4 are counted")
  func latestTenAreListed() throws {
    // Announced out of order: p1 and p2 are the latest, p3 to p6 the earliest.
    let days =
      ["2016-11-20", "2016-11-19", "2016-10-01", "2016-10-02", "2016-10-03"]
      + ["2016-10-04"] + (10...17).map { "2016-11-\($0)" }
    let answer = try Self.answer(try Self.log(announced: days))
    #expect(answer.proposals.map(\.id) == ["e1", "e2"] + (7...14).map { "e\($0)" })
    #expect(answer.proposals.count == AtQuery.defaultContextLimit)
    #expect(answer.omittedProposals == 4)
  }

  @Test("Ties keep the log's order, and an announcement with no latest counts as the earliest")
  func tiesAndOpenAnnouncements() throws {
    // Twelve on one day, then one "on or after" 1 December: the tie keeps the first ten.
    let days = ["2016-12-01/.."] + Array(repeating: "2016-11-15", count: 12)
    let answer = try Self.answer(try Self.log(announced: days))
    #expect(answer.proposals.map(\.id) == (2...11).map { "e\($0)" })
    #expect(answer.omittedProposals == 3)
  }

  @Test("Ten proposals or fewer are all listed, and none is counted as left out")
  func fewAreAllListed() throws {
    let answer = try Self.answer(
      try Self.log(announced: (1...10).map { "2016-11-\(10 + $0)" }))
    #expect(answer.proposals.map(\.id) == (1...10).map { "e\($0)" })
    #expect(answer.omittedProposals == 0)
  }

  @Test("With no limit (--all) every proposal made by the moment is listed")
  func everyOneWithNoLimit() throws {
    let days = (1...20).map { "2016-10-\(10 + $0)" } + ["2017-01-05"]
    let answer = try Self.answer(try Self.log(announced: days), limit: nil)
    #expect(answer.proposals.map(\.id) == (1...20).map { "e\($0)" })
    #expect(answer.omittedProposals == 0)
  }

  @Test("The text says how many earlier proposals are left out; the JSON counts them too")
  func renderedCount() throws {
    let log = try Self.log(announced: (1...25).map { "2016-11-\(String(100 + $0).suffix(2))" })
    let answer = try Self.answer(log)
    let text = AtTextRenderer(logFile: "test.jsonl", areas: log.areas).render(answer)
    #expect(
      text.contains(
        "  … and 15 earlier proposals (the 10 latest announced are listed; --all lists every one)\n"
      ))
    let json = AtJSONRenderer(logFile: "test.jsonl").render(answer)
    let omitted = try #require(try JSONParser.parse(json).objectValue?["omitted"]?.objectValue)
    #expect(omitted["proposals"]?.intValue == 15)
    #expect(try JSONParser.parse(json).objectValue?["proposals"]?.arrayValue?.count == 10)
  }
}
