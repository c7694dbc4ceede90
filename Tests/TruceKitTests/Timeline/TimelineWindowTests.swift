import Testing

@testable import TruceKit

/// The window a timeline fits to its items when it is not given both ends.
@Suite("The window a timeline fits to its items")
struct TimelineWindowTests {
  static let day: Int64 = 86_400
  /// The items reach from day 10 to day 20 (in seconds since the epoch).
  static let bounds = (
    first: Instant(secondsSinceEpoch: 10 * day), last: Instant(secondsSinceEpoch: 20 * day)
  )

  @Test(
    "Each end not given is a day beyond the items; an end before every item still ends the window",
    arguments: [
      // (from, to) in days → (first, last) in days; nil: not given.
      (nil, nil, 9.0, 21.0),
      (12.0, nil, 12.0, 21.0),
      (nil, 15.0, 9.0, 15.0),
      (nil, 5.0, 4.0, 5.0),
      (25.0, nil, 25.0, 25.0 + 1.0 / 24),
    ] as [(Double?, Double?, Double, Double)])
  func fittedWindow(from: Double?, to: Double?, first: Double, last: Double) {
    func instant(_ days: Double) -> Instant {
      Instant(secondsSinceEpoch: Int64(days * Double(Self.day)))
    }
    let window = Timeline.fitted(
      from: from.map(instant), to: to.map(instant), bounds: Self.bounds)
    #expect(window.first == instant(first))
    #expect(window.last == instant(last))
  }
}
