import Synchronization

/// A ``TimeSpec`` kept in 8 bytes: the common forms (an instant with its anchor, a day, a week, a
/// month, a range of days open or not) packed into 64 bits, any other by its number in a table
/// of such specs that the process keeps (``UnpackedSpecs``).
///
/// Every event holds three ``Stamp``s and a million events are held at once: a `TimeSpec` takes
/// 25 bytes (32 with its padding), this takes 8 (16 when it kept a box for the other forms,
/// which a generated history never writes). The packing is exact and one-to-one, and the table
/// numbers each spec once, so two written times are equal exactly when their specs are.
struct WrittenTime: Hashable, Sendable {
  /// The packed form (its low three bits say which, never 0), or the spec's number in
  /// ``UnpackedSpecs`` shifted left by three (low bits 0; numbers start at 1, so the bits are
  /// never 0, which ``OptionalWrittenTime`` keeps for none).
  fileprivate let bits: UInt64

  private enum Form: UInt64 {
    case instant = 1
    case day, week, month, dayRange
  }

  /// Keeps a spec.
  init(_ spec: TimeSpec) {
    bits = WrittenTime.packed(spec) ?? UInt64(UnpackedSpecs.number(of: spec)) << 3
  }

  fileprivate init(bits: UInt64) {
    self.bits = bits
  }

  /// The spec kept.
  var spec: TimeSpec {
    switch Form(rawValue: bits & 7) {
    case .instant:
      let seconds = Int64(field(25, 17))
      let wall = CivilDateTime(secondsSinceEpochAsIfUTC: day(at: 3) * 86_400 + seconds)
      let anchor: TimeSpec.Anchor
      switch field(42, 2) {
      case 0: anchor = .utc
      case 1: anchor = .local
      default: anchor = .offset(Int(field(44, 18)) - WrittenTime.offsetBias)
      }
      return .instant(wall, anchor)
    case .day:
      return .day(CivilDate(daysSinceEpoch: day(at: 3)))
    case .week:
      return .week(year: Int(field(3, 14)), week: Int(field(17, 6)))
    case .month:
      return .month(year: Int(field(3, 14)), month: Int(field(17, 4)))
    case .dayRange:
      let from = field(3, 1) == 1 ? TimeSpec.day(CivilDate(daysSinceEpoch: day(at: 4))) : nil
      let to = field(26, 1) == 1 ? TimeSpec.day(CivilDate(daysSinceEpoch: day(at: 27))) : nil
      return .range(from: from, to: to)
    case nil:
      return UnpackedSpecs.spec(Int(bits >> 3))
    }
  }

  /// Days are kept from 0001-01-01 (day 0) to 9999-12-31, in 22 bits.
  private static let dayBias: Int64 = 719_162
  private static let dayLimit: Int64 = 1 << 22
  /// Offsets are kept from -86,399 to 86,399 seconds, in 18 bits.
  private static let offsetBias = 1 << 17

  private func field(_ shift: UInt64, _ width: UInt64) -> UInt64 {
    (bits >> shift) & ((1 << width) - 1)
  }

  private func day(at shift: UInt64) -> Int64 { Int64(field(shift, 22)) - WrittenTime.dayBias }

  /// A date's 22-bit field, or `nil` outside the years 1 to 9999.
  private static func dayField(_ date: CivilDate) -> UInt64? {
    let value = date.daysSinceEpoch + dayBias
    guard (0..<dayLimit).contains(value) else { return nil }
    return UInt64(value)
  }

  /// The packed form of a spec, or `nil` when it has none.
  private static func packed(_ spec: TimeSpec) -> UInt64? {
    switch spec {
    case .instant(let wall, let anchor):
      guard let day = dayField(wall.date) else { return nil }
      let seconds = UInt64(wall.hour * 3600 + wall.minute * 60 + wall.second)
      var bits = Form.instant.rawValue | day << 3 | seconds << 25
      switch anchor {
      case .utc: break
      case .local: bits |= 1 << 42
      case .offset(let offset):
        guard (-86_399...86_399).contains(offset) else { return nil }
        bits |= 2 << 42 | UInt64(offset + offsetBias) << 44
      }
      return bits
    case .day(let date):
      return dayField(date).map { Form.day.rawValue | $0 << 3 }
    case .week(let year, let week):
      guard (1...9999).contains(year), (1...53).contains(week) else { return nil }
      return Form.week.rawValue | UInt64(year) << 3 | UInt64(week) << 17
    case .month(let year, let month):
      guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
      return Form.month.rawValue | UInt64(year) << 3 | UInt64(month) << 17
    case .range(let from, let to):
      var bits = Form.dayRange.rawValue
      switch from {
      case nil: break
      case .day(let date)?:
        guard let day = dayField(date) else { return nil }
        bits |= 1 << 3 | day << 4
      default: return nil
      }
      switch to {
      case nil: break
      case .day(let date)?:
        guard let day = dayField(date) else { return nil }
        bits |= 1 << 26 | day << 27
      default: return nil
      }
      return bits
    }
  }
}

/// The written times without a packed form that the process has met, each numbered once, for
/// the life of the process: ranges with an instant, a week or a month at an end, and dates
/// outside the years the packing covers. They are rare (no generated history writes one), so
/// one lock guards the table.
enum UnpackedSpecs {
  private struct Table {
    var specs: [TimeSpec] = []
    var numbers: [TimeSpec: Int] = [:]
  }

  private static let table = Mutex(Table())

  /// The number of `spec` (from 1), entered if new.
  static func number(of spec: TimeSpec) -> Int {
    table.withLock { table in
      if let number = table.numbers[spec] { return number }
      table.specs.append(spec)
      table.numbers[spec] = table.specs.count
      return table.specs.count
    }
  }

  /// The spec numbered `number`.
  static func spec(_ number: Int) -> TimeSpec {
    table.withLock { $0.specs[number - 1] }
  }
}

/// A written time or none, in 8 bytes where a `WrittenTime?` takes 16 (none is the bits 0, which
/// no written time has): a million events' tracks hold about as many boundary reports.
struct OptionalWrittenTime: Hashable, Sendable {
  private let bits: UInt64

  init(_ written: WrittenTime?) {
    bits = written?.bits ?? 0
  }

  /// The written time, if there is one.
  var value: WrittenTime? {
    bits == 0 ? nil : WrittenTime(bits: bits)
  }
}
