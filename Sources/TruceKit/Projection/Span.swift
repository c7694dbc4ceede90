/// A half-open stretch of time, `[start, end)`.
public struct Span: Hashable, Sendable {
  /// The first instant inside.
  public var start: Instant
  /// The first instant after.
  public var end: Instant

  /// Creates a span; empty when `end` is not after `start`.
  public init(start: Instant, end: Instant) {
    self.start = start
    self.end = end
  }

  /// Whether the span holds no instant.
  public var isEmpty: Bool { end <= start }

  /// The common part, or `nil` when none.
  public func intersection(_ other: Span) -> Span? {
    let result = Span(start: max(start, other.start), end: min(end, other.end))
    return result.isEmpty ? nil : result
  }
}

extension Array where Element == Span {
  /// The parts of these spans inside `window`.
  func clipped(to window: Span) -> [Span] { compactMap { $0.intersection(window) } }

  /// The parts of these spans not covered by `hole`.
  func removing(_ hole: Span) -> [Span] {
    flatMap { span -> [Span] in
      guard span.intersection(hole) != nil else { return [span] }
      return [Span(start: span.start, end: hole.start), Span(start: hole.end, end: span.end)]
        .filter { !$0.isEmpty }
    }
  }
}

extension Array where Element == Span {
  /// The same instants as sorted, non-overlapping, non-touching spans.
  func normalized() -> [Span] {
    var result: [Span] = []
    for span in filter({ !$0.isEmpty }).sorted(by: { $0.start < $1.start }) {
      if let last = result.last, span.start <= last.end {
        result[result.count - 1].end = Swift.max(last.end, span.end)
      } else {
        result.append(span)
      }
    }
    return result
  }

  /// The instants of these spans that none of `others` covers.
  func subtracting(_ others: [Span]) -> [Span] {
    others.reduce(normalized()) { remaining, hole in remaining.removing(hole) }.normalized()
  }

  /// The instants both these spans and `others` cover.
  func intersecting(_ others: [Span]) -> [Span] {
    flatMap { span in others.compactMap { span.intersection($0) } }.normalized()
  }
}
