/// The forms a generated time is written in.
enum TimeForm: CaseIterable, Sendable {
  /// `2016-11-04T09:00`, the area's local time (only when the wall time names one instant).
  case local
  /// `2016-11-04T07:00Z`.
  case utc
  /// `2016-11-04T09:00+02:00`, at the area's offset then.
  case offset
  /// `2016-11-04`, the local day.
  case day
  /// `2016-W44`.
  case week
  /// `2016-11`.
  case month
  /// `../2016-11-05`: on or before a day at or after the true one.
  case onOrBefore
  /// `2016-11-03/..`: on or after a day at or before it.
  case onOrAfter
  /// `2016-11-03/2016-11-04`: two days around it.
  case between
  /// `../..`: not dated.
  case undated
}

/// Writes instants as the log's time strings, always as a spec whose range contains the instant,
/// so that whatever is generated in order stays in order once read back.
///
/// A local wall time is checked with ``Zone/resolve(_:)``: one that the clocks showed twice
/// (when they went back) is written with its offset instead, as a source would have to.
struct TimeSpeller: Sendable {
  /// Offset changes of each zone over the generated years, in order.
  private var transitions: [String: [Instant]] = [:]
  /// Local times written within a day of an offset change.
  private(set) var localNearTransition = 0
  /// Local times that were ambiguous and written with an offset instead.
  private(set) var ambiguousAvoided = 0
  /// Times written as a day, week, month or range of days.
  private(set) var coarse = 0

  /// Weights of the forms of an announcement.
  ///
  /// Most are known to the day or better; a few only to a range, a week or a month, and a few
  /// are open-ended ("undated in the source; before its publication"), which a later report
  /// usually narrows.
  static let announcement: [(TimeForm, Int)] = [
    (.day, 50), (.local, 16), (.utc, 8), (.offset, 6), (.onOrBefore, 2), (.onOrAfter, 1),
    (.between, 6), (.month, 1), (.week, 2), (.undated, 1),
  ]
  /// Weights of the forms of an announcement that is also when something starts (a pause or
  /// corridors declared with no start of their own): at worst a range of days.
  static let datedAnnouncement: [(TimeForm, Int)] = [
    (.day, 50), (.local, 16), (.utc, 8), (.offset, 6), (.between, 6),
  ]
  /// Weights of the forms of a moment something happened: a start, an end, an `at`.
  static let moment: [(TimeForm, Int)] = [
    (.local, 42), (.utc, 18), (.offset, 12), (.day, 22), (.between, 2), (.onOrBefore, 1),
    (.onOrAfter, 1),
  ]
  /// Weights of the forms of a moment never written open-ended (a suspension, a resumption).
  static let boundedMoment: [(TimeForm, Int)] = [
    (.local, 42), (.utc, 18), (.offset, 12), (.day, 22), (.between, 2),
  ]
  /// Weights of the forms a later report narrows an open-ended time to.
  static let bounded: [(TimeForm, Int)] = [(.day, 50), (.local, 25), (.utc, 15), (.offset, 10)]
  /// Weights of the forms of a report's date.
  static let report: [(TimeForm, Int)] = [(.day, 70), (.utc, 18), (.local, 12)]

  /// Prepares the offset changes of `zones` between two instants.
  init(zones: [Zone], from start: Instant, to end: Instant) {
    for zone in zones where transitions[zone.identifier] == nil {
      var list: [Instant] = []
      var cursor = start
      while list.count < 200, let next = zone.nextTransition(after: cursor), next < end {
        list.append(next)
        cursor = next
      }
      transitions[zone.identifier] = list
    }
  }

  /// The first offset change in a zone after `instant` and no later than `horizon` seconds on.
  func transition(after instant: Instant, within horizon: Int64, in zone: Zone) -> Instant? {
    guard let list = transitions[zone.identifier],
      let found = list.first(where: { $0 > instant })
    else { return nil }
    return found.secondsSinceEpoch - instant.secondsSinceEpoch <= horizon ? found : nil
  }

  /// Draws a form from weights.
  static func draw(_ table: [(TimeForm, Int)], _ random: inout SplitMix64) -> TimeForm {
    table[random.weighted(table.map(\.1))].0
  }

  /// Writes `instant` in `form`, drawing from `table` first when no form is given.
  mutating func spell(
    _ instant: Instant, in zone: Zone, _ table: [(TimeForm, Int)], _ random: inout SplitMix64
  ) -> String {
    spell(instant, in: zone, form: Self.draw(table, &random), &random)
  }

  /// Writes `instant` in `form`.
  mutating func spell(
    _ instant: Instant, in zone: Zone, form: TimeForm, _ random: inout SplitMix64
  ) -> String {
    let offset = zone.offset(at: instant)
    let wall = instant.civil(atOffset: offset)
    let date = wall.date
    switch form {
    case .local:
      guard case .unique(let resolved) = zone.resolve(wall), resolved == instant else {
        ambiguousAvoided += 1
        return wall.iso8601 + formatOffset(offset)
      }
      if isNearTransition(instant, in: zone) { localNearTransition += 1 }
      return wall.iso8601
    case .utc: return instant.iso8601
    case .offset: return wall.iso8601 + formatOffset(offset)
    default: break
    }
    coarse += 1
    switch form {
    case .week: return Self.isoWeek(of: date) ?? date.description
    case .month: return "\(pad(date.year, 4))-\(pad(date.month, 2))"
    case .onOrBefore: return "../\(date.adding(days: random.int(in: 0...2)))"
    case .onOrAfter: return "\(date.adding(days: -random.int(in: 0...2)))/.."
    case .between:
      let first = date.adding(days: -random.int(in: 0...1))
      return "\(first)/\(first.adding(days: 1 + random.int(in: 0...1)))"
    case .undated: return "../.."
    default: return date.description
    }
  }

  private func isNearTransition(_ instant: Instant, in zone: Zone) -> Bool {
    guard let list = transitions[zone.identifier], !list.isEmpty else { return false }
    var low = 0
    var high = list.count
    while low < high {
      let middle = (low + high) / 2
      if list[middle] < instant { low = middle + 1 } else { high = middle }
    }
    return [low - 1, low].contains { index in
      list.indices.contains(index)
        && abs(list[index].secondsSinceEpoch - instant.secondsSinceEpoch) <= 86_400
    }
  }

  /// The ISO 8601 week holding a date, as `2016-W44`.
  static func isoWeek(of date: CivilDate) -> String? {
    let weekday = Weekday.allCases.firstIndex(of: date.weekday) ?? 0
    let thursday = date.adding(days: 3 - weekday)
    guard let january1 = CivilDate(year: thursday.year, month: 1, day: 1) else { return nil }
    let week = Int(thursday.daysSinceEpoch - january1.daysSinceEpoch) / 7 + 1
    return "\(pad(thursday.year, 4))-W\(pad(week, 2))"
  }
}
