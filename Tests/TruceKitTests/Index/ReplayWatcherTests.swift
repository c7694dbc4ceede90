import Testing

@testable import TruceKit

/// A step of a replay may change more than its own items: the statements that dispute its event
/// and the pauses that repeat it look it up, and a retraction withdraws its target's dispute. A
/// replay of a span read through the index must read those too, wherever they lie in time.
@Suite("Replaying a span from the index: what a step changes besides its items")
struct ReplayWatcherTests {
  /// Hand-made histories whose step on 10 November changes something announced before the span.
  enum Shape: String, CaseIterable, CustomTestStringConvertible {
    /// A retraction on the 10th of a statement that disputed a violation report.
    case retractedClaim
    /// A report on the 10th that a statement announced on the 1st (written after it) disputes.
    case reportDisputedEarlier
    /// A violation report on the 10th that a statement announced on the 1st disputes: no item's
    /// lines hold either.
    case violationDisputedEarlier
    /// A statement on the 10th disputing a violation report of pause p1, when another statement
    /// on record disputes another violation report of it: both claims are about p1, so the
    /// second is no news (read without the first, it would be).
    case secondClaimOnViolations
    /// A statement on the 10th about a proposal, disputing its report, when another statement
    /// about the proposal on record disputes the same report (no news either).
    case secondClaimOnProposal
    /// A statement on the 10th disputing a violation report about no pause, which another
    /// statement on record disputes too: both claims bear the report's id as their subject
    /// (found by a review). Retracted on the 20th, the second leaves the first standing.
    case otherClaimOnTheSameReport
    /// A violation report on the 10th that a statement announced on the 1st comes to dispute
    /// only through an erratum (found by a review: the index listed the links as written).
    case disputeSetByErratum
    /// A statement on the 10th disputing a report of a pause elsewhere, announced on the 1st.
    case claimOnReportElsewhere
    /// An extension on the 10th that a declaration announced on the 1st repeats.
    case extensionRepeatedEarlier

    var testDescription: String { rawValue }

    /// What the step changes besides its own item, as the replay says it (or says instead).
    var change: String {
      switch self {
      case .retractedClaim: "no longer disputed (claim) about v1"
      case .violationDisputedEarlier, .disputeSetByErratum: "reports disagree (claim) about v1"
      // (The other claim on record makes the dispute known: nothing new is said.)
      case .secondClaimOnViolations, .secondClaimOnProposal, .otherClaimOnTheSameReport:
        "no change in force (a refusal)"
      case .reportDisputedEarlier, .claimOnReportElsewhere: "reports disagree (claim) about p1"
      case .extensionRepeatedEarlier: "reports disagree (what was announced) about p2"
      }
    }

    /// A pause of another month in another area, which a replay of the span need not read.
    static func otherPause() throws -> [JSONObject] {
      [
        try ScratchLog.event(
          "other-d", "pause.declared", announced: "2016-10-01T08:00Z",
          #""pause":"p9","kind":"pause","window":{"start":"2016-10-02T09:00Z"}"#),
        try ScratchLog.event(
          "other-e", "pause.ended", announced: "2016-10-05T08:00Z",
          #""pause":"p9","at":"2016-10-05T08:00Z","how":"expired""#),
      ]
    }

    /// The events, in log order.
    func events() throws -> [JSONObject] {
      let window = #""window":{"start":"2016-11-01T09:00Z","end":"2016-11-20T19:00Z"}"#
      let p1 = try ScratchLog.event(
        "d1", "pause.declared", announced: "2016-11-01T08:00Z", area: "homs",
        #""pause":"p1","kind":"pause",\#(window)"#)
      let extension1 = try ScratchLog.event(
        "x1", "pause.extended", announced: "2016-11-10T10:00Z", area: "homs",
        #""pause":"p1","end":"2016-11-25T00:00Z""#)
      // A violation report in Homs at 10:00 on a day of November, of pause p1 or of none.
      func violation(_ id: String, day: Int, ofPause: Bool = false) throws -> JSONObject {
        let time = "2016-11-\(day < 10 ? "0" : "")\(day)T"
        return try ScratchLog.event(
          id, "violation.reported", announced: time + "10:00Z", area: "homs",
          (ofPause ? #""pause":"p1","# : "") + #""at":"\#(time)06:00Z","by":["someone else"]"#)
      }
      // A refusal at 10:00 on a day of November, disputing these events, about these names.
      func refusal(_ id: String, day: Int, disputes: [String], about: [String] = [])
        throws -> JSONObject
      {
        func list(_ ids: [String]) -> String { ids.map { #""\#($0)""# }.joined(separator: ",") }
        var fields = #""kind":"refusal""#
        if !about.isEmpty { fields += #","about":[\#(list(about))]"# }
        if !disputes.isEmpty { fields += #","disputes":[\#(list(disputes))]"# }
        return try ScratchLog.event(
          id, "statement", announced: "2016-11-\(day < 10 ? "0" : "")\(day)T10:00Z", fields)
      }
      switch self {
      case .retractedClaim:
        return [
          p1, try violation("v1", day: 1), try refusal("s1", day: 2, disputes: ["v1"]),
          try ScratchLog.event(
            "r1", "correction.retraction", announced: "2016-11-10T10:00Z", #""retracts":"s1""#),
        ]
      case .reportDisputedEarlier:
        return [p1, extension1, try refusal("s1", day: 1, disputes: ["x1"])]
      case .violationDisputedEarlier:
        return [p1, try violation("v1", day: 10), try refusal("s1", day: 1, disputes: ["v1"])]
      case .secondClaimOnViolations:
        return [
          p1, try violation("v1", day: 1, ofPause: true),
          try violation("v2", day: 1, ofPause: true),
          try refusal("s1", day: 2, disputes: ["v1"]), try refusal("s2", day: 10, disputes: ["v2"]),
        ]
      case .secondClaimOnProposal:
        return [
          try ScratchLog.event(
            "q1", "proposal", announced: "2016-11-01T10:00Z", area: "homs",
            #""proposal":"y1","kind":"call""#),
          try refusal("s1", day: 2, disputes: ["q1"], about: ["y1"]),
          try refusal("s2", day: 10, disputes: ["q1"], about: ["y1"]),
        ]
      case .otherClaimOnTheSameReport:
        return [
          p1, try violation("v1", day: 1), try refusal("s1", day: 2, disputes: ["v1"]),
          try refusal("s2", day: 10, disputes: ["v1"]),
          try ScratchLog.event(
            "r1", "correction.retraction", announced: "2016-11-20T10:00Z", #""retracts":"s2""#),
        ]
      case .disputeSetByErratum:
        return [
          p1, try violation("v1", day: 10), try refusal("s1", day: 1, disputes: []),
          try ScratchLog.event(
            "e1", "correction.erratum", announced: "2016-11-02T10:00Z",
            #""corrects":"s1","set":{"disputes":["v1"]}"#),
        ]
      case .claimOnReportElsewhere:
        return [
          p1,
          try ScratchLog.event(
            "x0", "pause.extended", announced: "2016-11-01T10:00Z", area: "homs",
            #""pause":"p1","end":"2016-11-22T00:00Z""#),
          try refusal("s1", day: 10, disputes: ["x0"]),
        ]
      case .extensionRepeatedEarlier:
        return [
          p1, extension1,
          try ScratchLog.event(
            "d2", "pause.declared", announced: "2016-11-01T10:00Z",
            #""pause":"p2","kind":"pause",\#(window),"sameAnnouncementAs":["x1"]"#),
        ]
      }
    }
  }

  @Test(
    "A replay of the span around the step reads from the index what the whole log shows",
    arguments: Shape.allCases)
  func spanAroundTheStep(_ shape: Shape) throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let (whole, reader) = try IndexedAnswers.indexed(
      try Shape.otherPause() + shape.events(), in: log)
    // Two spans showing the step on the 10th, and one after it (a retraction on the 20th).
    for (from, to) in [
      ("2016-11-09T00:00Z", "2016-11-11T00:00Z"), ("2016-11-10T10:00Z", nil),
      ("2016-11-15T00:00Z", nil),
    ] as [(String, String?)] {
      let filter = EventFilter(
        from: try IndexedWindowTests.instant(from),
        to: try to.map(IndexedWindowTests.instant))
      let expected = IndexedReplayTests.outputs(whole, filter)
      // The step changes something besides its own item.
      if from < "2016-11-15" {
        #expect(expected.contains { $0.contains(shape.change) }, "\(expected.last ?? "")")
      }
      let subset = try #require(reader.log(forReplay: filter), "left to the whole log")
      // Without the pause of another month.
      #expect(!subset.events.contains { $0.id.hasPrefix("other") })
      IndexedAnswers.expectSame(
        IndexedReplayTests.outputs(subset, filter), as: expected, "\(shape) from \(from)")
    }
  }
}
