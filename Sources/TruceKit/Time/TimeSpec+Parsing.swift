extension TimeSpec {
  /// Reads a time in one of the text forms listed on ``TimeSpec``.
  ///
  /// Dates are checked against the calendar (2016-02-30 is rejected, not rolled over).
  ///
  /// - Parameter text: The text, such as `2016-11-04T19:00Z` or `../2016-11-04`.
  /// - Throws: ``TimeSpecError/malformed(_:)`` or ``TimeSpecError/nonexistentDate(_:)``, and
  ///   ``TimeSpecError/endBeforeStart(_:)`` for a range whose fixed bounds are out of order.
  public init(parsing text: String) throws(TimeSpecError) {
    let bytes = Array(text.utf8)
    if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
      let fromText = String(decoding: bytes[..<slash], as: UTF8.self)
      let toText = String(decoding: bytes[(slash + 1)...], as: UTF8.self)
      let from = fromText == ".." ? nil : try TimeSpec.parseSingle(fromText, whole: text)
      let to = toText == ".." ? nil : try TimeSpec.parseSingle(toText, whole: text)
      if let from, let to, from.isExact, to.isExact, from.anchorlessOrder(to) == .descending {
        throw .endBeforeStart(text)
      }
      self = .range(from: from, to: to)
    } else {
      self = try TimeSpec.parseSingle(text, whole: text)
    }
  }

  private static func parseSingle(_ text: String, whole: String) throws(TimeSpecError) -> TimeSpec {
    var scanner = DigitScanner(text)
    guard let year = scanner.digits(4), scanner.take("-") else { throw .malformed(whole) }
    guard year >= 1 else { throw .nonexistentDate(text) }
    if scanner.take("W") {
      guard let week = scanner.digits(2), scanner.atEnd else { throw .malformed(whole) }
      guard (1...isoWeeks(inYear: year)).contains(week) else { throw .nonexistentDate(text) }
      return .week(year: year, week: week)
    }
    guard let month = scanner.digits(2) else { throw .malformed(whole) }
    if scanner.atEnd {
      guard (1...12).contains(month) else { throw .nonexistentDate(text) }
      return .month(year: year, month: month)
    }
    guard scanner.take("-"), let day = scanner.digits(2) else { throw .malformed(whole) }
    guard let date = CivilDate(year: year, month: month, day: day) else {
      throw .nonexistentDate(text)
    }
    if scanner.atEnd { return .day(date) }
    guard scanner.take("T"), let hour = scanner.digits(2), scanner.take(":"),
      let minute = scanner.digits(2)
    else { throw .malformed(whole) }
    var second = 0
    if scanner.take(":") {
      guard let seconds = scanner.digits(2) else { throw .malformed(whole) }
      second = seconds
    }
    guard let wall = CivilDateTime(date: date, hour: hour, minute: minute, second: second) else {
      throw .invalidTimeOfDay(text)
    }
    if scanner.atEnd { return .instant(wall, .local) }
    if scanner.take("Z") {
      // `Z` ends the text: `…Z+02:00` names two anchors.
      guard scanner.atEnd else { throw .malformed(whole) }
      return .instant(wall, .utc)
    }
    let sign: Int
    if scanner.take("+") {
      sign = 1
    } else if scanner.take("-") {
      sign = -1
    } else {
      throw .malformed(whole)
    }
    guard let offsetHours = scanner.digits(2), scanner.take(":"),
      let offsetMinutes = scanner.digits(2), scanner.atEnd,
      offsetHours * 60 + offsetMinutes <= 14 * 60, offsetMinutes < 60
    else { throw .malformed(whole) }
    return .instant(wall, .offset(sign * (offsetHours * 3600 + offsetMinutes * 60)))
  }

  /// Orders two exact instants whose anchors are fixed; `.same` when either is local.
  fileprivate func anchorlessOrder(_ other: TimeSpec) -> Order {
    guard case .instant(let a, let anchorA) = self, case .instant(let b, let anchorB) = other,
      let offsetA = anchorA.fixedOffset, let offsetB = anchorB.fixedOffset
    else { return .same }
    let left = a.secondsSinceEpochAsIfUTC - Int64(offsetA)
    let right = b.secondsSinceEpochAsIfUTC - Int64(offsetB)
    return left > right ? .descending : .same
  }

  fileprivate enum Order { case same, descending }

  /// The number of ISO weeks (52 or 53) in an ISO week-based year.
  static func isoWeeks(inYear year: Int) -> Int {
    guard let january1 = CivilDate(year: year, month: 1, day: 1) else { return 52 }
    let weekday = january1.weekday
    if weekday == .thursday || (weekday == .wednesday && CivilDate.isLeap(year)) { return 53 }
    return 52
  }
}

extension TimeSpec.Anchor {
  /// The offset in seconds for `utc` and `offset`; `nil` for local time.
  var fixedOffset: Int? {
    switch self {
    case .utc: return 0
    case .offset(let seconds): return seconds
    case .local: return nil
    }
  }
}

/// Reads fixed-width ASCII digits and literal characters from the front of a string.
struct DigitScanner {
  private let bytes: [UInt8]
  private var position = 0

  init(_ text: String) { bytes = Array(text.utf8) }

  var atEnd: Bool { position == bytes.count }

  mutating func digits(_ count: Int) -> Int? {
    guard position + count <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[position..<(position + count)] {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    position += count
    return value
  }

  mutating func take(_ character: Unicode.Scalar) -> Bool {
    guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
    position += 1
    return true
  }
}
