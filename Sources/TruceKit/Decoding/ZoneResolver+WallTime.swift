extension ZoneResolver.TransitionTable {
  /// Resolves a local wall time, given as its seconds since the epoch read as if in UTC, to the
  /// instant or instants it names in the zone.
  ///
  /// The offsets in force a day before, at, and a day after the wall time (read as UTC) are the
  /// candidates. A candidate is right when the zone had that offset at the instant it gives.
  /// With no right candidate the wall time fell in a gap, and the next valid instant is the first
  /// change at or after the wall time read with the largest candidate.
  mutating func resolve(asIfUTC wall: Int64) -> LocalResolution {
    let now = offset(at: wall)
    // The common case, decided without the rest: when the offset holds from a day before to a
    // day after, it is the only candidate, and the instant it gives is within that span.
    if window.lowerBound <= wall - 86_400, wall + 86_400 < window.upperBound, abs(now) <= 86_400 {
      return .unique(Instant(secondsSinceEpoch: wall - Int64(now)))
    }
    let before = offset(at: wall - 86_400)
    let after = offset(at: wall + 86_400)
    var matches = Matches()
    tryCandidate(before, wall, &matches)
    if now != before { tryCandidate(now, wall, &matches) }
    if after != before, after != now { tryCandidate(after, wall, &matches) }
    switch matches.count {
    case 0:
      let earliest = wall - Int64(max(before, now, after))
      let next = nextChange(after: earliest - 1) ?? wall
      return .nonexistent(nextValid: Instant(secondsSinceEpoch: next))
    case 1:
      return .unique(Instant(secondsSinceEpoch: matches.earliest))
    default:
      return .ambiguous(
        Instant(secondsSinceEpoch: matches.earliest), Instant(secondsSinceEpoch: matches.latest))
    }
  }

  /// The first instant of a local calendar day, given as days since 1970-01-01: its midnight,
  /// the earlier one when midnight happened twice, or the end of the gap when it never did.
  mutating func startOfDay(daysSinceEpoch day: Int64) -> Instant {
    switch resolve(asIfUTC: day * 86_400) {
    case .unique(let instant), .ambiguous(let instant, _): return instant
    case .nonexistent(let next): return next
    }
  }

  /// Adds the instant a candidate offset gives to `matches` when the zone had that offset then.
  private mutating func tryCandidate(_ offset: Int, _ wall: Int64, _ matches: inout Matches) {
    let instant = wall - Int64(offset)
    if self.offset(at: instant) == offset { matches.add(instant) }
  }

  /// The instants a wall time names, kept as their count and extremes.
  private struct Matches {
    /// How many candidates were right.
    var count = 0
    /// The earliest instant found.
    var earliest = Int64.max
    /// The latest instant found.
    var latest = Int64.min

    /// Counts one more instant.
    mutating func add(_ instant: Int64) {
      count += 1
      earliest = min(earliest, instant)
      latest = max(latest, instant)
    }
  }
}
