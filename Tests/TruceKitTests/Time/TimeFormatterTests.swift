import Testing

@testable import TruceKit

@Suite("Instants written for people")
struct TimeFormatterTests {
  @Test(
    "Written in place, an instant reads as interpolation writes it, in every zone and offset",
    arguments: ["Asia/Damascus", "UTC", "America/Port-au-Prince", "Asia/Kathmandu", "Europe/Paris"])
  func inPlaceAgreesWithInterpolation(zoneName: String) throws {
    let zone = try #require(Zone(identifier: zoneName))
    var generator = SplitMix64(seed: 3)
    var differences: [String] = []
    // Instants from before 1900 (offsets in seconds, as local mean time) to 2100, some on the
    // minute, some with seconds, some near midnight where the UTC date differs.
    for _ in 0..<5_000 {
      let seconds = Int64(generator.next() % 6_400_000_000) - 2_300_000_000
      let rounded = generator.next() % 2 == 0 ? seconds - seconds % 60 : seconds
      let instant = Instant(secondsSinceEpoch: rounded)
      for formatter in [TimeFormatter(zone: zone), TimeFormatter(zone: zone, utcOnly: true)] {
        let utc = instant.civil(atOffset: 0)
        let offset = zone.offset(at: instant)
        let plain =
          formatter.utcOnly
          ? TimeFormatter.plainUTC(utc)
          : TimeFormatter.plain(
            local: instant.civil(atOffset: offset), utc: utc, offset: offset)
        if formatter.instant(instant) != plain { differences.append(plain) }
      }
    }
    #expect(differences.isEmpty)
  }

  @Test("Offsets east and west, with and without minutes, and a UTC date unlike the local one")
  func shapes() throws {
    let november4 = try #require(CivilDate(year: 2016, month: 11, day: 4))
    let november3 = try #require(CivilDate(year: 2016, month: 11, day: 3))
    let wall = try #require(CivilDateTime(date: november4, hour: 0, minute: 30))
    let utc = try #require(CivilDateTime(date: november3, hour: 22, minute: 30))
    #expect(
      TimeText.shown(local: wall, utc: utc, offset: 7_200)
        == "2016-11-04 00:30 +02:00 (2016-11-03 22:30Z)")
    #expect(
      TimeText.shown(local: utc, utc: utc, offset: 0) == "2016-11-03 22:30 +00:00 (22:30Z)")
    #expect(
      TimeText.shown(local: utc, utc: wall, offset: -7_200)
        == "2016-11-03 22:30 -02:00 (2016-11-04 00:30Z)")
    #expect(TimeText.shownUTC(utc) == "2016-11-03 22:30Z")
  }
}
