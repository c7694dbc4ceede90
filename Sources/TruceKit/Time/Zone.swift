/// An IANA time zone with its historical rules, as the tz database gives them.
///
/// Aleppo uses `Asia/Damascus`: UTC+3 until 2016-10-27T21:00Z, then UTC+2. Rules differ across
/// the years, so offsets are always looked up for the instant in question.
///
/// The rules are read from the system's tz database (``ZoneDatabase``: the compiled files under
/// `/usr/share/zoneinfo`, or `TZDIR`), once per process.
public struct Zone: Hashable, Sendable, CustomStringConvertible {
  /// The tz database identifier, such as `Asia/Damascus`.
  public let identifier: String
  private let rules: ZoneRules

  /// Looks a zone up in the tz database; returns `nil` for an unknown identifier.
  ///
  /// Only tz database names are accepted (`Asia/Damascus`, `UTC`, `Etc/GMT-3`), not offset
  /// spellings such as `GMT+0500`.
  public init?(identifier: String) {
    guard let rules = ZoneDatabase.rules(for: identifier) else { return nil }
    self.identifier = identifier
    self.rules = rules
  }

  /// The zone's offset east of UTC, in seconds, at an instant.
  public func offset(at instant: Instant) -> Int {
    rules.offset(at: instant.secondsSinceEpoch)
  }

  /// The wall time this zone's clocks showed at an instant.
  public func civil(at instant: Instant) -> CivilDateTime {
    instant.civil(atOffset: offset(at: instant))
  }

  /// Resolves a wall time in this zone to the instant or instants it names.
  ///
  /// A wall time in the hour repeated when clocks go back is ``LocalResolution/ambiguous(_:_:)``;
  /// one skipped when they go forward is ``LocalResolution/nonexistent(nextValid:)``. Neither is
  /// resolved silently.
  public func resolve(_ wall: CivilDateTime) -> LocalResolution {
    let asIfUTC = wall.secondsSinceEpochAsIfUTC
    // Every offset in force within a day either side is a candidate.
    var candidates: [Int] = []
    for probe in [-86_400, 0, 86_400] as [Int64] {
      let offset = offset(at: Instant(secondsSinceEpoch: asIfUTC + probe))
      if !candidates.contains(offset) { candidates.append(offset) }
    }
    let matches = candidates.compactMap { candidate -> Instant? in
      let instant = Instant(secondsSinceEpoch: asIfUTC - Int64(candidate))
      return offset(at: instant) == candidate ? instant : nil
    }.sorted()
    switch matches.count {
    case 0:
      // In a gap: the first valid instant is where the later offset begins.
      let earliest = candidates.map { Instant(secondsSinceEpoch: asIfUTC - Int64($0)) }.min()
      let next = nextTransition(
        after: earliest?.adding(seconds: -1) ?? Instant(secondsSinceEpoch: asIfUTC))
      return .nonexistent(nextValid: next ?? Instant(secondsSinceEpoch: asIfUTC))
    case 1:
      return .unique(matches[0])
    default:
      return .ambiguous(matches[0], matches[matches.count - 1])
    }
  }

  /// The first instant of a local calendar day (midnight, or the end of a gap at midnight).
  public func startOfDay(_ date: CivilDate) -> Instant {
    let midnight = CivilDateTime(secondsSinceEpochAsIfUTC: date.daysSinceEpoch * 86_400)
    switch resolve(midnight) {
    case .unique(let instant), .ambiguous(let instant, _): return instant
    case .nonexistent(let next): return next
    }
  }

  /// The next change of offset after an instant, if the zone has one.
  public func nextTransition(after instant: Instant) -> Instant? {
    rules.nextChange(after: instant.secondsSinceEpoch).map(Instant.init(secondsSinceEpoch:))
  }

  public var description: String { identifier }

  /// The identity of the zone's rules, shared by every ``Zone`` with this identifier (and
  /// possibly by other identifiers too): a quick first test that two zones are the same.
  var rulesIdentity: ObjectIdentifier { ObjectIdentifier(rules) }

  public static func == (lhs: Zone, rhs: Zone) -> Bool { lhs.identifier == rhs.identifier }
  public func hash(into hasher: inout Hasher) { hasher.combine(identifier) }
}

/// What a wall time names in a zone.
public enum LocalResolution: Hashable, Sendable {
  /// Exactly one instant.
  case unique(Instant)
  /// Two instants, in the hour the clocks showed twice; earlier first.
  case ambiguous(Instant, Instant)
  /// No instant: the clocks skipped this time. The first valid instant after the gap is given.
  case nonexistent(nextValid: Instant)
}

/// Formats a UTC offset in seconds as `+02:00`.
public func formatOffset(_ seconds: Int) -> String {
  let sign = seconds < 0 ? "-" : "+"
  let magnitude = abs(seconds)
  return "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude / 60 % 60, 2))"
}
