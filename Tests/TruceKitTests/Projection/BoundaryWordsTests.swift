import Testing

@testable import TruceKit

/// The fold puts times into words (derived boundaries, disputed versions) through ``TimeText``,
/// which writes digits in place; these tests hold it to the plain forms it replaced.
@Suite("Putting boundary times into words")
struct BoundaryWordsTests {
  private static func date(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
    guard var date = CivilDate(year: 2016, month: month, day: day) else {
      preconditionFailure("a valid test date")
    }
    // Out-of-range years are set after the check, as a decoded or computed date may hold them.
    date.year = year
    return date
  }

  private static func wall(
    _ date: CivilDate, _ hour: Int, _ minute: Int, _ second: Int = 0
  ) -> CivilDateTime {
    guard let wall = CivilDateTime(date: date, hour: hour, minute: minute, second: second) else {
      preconditionFailure("a valid test time")
    }
    return wall
  }

  /// The plain form: each number padded on its own, then joined.
  private static func plain(_ spec: TimeSpec) -> String {
    func plainWall(_ wall: CivilDateTime) -> String {
      let date = "\(pad(wall.date.year, 4))-\(pad(wall.date.month, 2))-\(pad(wall.date.day, 2))"
      let time =
        wall.second == 0
        ? "\(pad(wall.hour, 2)):\(pad(wall.minute, 2))"
        : "\(pad(wall.hour, 2)):\(pad(wall.minute, 2)):\(pad(wall.second, 2))"
      return "\(date)T\(time)"
    }
    switch spec {
    case .instant(let wall, .utc): return plainWall(wall) + "Z"
    case .instant(let wall, .offset(let seconds)): return plainWall(wall) + formatOffset(seconds)
    case .instant(let wall, .local): return plainWall(wall)
    case .day(let date):
      return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    case .week(let year, let week): return "\(pad(year, 4))-W\(pad(week, 2))"
    case .month(let year, let month): return "\(pad(year, 4))-\(pad(month, 2))"
    case .range(let from, let to):
      return "\(from.map(plain) ?? "..")/\(to.map(plain) ?? "..")"
    }
  }

  static let specs: [TimeSpec] = {
    let day = date(2016, 11, 4)
    let instants: [TimeSpec] = [
      .instant(wall(day, 19, 0), .utc),
      .instant(wall(day, 9, 5, 7), .utc),
      .instant(wall(day, 0, 0), .offset(7200)),
      .instant(wall(day, 23, 59, 59), .offset(-12_600)),
      .instant(wall(day, 12, 0), .offset(20_700)),
      .instant(wall(day, 12, 0), .offset(0)),
      .instant(wall(day, 7, 30), .local),
      .instant(wall(date(1, 1, 1), 0, 0), .utc),
      .instant(wall(date(9999, 12, 31), 23, 59, 59), .offset(50_400)),
    ]
    let others: [TimeSpec] = [
      .day(day), .day(date(987, 2, 28)), .week(year: 2016, week: 44), .week(year: 2020, week: 1),
      .month(year: 2016, month: 11), .month(year: 42, month: 1),
    ]
    // Years outside four digits fall back to the plain form.
    let unusual: [TimeSpec] = [
      .day(date(12_345, 6, 7)), .day(date(-5, 6, 7)), .instant(wall(date(-44, 3, 15), 12, 0), .utc),
      .week(year: 10_000, week: 3), .month(year: -1, month: 12),
      .instant(wall(day, 1, 0), .offset(400_000)),
    ]
    let ranges: [TimeSpec] = [
      .range(from: .day(day), to: .day(date(2016, 11, 5))),
      .range(from: nil, to: .day(day)), .range(from: .month(year: 2016, month: 11), to: nil),
      .range(from: nil, to: nil),
      .range(from: instants[3], to: instants[8]),
      .range(from: .range(from: nil, to: instants[1]), to: unusual[0]),
    ]
    return instants + others + unusual + ranges
  }()

  @Test("A spec's words are its plain form", arguments: specs)
  func specWords(_ spec: TimeSpec) {
    #expect(spec.description == Self.plain(spec))
  }

  @Test("Dates, wall times and instants read as their plain forms")
  func dateAndInstantWords() {
    for seconds: Int64 in [0, -1, 1_478_286_000, 1_478_286_007, -62_135_596_800, 253_402_300_799] {
      let instant = Instant(secondsSinceEpoch: seconds)
      let wall = instant.civil(atOffset: 0)
      #expect(instant.iso8601 == Self.plain(.instant(wall, .utc)))
      #expect(wall.iso8601 == Self.plain(.instant(wall, .local)))
      #expect(wall.date.description == Self.plain(.day(wall.date)))
    }
    let far = Instant(secondsSinceEpoch: 400_000_000_000)
    #expect(far.iso8601 == Self.plain(.instant(far.civil(atOffset: 0), .utc)))
  }
}
