import Testing

@testable import TruceKit

@Suite("The timeline")
struct TimelineChartTests {
  static let log: [String] = [
    TestLog.event(
      1, "p1", "pause.declared", announced: "2016-11-01",
      #""pause":"p","kind":"pause","window":{"start":"2016-11-02","end":"2016-11-05T12:00"}"#),
    TestLog.event(
      2, "p2", "pause.extended", announced: "2016-11-04", source: "Wire B",
      #""pause":"p","end":"2016-11-06T12:00""#),
    TestLog.event(
      3, "p3", "pause.extended", announced: "2016-11-04", source: "Wire C",
      #""pause":"p","end":"2016-11-07T12:00""#),
    TestLog.event(
      4, "o1", "offensive.launched", announced: "2016-11-03",
      #""offensive":"o","at":"2016-11-03T12:00","parties":["army"]"#),
  ]

  private func timeline() throws -> Timeline {
    let log = try TestLog.parse(Self.log)
    return Timeline(
      projection: Projection(log: log), from: try TestLog.instant("2016-11-01T22:00Z"),
      to: try TestLog.instant("2016-11-09T22:00Z"), areas: log.areas)
  }

  @Test("Rows, segments and the open end come from the projection's boundaries")
  func segments() throws {
    let timeline = try timeline()
    #expect(timeline.rows.map(\.id) == ["p", "o"])
    let pause = try #require(timeline.rows.first)
    #expect(pause.segments.map(\.certainty) == [.uncertain, .certain, .disputed])
    #expect(pause.segments.last?.end == (try TestLog.instant("2016-11-07T10:00Z")))
    #expect(timeline.rows.last?.segments.last?.isOpen == true)
  }

  @Test("The terminal chart at a fixed width, verbatim")
  func chartVerbatim() throws {
    let chart = TimelineChart(width: 60, zone: TestLog.damascus).render(try timeline())
    #expect(
      chart == """
        TIMELINE 2016-11-02 → 2016-11-09, local time (Asia/Damascus)
                     11-02      11-04 11-05 11-06      11-08 11-09
        pause p     |▒▒▒▒▒▒████████████████████░░░░░░              |
        offensive o |        ██████████████████████████████████████→

        █ in force    ▒ possibly (known to the day or a range)
        ░ possibly (reports disagree)    → no end reported
        one column ≈ 4 h

        """)
  }

  @Test("Every line of the chart fits the width", arguments: [40, 60, 100, 160])
  func fitsWidth(width: Int) throws {
    let chart = TimelineChart(width: width, zone: TestLog.damascus).render(try timeline())
    for line in chart.split(separator: "\n") { #expect(line.count <= width) }
  }
}
