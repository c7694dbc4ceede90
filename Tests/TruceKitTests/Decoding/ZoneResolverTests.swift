import Testing

@testable import TruceKit

@Suite("Resolving times through cached zone rules, against the reference")
struct ZoneResolverTests {
  /// Zones with unusual rules: changes at midnight, odd offsets, 30-minute daylight-saving time,
  /// a skipped day, Ramadan changes, a daylight-saving time made permanent, and no changes.
  static let zoneIdentifiers = [
    "Asia/Damascus", "Asia/Kabul", "Asia/Kathmandu", "Asia/Yangon", "Europe/Kyiv",
    "America/Sao_Paulo", "Africa/Casablanca", "Australia/Lord_Howe", "Pacific/Apia",
    "America/Havana", "Asia/Beirut", "Europe/Istanbul", "UTC", "Etc/GMT-3", "Europe/Moscow",
    "America/New_York",
  ]

  @Test(
    "Around changes in 2011, 2016 and 2021, a 15-minute grid and every period resolve alike",
    arguments: zoneIdentifiers)
  func gridAroundChanges(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    var comparison = Comparison(zone: zone)
    var changeCount = 0
    for year in [2011, 2016, 2021] {
      let start = try #require(CivilDate(year: year, month: 1, day: 1))
      let changes = offsetChanges(zone, from: start.daysSinceEpoch * 86_400 - 86_400, years: 1)
      changeCount += changes.count
      for change in changes {
        let (earlier, later) = wallTimes(around: change, in: zone)
        // From three hours before the earlier wall time to three hours after the later one.
        let first = (earlier - 3 * 3600) / 900 * 900
        for wall in stride(from: first, through: later + 3 * 3600, by: 900) {
          comparison.check(.instant(CivilDateTime(secondsSinceEpochAsIfUTC: wall), .local))
        }
      }
      if changes.isEmpty {
        for wall in stride(
          from: start.daysSinceEpoch * 86_400, to: (start.daysSinceEpoch + 1) * 86_400, by: 900)
        {
          comparison.check(.instant(CivilDateTime(secondsSinceEpochAsIfUTC: wall), .local))
        }
      }
      for day in 0..<366 {
        let date = start.adding(days: day)
        comparison.check(.day(date))
        comparison.check(.range(from: .day(date), to: .day(date.adding(days: 1))))
      }
      for week in 1...53 { comparison.check(.week(year: year, week: week)) }
      for month in 1...12 { comparison.check(.month(year: year, month: month)) }
    }
    #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(5))")
    #expect(comparison.count > 1000)
    // The grid reaches into the gaps and overlaps of zones that change.
    #expect((comparison.ambiguousOrSkipped > 0) == (changeCount > 0))
  }

  @Test(
    "Wall times at both ends of every change from 1900 to 2040 resolve as in the reference",
    arguments: zoneIdentifiers)
  func everyChange(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    var comparison = Comparison(zone: zone)
    let start = try #require(CivilDate(year: 1900, month: 1, day: 1))
    for change in offsetChanges(zone, from: start.daysSinceEpoch * 86_400, years: 141) {
      let (earlier, later) = wallTimes(around: change, in: zone)
      for edge in [earlier, later] {
        for step in [-3600, -1800, -1, 0, 1, 1800, 3600] as [Int64] {
          comparison.check(.instant(CivilDateTime(secondsSinceEpochAsIfUTC: edge + step), .local))
        }
      }
      let date = CivilDateTime(secondsSinceEpochAsIfUTC: earlier).date
      for day in -1...1 { comparison.check(.day(date.adding(days: day))) }
    }
    #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(5))")
  }

  @Test(
    "Years at the ends of the calendar and past the tz data resolve as in the reference",
    arguments: zoneIdentifiers)
  func farYears(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    var comparison = Comparison(zone: zone)
    let texts = [
      "0001-01-01T00:00", "0001-01-01T12:00", "0001-12-31T23:59", "0001-01-01", "0001-W01",
      "0001-01", "0001-01-01/..", "9999-12-31T23:59:59", "9999-06-01T12:00", "9999-12-31",
      "9999-W52", "9999-12", "../9999-12-31", "2087-05-11T03:30", "2100-03-28T02:30",
      "2400-10-31T01:30", "2038-01-19T03:14:08", "1900-01-01T00:00", "1899-12-31",
    ]
    for text in texts { comparison.check(try TimeSpec(parsing: text)) }
    for year in stride(from: 2041, through: 9999, by: 211) {
      for month in [1, 3, 4, 6, 9, 10, 11] { comparison.check(.month(year: year, month: month)) }
    }
    #expect(comparison.mismatches.isEmpty, "\(comparison.mismatches.prefix(5))")
  }

  @Test(
    "The table gives the zone's offset and next change around every change and at random",
    arguments: zoneIdentifiers)
  func tableMatchesZone(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    var table = ZoneResolver.TransitionTable(zone: zone)
    var instants: [Int64] = []
    let start = try #require(CivilDate(year: 1900, month: 1, day: 1))
    for change in offsetChanges(zone, from: start.daysSinceEpoch * 86_400, years: 141) {
      instants += [-1, 0, 1].map { change.secondsSinceEpoch + $0 }
    }
    var random = SplitMix64(seed: 0x7AB1_E000 &+ UInt64(instants.count))
    // From 0000-01-01 to 10001-01-01, where stretches are cached, and a little past both ends.
    for _ in 0..<200 {
      instants.append(Int64(random.int(in: -62_200_000_000...253_500_000_000)))
    }
    var mismatches: [Int64] = []
    for instant in instants {
      let expectedOffset = zone.offset(at: Instant(secondsSinceEpoch: instant))
      let expectedNext = zone.nextTransition(after: Instant(secondsSinceEpoch: instant))
      if table.offset(at: instant) != expectedOffset
        || table.nextChange(after: instant) != expectedNext?.secondsSinceEpoch
      {
        mismatches.append(instant)
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }

  @Test("Specs no text gives, and specs with no zone, resolve as in the reference")
  func constructedSpecs() throws {
    let date = try #require(CivilDate(year: 2016, month: 10, day: 27))
    let wall = try #require(CivilDateTime(date: date, hour: 23, minute: 30))
    let specs: [TimeSpec] = [
      .week(year: 0, week: 1), .week(year: 2016, week: 60), .week(year: 10_000, week: 1),
      .week(year: 2016, week: 0), .month(year: 2016, month: 13), .month(year: 0, month: 1),
      .month(year: 10_000, month: 1), .day(CivilDate(daysSinceEpoch: 2_932_897)),
      .day(CivilDate(daysSinceEpoch: -719_529)), .range(from: nil, to: nil),
      .range(from: .range(from: .day(date), to: nil), to: .range(from: nil, to: .day(date))),
      .range(from: .instant(wall, .local), to: .day(date)),
      .range(from: .day(date.adding(days: 1)), to: .day(date)),
      .range(from: .instant(wall, .utc), to: .instant(wall, .offset(3600))),
      .instant(wall, .local), .instant(wall, .offset(-50_400)), .day(date),
    ]
    var comparisons = [Comparison(zone: nil), Comparison(zone: TestLog.damascus)]
    for index in comparisons.indices {
      for spec in specs { comparisons[index].check(spec) }
      #expect(comparisons[index].mismatches.isEmpty, "\(comparisons[index].mismatches)")
    }
  }

  @Test("Ambiguous and skipped wall times name the instants the reference names")
  func namedErrors() throws {
    var resolver = ZoneResolver()
    let zone = TestLog.damascus
    #expect(
      throws: TimeSpecError.ambiguousLocalTime(
        "2016-10-27T23:30", zone: "Asia/Damascus", try TestLog.instant("2016-10-27T20:30Z"),
        try TestLog.instant("2016-10-27T21:30Z"))
    ) { try resolver.resolve(try TimeSpec(parsing: "2016-10-27T23:30"), in: zone) }
    #expect(
      throws: TimeSpecError.nonexistentLocalTime(
        "2016-03-25T00:30", zone: "Asia/Damascus",
        nextValid: try TestLog.instant("2016-03-24T22:00Z"))
    ) { try resolver.resolve(try TimeSpec(parsing: "2016-03-25T00:30"), in: zone) }
    #expect(throws: TimeSpecError.noZone("2016-W44")) {
      try resolver.resolve(try TimeSpec(parsing: "2016-W44"), in: nil)
    }
  }

  @Test("Mutated texts resolve as in the reference, through one resolver for all zones")
  func mutatedTexts() throws {
    var random = SplitMix64(seed: 0x2016_1027_2100_0003)
    let zones = try Self.zoneIdentifiers.map { try #require(Zone(identifier: $0)) }
    var resolver = ZoneResolver()
    var mismatches: [String] = []
    var resolved = 0
    while resolved < MutatedTimeText.roundsPerSeed / 2 {
      var bytes = MutatedTimeText.valid(&random)
      if random.chance(1, in: 2) { MutatedTimeText.mutate(&bytes, &random) }
      guard let spec = try? TimeSpec(parsing: String(decoding: bytes, as: UTF8.self)) else {
        continue
      }
      let zone = random.chance(1, in: 20) ? nil : random.element(of: zones)
      let expected = Result { () throws(TimeSpecError) in try spec.resolved(in: zone) }
      let fast = Result { () throws(TimeSpecError) in try resolver.resolve(spec, in: zone) }
      if fast != expected, mismatches.count < 5 {
        mismatches.append("\(spec) in \(zone?.identifier ?? "no zone")")
      }
      resolved += 1
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
  }
}

/// Resolves specs in one zone with a ``ZoneResolver`` and with the reference, noting where the
/// two differ.
private struct Comparison {
  /// The zone every spec is resolved in.
  let zone: Zone?
  /// The resolver under test, kept from spec to spec so that its cache is exercised.
  var resolver = ZoneResolver()
  /// The specs resolved differently, with both answers.
  var mismatches: [String] = []
  /// How many specs were compared.
  var count = 0
  /// How many of them the reference found ambiguous or skipped.
  var ambiguousOrSkipped = 0

  /// A comparison in a zone (or with none) with nothing checked yet.
  init(zone: Zone?) { self.zone = zone }

  /// Resolves a spec both ways and notes a difference.
  mutating func check(_ spec: TimeSpec) {
    count += 1
    let expected = Result { () throws(TimeSpecError) in try spec.resolved(in: zone) }
    let fast = Result { () throws(TimeSpecError) in try resolver.resolve(spec, in: zone) }
    switch expected {
    case .failure(.ambiguousLocalTime), .failure(.nonexistentLocalTime): ambiguousOrSkipped += 1
    default: break
    }
    if fast != expected {
      mismatches.append("\(spec) in \(zone?.identifier ?? "no zone"): \(fast) ≠ \(expected)")
    }
  }
}

/// The zone's offset changes (as the tz database reports them) from an instant, for some years.
private func offsetChanges(_ zone: Zone, from start: Int64, years: Int64) -> [Instant] {
  let end = start + years * 366 * 86_400
  var changes: [Instant] = []
  var cursor = Instant(secondsSinceEpoch: start)
  while let next = zone.nextTransition(after: cursor), next.secondsSinceEpoch < end {
    changes.append(next)
    cursor = next
  }
  return changes
}

/// The wall times (seconds since the epoch read as UTC) the clocks showed just before and just
/// after a change, earlier first.
private func wallTimes(around change: Instant, in zone: Zone) -> (Int64, Int64) {
  let before = change.secondsSinceEpoch + Int64(zone.offset(at: change.adding(seconds: -1)))
  let after = change.secondsSinceEpoch + Int64(zone.offset(at: change))
  return (min(before, after), max(before, after))
}
