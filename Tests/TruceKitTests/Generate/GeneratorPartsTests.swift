import Testing

@testable import TruceKit

/// The parts of the generator: its areas and how it writes times.
@Suite("Generator parts: areas and times")
struct GeneratorPartsTests {
  @Test("Any number of areas: countries first, parents before children, a header the log reads")
  func areaCounts() throws {
    for count in [1, 2, 5, 12, 40, 200] {
      let areas = try GeneratedAreas(count: count)
      #expect(areas.areas.count == count)
      let header = JSONValue.object(areas.header(title: "t")).serialized()
      let log = try EventLog.parse(Array((header + "\n").utf8), file: "header.jsonl")
      #expect(log.areas.areas.map(\.id) == areas.areas.map(\.id))
      for (index, area) in areas.areas.enumerated() {
        #expect(area.within.first == index)
        if let parent = area.parent { #expect(parent < index) }
      }
    }
  }

  @Test("The catalogue's zones all exist, with and without daylight saving time and odd offsets")
  func catalogueZones() throws {
    let all = try GeneratedAreas(count: HistoryGenerator.areaLimit)
    #expect(all.theatres.count == CountryProfile.catalogue.count)
    let zones = Set(all.zones)
    for zone in ["Asia/Damascus", "Europe/Kyiv", "Asia/Kabul", "Asia/Yangon", "America/Bogota"] {
      #expect(zones.contains(zone))
    }
    let instant = Instant(secondsSinceEpoch: 1_450_000_000)
    let offsets = Set(all.areas.map { $0.zone.offset(at: instant) })
    #expect(offsets.contains(4 * 3600 + 1800))
    #expect(offsets.contains { $0 < 0 })
  }

  @Test("Every form written around every clock change names a range holding the instant")
  func spelledTimesHoldTheirInstant() throws {
    let zones = try GeneratedAreas(count: 60).areas.map(\.zone)
    let start = HistoryWorld.historyStart
    let end = start.adding(seconds: HistoryWorld.historyLength)
    var speller = TimeSpeller(zones: zones, from: start, to: end)
    var random = TruceKit.SplitMix64(seed: 7)
    var checked = 0
    for zone in Set(zones.map(\.identifier)).sorted().compactMap(Zone.init(identifier:)) {
      var cursor = start
      while let change = speller.transition(after: cursor, within: 400 * 86_400, in: zone) {
        for step in -8...8 {
          let instant = change.adding(seconds: Int64(step) * 900)
          for form in TimeForm.allCases {
            let text = speller.spell(instant, in: zone, form: form, &random)
            let range = try TimeSpec(parsing: text).resolved(in: zone)
            #expect(range.isPossibly(atOrBefore: instant), "\(text) in \(zone)")
            #expect(!range.isCertainly(atOrBefore: instant.adding(seconds: -1)), "\(text)")
            checked += 1
          }
        }
        cursor = change
      }
    }
    #expect(checked > 1_000)
    #expect(speller.ambiguousAvoided > 0)
    #expect(speller.localNearTransition > 0)
  }

  @Test("ISO weeks at the turn of the year")
  func isoWeeks() {
    let cases: [(Int, Int, Int, String)] = [
      (2015, 12, 31, "2015-W53"), (2016, 1, 3, "2015-W53"), (2016, 1, 4, "2016-W01"),
      (2018, 12, 31, "2019-W01"), (2016, 11, 4, "2016-W44"),
    ]
    for (year, month, day, week) in cases {
      let date = CivilDate(year: year, month: month, day: day)
      #expect(date.flatMap(TimeSpeller.isoWeek(of:)) == week)
    }
  }

  @Test("The generator's draws are SplitMix64's, fixed for a seed")
  func fixedDraws() {
    var reference = TruceKit.SplitMix64(seed: 0)
    // The published first output of SplitMix64 seeded with 0.
    #expect(reference.next() == 0xE220_A839_7B1D_CDAF)
    var random = TruceKit.SplitMix64(seed: 1)
    let draws = (0..<5).map { _ in random.below(1_000) }
    #expect(draws == [566, 745, 971, 444, 444])
  }
}
