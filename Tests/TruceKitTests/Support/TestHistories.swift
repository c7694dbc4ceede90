@testable import TruceKit

/// The two histories that tests of the fold's inputs run over, and the moments they fold at.
enum TestHistories {
  /// Their names, as tests take them for arguments.
  static let names = ["bundled", "generated"]

  /// A generated history with errata that amend (some twice) and void, retractions, disputes,
  /// day-only dates and times near clock changes, long enough to be folded in lanes.
  private static let generated: Result<EventLog, any Error> = Result {
    try GeneratorScratch.log(events: 12_000, areas: 9, seed: 73)
  }

  /// The bundled history (`bundled`) or the generated one, read whole.
  static func log(_ history: String) throws -> EventLog {
    history == "bundled" ? try TestLog.bundled() : try generated.get()
  }

  /// Everything known, then what was known at the earliest announcement of the events at each of
  /// `fractions` through `events`.
  static func knowledge(through events: [Event], at fractions: [Double]) -> [Knowledge] {
    let moments = fractions.compactMap {
      events[Int(Double(events.count) * $0)].announced.range.earliest
    }
    return [Knowledge.everything] + moments.map { Knowledge(asOf: $0) }
  }
}
