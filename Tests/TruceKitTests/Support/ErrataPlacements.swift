@testable import TruceKit

/// Small logs whose errata void and amend events at the start, the end and side by side, for the
/// tests of the events with errata applied (as events and as records).
enum ErrataPlacements {
  /// Which of six statements are voided and which amended (an event both voided and amended is
  /// voided), by their sequence numbers.
  static let cases: [(voided: [Int], amended: [Int])] = [
    ([1], []), ([6], []), ([2, 3], [4]), ([6], [1]), ([], [1, 2, 3, 4, 5, 6]),
    ([1, 2, 3, 4, 5, 6], []), ([1, 3, 5], [2, 6]), ([2, 5], [2, 3, 5]), ([1, 6], [6, 1, 4]),
  ]

  /// Six statements `s1`…`s6`, then an erratum voiding each of `voided` and one amending each of
  /// `amended` (its kind set to a refusal).
  static func lines(voided: [Int], amended: [Int]) -> [String] {
    var lines = (1...6).map { TestLog.event($0, "s\($0)", "statement", #""kind":"claim""#) }
    for target in voided {
      lines.append(
        TestLog.event(
          lines.count + 1, "v\(target)", "correction.erratum",
          #""corrects":"s\#(target)","void":true"#))
    }
    for target in amended {
      lines.append(
        TestLog.event(
          lines.count + 1, "a\(target)", "correction.erratum",
          #""corrects":"s\#(target)","set":{"kind":"refusal"}"#))
    }
    return lines
  }

  /// What the effective events are by definition: voided events dropped, amended ones replaced.
  static func byDefinition(_ log: EventLog) -> [Event] {
    log.events.compactMap { event in
      if log.voided.contains(event.id) { return nil }
      return log.amendments[event.id] ?? event
    }
  }
}
