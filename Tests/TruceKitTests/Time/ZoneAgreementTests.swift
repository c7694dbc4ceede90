import Foundation
import Testing

@testable import TruceKit

/// Truce reads zones from the system's tz database itself; Foundation's `TimeZone` (ICU, with
/// its own copy of the database) is the independent check.
@Suite("Zones read from the tz database agree with Foundation's")
struct ZoneAgreementTests {
  /// The bundled history's zone, the generated histories' zones, and zones with unusual rules:
  /// 30- and 45-minute offsets, half-hour daylight-saving time, a skipped day, Ramadan changes,
  /// southern summers and a daylight-saving time made permanent.
  static let zoneIdentifiers = [
    "Asia/Damascus", "Africa/Khartoum", "Africa/Kinshasa", "Africa/Lubumbashi", "America/Bogota",
    "America/Caracas", "America/Port-au-Prince", "Asia/Aden", "Asia/Beirut", "Asia/Kabul",
    "Asia/Kathmandu", "Asia/Yangon", "Europe/Istanbul", "Europe/Kyiv", "Europe/Simferopol",
    "America/Sao_Paulo", "Africa/Casablanca", "Australia/Lord_Howe", "Pacific/Apia",
    "America/Havana", "Europe/Moscow", "America/New_York", "Pacific/Chatham", "UTC",
    "Etc/GMT-3", "Etc/GMT+5",
  ]

  @Test(
    "Offsets agree every six hours from 1970 to 2045, and a second either side of every change",
    arguments: zoneIdentifiers)
  func offsets(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    let reference = try #require(TimeZone(identifier: identifier))
    func referenceOffset(_ seconds: Int64) -> Int {
      reference.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
    var mismatches: [String] = []
    let end = PosixZoneRuleTests.utc(2045, 1, 1)
    var instants = Array(stride(from: Int64(0), to: end, by: 6 * 3600))
    var cursor = Instant(secondsSinceEpoch: 0)
    while let change = zone.nextTransition(after: cursor), change.secondsSinceEpoch < end {
      instants += [change.secondsSinceEpoch - 1, change.secondsSinceEpoch]
      cursor = change
    }
    var referenceCursor = Date(timeIntervalSince1970: 0)
    while let change = reference.nextDaylightSavingTimeTransition(after: referenceCursor),
      change.timeIntervalSince1970 < TimeInterval(end)
    {
      let seconds = Int64(change.timeIntervalSince1970.rounded())
      instants += [seconds - 1, seconds]
      referenceCursor = change
    }
    for seconds in instants {
      let ours = zone.offset(at: Instant(secondsSinceEpoch: seconds))
      let theirs = referenceOffset(seconds)
      if ours != theirs { mismatches.append("\(seconds): \(ours) vs \(theirs)") }
    }
    #expect(mismatches.isEmpty, "\(identifier): \(mismatches.count) \(mismatches.prefix(4))")
  }

  @Test(
    "Every change of offset is found, and nothing else is called one", arguments: zoneIdentifiers)
  func changes(identifier: String) throws {
    let zone = try #require(Zone(identifier: identifier))
    var cursor = Instant(secondsSinceEpoch: PosixZoneRuleTests.utc(1990, 1, 1))
    let end = Instant(secondsSinceEpoch: PosixZoneRuleTests.utc(2045, 1, 1))
    var found: [Instant] = []
    while let change = zone.nextTransition(after: cursor), change < end {
      #expect(change > cursor)
      #expect(zone.offset(at: change) != zone.offset(at: change.adding(seconds: -1)))
      found.append(change)
      cursor = change
    }
    // Scanning by the hour finds the same changes (none in this range is closer than a day).
    var scanned: [Instant] = []
    var hour = Instant(secondsSinceEpoch: PosixZoneRuleTests.utc(1990, 1, 1))
    var previous = zone.offset(at: hour)
    while hour < end {
      let next = hour.adding(seconds: 3600)
      let offset = zone.offset(at: next)
      if offset != previous {
        var low = hour.secondsSinceEpoch
        var high = next.secondsSinceEpoch
        while high - low > 1 {
          let middle = (low + high) / 2
          if zone.offset(at: Instant(secondsSinceEpoch: middle)) == previous {
            low = middle
          } else {
            high = middle
          }
        }
        scanned.append(Instant(secondsSinceEpoch: high))
      }
      previous = offset
      hour = next
    }
    #expect(found == scanned, "\(identifier)")
  }

  @Test(
    "Names are the database's: well-formed, with a file, and not its copies or placeholders",
    arguments: [
      ("Asia/Damascus", true), ("UTC", true), ("Etc/GMT-3", true), ("America/Port-au-Prince", true),
      ("EET", true), ("Asia/Aleppo", false), ("GMT+0500", false), ("asia/damascus", false),
      ("Asia/Damascus/", false), ("Asia//Damascus", false), ("/Asia/Damascus", false),
      ("Etc/../Asia/Damascus", false), ("../zoneinfo/Asia/Damascus", false), ("", false),
      ("posix/Asia/Damascus", false), ("right/Asia/Damascus", false), ("posixrules", false),
      ("localtime", false), ("Factory", false), ("zone.tab", false), ("tzdata.zi", false),
      ("Asia", false), ("Asia/Damascus\u{0}", false), (String(repeating: "A", count: 300), false),
    ])
  func names(name: String, isZone: Bool) {
    #expect((Zone(identifier: name) != nil) == isZone)
  }

  @Test("A zone's file is read once and shared by every zone of that name")
  func sharedRules() throws {
    let first = try #require(ZoneDatabase.rules(for: "Asia/Damascus"))
    let second = try #require(ZoneDatabase.rules(for: "Asia/Damascus"))
    #expect(first === second)
  }
}
