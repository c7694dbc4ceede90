import Testing

@testable import TruceKit

@Suite("The index of statements by subject")
struct StatementIndexTests {
  /// Positions by subject as defined: each statement once under each subject it names, in order.
  static func defined(_ payloads: [EventPayload]) -> [String: [Int]] {
    var index: [String: [Int]] = [:]
    for (position, payload) in payloads.enumerated() {
      guard case .statement(_, let about) = payload else { continue }
      for subject in Set(about) { index[subject, default: []].append(position) }
    }
    return index
  }

  @Test(
    "Every subject's statements are found in order, as defined, on both histories",
    arguments: TestHistories.names)
  func findsEverySubjectsStatements(history: String) throws {
    let payloads = try TestHistories.log(history).effectiveEvents.map(\.payload)
    let index = StatementIndex(payloads)
    let defined = Self.defined(payloads)
    #expect(defined.count >= 5, "the history has statements about several subjects")
    for (subject, positions) in defined {
      #expect(Array(index.positions(about: subject)) == positions, "\(subject)")
    }
    #expect(index.positions(about: "no-such-subject").isEmpty)
  }

  @Test("A statement that names a subject twice is listed once; other events are skipped")
  func listsEachStatementOnce() {
    let payloads: [EventPayload] = [
      .statement(kind: .claim, about: ["p-1", "p-1", "c-1"]),
      .retraction(retracts: "x"),
      .statement(kind: .claim, about: []),
      .statement(kind: .claim, about: ["c-1"]),
    ]
    let index = StatementIndex(payloads)
    #expect(Array(index.positions(about: "p-1")) == [0])
    #expect(Array(index.positions(about: "c-1")) == [0, 3])
    #expect(StatementIndex([]).positions(about: "p-1").isEmpty)
  }
}
