import Dispatch
import Synchronization
import Testing

@testable import TruceKit

@Suite("Written times kept in 8 bytes give back the spec they were made from")
struct WrittenTimeTests {
  /// Specs of every form: those the log's text gives (packed) and others (numbered in a table).
  static let specs: [TimeSpec] = {
    let texts = [
      "2016-11-04T19:00Z", "2016-11-04T09:00+02:00", "2016-11-04T09:00", "2016-11-04T23:59:59",
      "2016-11-04T00:00:01-03:30", "2016-11-04", "2016-W44", "2016-W53", "2016-11",
      "2016-10-20/2016-10-21", "../2016-11-04", "2016-11-16/..", "../..", "0001-01-01",
      "9999-12-31", "0001-01-01T00:00Z", "9999-12-31T23:59:59Z", "2016-11-04T09:00Z/2016-11-05",
      "2016-11-04/2016-11-04T12:00", "2016-W44/2016-11", "../2016-11-04T10:00+14:00",
      "2016-02-29T12:00-12:00",
    ]
    var specs = texts.compactMap { try? TimeSpec(parsing: $0) }
    let day = CivilDate(daysSinceEpoch: 17_109)
    let wall = CivilDateTime(secondsSinceEpochAsIfUTC: 17_109 * 86_400 + 3_723)
    specs += [
      .instant(wall, .offset(86_399)), .instant(wall, .offset(-86_399)),
      .instant(wall, .offset(86_400)), .instant(wall, .offset(-1_000_000)),
      .instant(wall, .offset(0)), .instant(wall, .utc), .instant(wall, .local),
      .day(CivilDate(daysSinceEpoch: -800_000)), .day(CivilDate(daysSinceEpoch: 3_000_000)),
      .week(year: 2016, week: 0), .week(year: 2016, week: 54), .week(year: 10_000, week: 1),
      .week(year: -4, week: 3), .month(year: 2016, month: 13), .month(year: 0, month: 1),
      .range(from: .day(day), to: nil), .range(from: nil, to: .day(day)),
      .range(from: nil, to: nil), .range(from: .day(day), to: .day(day)),
      .range(from: .range(from: nil, to: .day(day)), to: nil),
      .range(from: .day(CivilDate(daysSinceEpoch: 3_000_000)), to: nil),
    ]
    return specs
  }()

  @Test("Every spec reads back as itself")
  func roundTrip() {
    #expect(Self.specs.count > 40)
    for spec in Self.specs {
      #expect(WrittenTime(spec).spec == spec, "\(spec)")
    }
  }

  @Test("Two written times are equal, and hash alike, exactly when their specs are")
  func equality() {
    for first in Self.specs {
      for second in Self.specs {
        #expect((WrittenTime(first) == WrittenTime(second)) == (first == second))
        if first == second {
          #expect(WrittenTime(first).hashValue == WrittenTime(second).hashValue)
        }
      }
    }
  }

  @Test("A stamp takes 24 bytes, an event with three of them 240, a report 72")
  func sizes() {
    #expect(MemoryLayout<WrittenTime>.size == 8)
    #expect(MemoryLayout<Stamp>.size == 24)
    #expect(MemoryLayout<Event>.size == 240)
    #expect(MemoryLayout<BoundaryReport>.size == 72)
  }

  @Test("Specs without a packed form, written on many threads at once, are numbered once each")
  func unpackedSpecsOnManyThreads() {
    // Ranges with a week or a month at an end have no packed form; the year is one no other
    // test writes, so each is new to the process's table when the rounds begin.
    let fresh: [TimeSpec] = (1...24).map { week in
      .range(from: .week(year: 4321, week: week), to: .month(year: 4321, month: 1 + week % 12))
    }
    let rounds = 32
    let kept = Mutex([[WrittenTime]](repeating: [], count: rounds))
    // Every round writes them all, in an order of its own, and keeps them in the list's order.
    DispatchQueue.concurrentPerform(iterations: rounds) { round in
      var written = [WrittenTime?](repeating: nil, count: fresh.count)
      for step in fresh.indices {
        let index = (step * 7 + round) % fresh.count
        written[index] = WrittenTime(fresh[index])
      }
      kept.withLock { $0[round] = written.compactMap { $0 } }
    }
    let results = kept.withLock { $0 }
    for round in 0..<rounds {
      #expect(results[round] == results[0], "round \(round)")
      #expect(results[round].map(\.spec) == fresh, "round \(round)")
    }
    #expect(Set(results[0]).count == fresh.count)
  }

  @Test("Setting a stamp's spec keeps its range and replaces its spec")
  func settingSpec() throws {
    var stamp = try Stamp(TimeSpec(parsing: "2016-11-04"), in: Zone(identifier: "Asia/Damascus"))
    let range = stamp.range
    stamp.spec = try TimeSpec(parsing: "../2016-11-04")
    #expect(stamp.spec == (try TimeSpec(parsing: "../2016-11-04")))
    #expect(stamp.range == range)
  }
}
