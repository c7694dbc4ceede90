/// An instant known only to lie between two bounds, either of which may be open.
///
/// An exact instant has equal bounds; "4 November (local)" runs from the first to the last
/// second of that local day; "on or before 2 November" has no lower bound.
///
/// Kept in 16 bytes (every event holds several): an open bound is stored as the smallest (or
/// largest) second there is, which no date between the years 1 and 9999 comes near, and which
/// orders as an open bound would (so an earliest bound of that very second reads back as open,
/// and so does a latest bound of the largest).
public struct UncertainInstant: Hashable, Sendable {
  private var lower: Int64
  private var upper: Int64

  /// The earliest the instant can be; `nil` when unbounded in the past.
  public var earliest: Instant? {
    get { lower == Int64.min ? nil : Instant(secondsSinceEpoch: lower) }
    set { lower = newValue?.secondsSinceEpoch ?? Int64.min }
  }
  /// The latest the instant can be (inclusive); `nil` when unbounded in the future.
  public var latest: Instant? {
    get { upper == Int64.max ? nil : Instant(secondsSinceEpoch: upper) }
    set { upper = newValue?.secondsSinceEpoch ?? Int64.max }
  }

  /// Creates a range of possible instants.
  public init(earliest: Instant?, latest: Instant?) {
    lower = earliest?.secondsSinceEpoch ?? Int64.min
    upper = latest?.secondsSinceEpoch ?? Int64.max
  }

  /// An exactly known instant.
  public init(exactly instant: Instant) {
    lower = instant.secondsSinceEpoch
    upper = instant.secondsSinceEpoch
  }

  /// Whether the bounds are equal, so the instant is known exactly.
  public var isExact: Bool { earliest != nil && earliest == latest }

  /// Whether the instant is certainly at or before `instant`.
  public func isCertainly(atOrBefore instant: Instant) -> Bool {
    guard let latest else { return false }
    return latest <= instant
  }

  /// Whether the instant may be at or before `instant`.
  public func isPossibly(atOrBefore instant: Instant) -> Bool {
    guard let earliest else { return true }
    return earliest <= instant
  }

  /// Whether the instant is certainly after `instant`.
  public func isCertainly(after instant: Instant) -> Bool { !isPossibly(atOrBefore: instant) }

  /// The common part of two ranges, or `nil` when they do not overlap.
  public func intersection(_ other: UncertainInstant) -> UncertainInstant? {
    let lower = maxOptional(earliest, other.earliest)
    let upper = minOptional(latest, other.latest)
    if let lower, let upper, lower > upper { return nil }
    return UncertainInstant(earliest: lower, latest: upper)
  }

  /// The smallest range covering both.
  public func hull(_ other: UncertainInstant) -> UncertainInstant {
    let lower: Instant? =
      if let a = earliest, let b = other.earliest { min(a, b) } else { nil }
    let upper: Instant? = if let a = latest, let b = other.latest { max(a, b) } else { nil }
    return UncertainInstant(earliest: lower, latest: upper)
  }

  /// The later of two possible instants, bound by bound.
  public func laterOf(_ other: UncertainInstant) -> UncertainInstant {
    UncertainInstant(
      earliest: maxOptional(earliest, other.earliest),
      latest: (latest == nil || other.latest == nil)
        ? nil : maxOptional(latest, other.latest))
  }

  /// The earlier of two possible instants, bound by bound.
  public func earlierOf(_ other: UncertainInstant) -> UncertainInstant {
    UncertainInstant(
      earliest: (earliest == nil || other.earliest == nil)
        ? nil : minOptional(earliest, other.earliest),
      latest: minOptional(latest, other.latest))
  }
}

/// The larger of two optional instants where `nil` means unbounded below.
func maxOptional(_ a: Instant?, _ b: Instant?) -> Instant? {
  switch (a, b) {
  case (nil, let other), (let other, nil): return other
  case (let x?, let y?): return max(x, y)
  }
}

/// The smaller of two optional instants where `nil` means unbounded above.
func minOptional(_ a: Instant?, _ b: Instant?) -> Instant? {
  switch (a, b) {
  case (nil, let other), (let other, nil): return other
  case (let x?, let y?): return min(x, y)
  }
}
