/// A POSIX TZ string, as a TZif file's footer gives it (RFC 8536 §3.3): a standard offset and,
/// for zones that change their clocks every year, a daylight-saving offset with the rules for
/// when it starts and ends.
///
/// `EET-2EEST,M3.5.0/3,M10.5.0/4` is two hours east of UTC, three in daylight-saving time, from
/// the last Sunday of March at 03:00 to the last Sunday of October at 04:00 (local). `<+03>-3` is
/// three hours east all year.
struct PosixZoneRule: Hashable, Sendable {
  /// The standard offset east of UTC, in seconds.
  var standardOffset: Int
  /// The daylight-saving offset east of UTC and when it starts and ends; `nil` without one.
  var daylight: Daylight?

  /// A daylight-saving period that recurs every year.
  struct Daylight: Hashable, Sendable {
    /// The offset east of UTC, in seconds, while it lasts.
    var offset: Int
    /// When it starts, in local standard time.
    var start: YearlyRule
    /// When it ends, in local daylight-saving time.
    var end: YearlyRule
  }

  /// A day of the year and a time of that day.
  struct YearlyRule: Hashable, Sendable {
    /// The day.
    var day: Day
    /// Seconds after the day's local midnight (may be negative or past a day, RFC 8536).
    var time: Int

    /// How the day is named.
    enum Day: Hashable, Sendable {
      /// `Jn`: day 1 to 365, never counting 29 February.
      case julianNoLeap(Int)
      /// `n`: day 0 to 365, counting 29 February.
      case zeroBased(Int)
      /// `Mm.w.d`: weekday `d` (0 is Sunday) of week `w` (5 is the last) of month `m`.
      case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// The rule's day in `year`, as days since 1970-01-01.
    func daysSinceEpoch(in year: Int) -> Int64 {
      switch day {
      case .julianNoLeap(let number):
        let base = CivilDate.daysSinceEpoch(year: year, month: 1, day: 1)
        return base + Int64(number - 1) + (CivilDate.isLeap(year) && number >= 60 ? 1 : 0)
      case .zeroBased(let number):
        return CivilDate.daysSinceEpoch(year: year, month: 1, day: 1) + Int64(number)
      case .monthWeekDay(let month, let week, let weekday):
        let first = CivilDate.daysSinceEpoch(year: year, month: month, day: 1)
        // 1970-01-01 was a Thursday (weekday 4).
        let firstWeekday = Int(((first + 4) % 7 + 7) % 7)
        var day = Int64((weekday - firstWeekday + 7) % 7) + Int64(week - 1) * 7
        let length = Int64(CivilDate.daysIn(month: month, year: year))
        while day >= length { day -= 7 }
        return first + day
      }
    }
  }

  /// Reads a POSIX TZ string.
  ///
  /// - Throws: ``TZifError/malformed(_:)`` naming what does not fit the grammar.
  init(_ text: String) throws(TZifError) {
    var scanner = PosixRuleScanner(bytes: Array(text.utf8))
    try scanner.name()
    standardOffset = -(try scanner.duration(maxHours: 24))
    guard !scanner.atEnd else {
      daylight = nil
      return
    }
    try scanner.name()
    var daylightOffset = standardOffset + 3600
    if !scanner.atEnd && scanner.peek != UInt8(ascii: ",") {
      daylightOffset = -(try scanner.duration(maxHours: 24))
    }
    guard scanner.take(UInt8(ascii: ",")) else {
      throw .malformed("\"\(text)\": a daylight-saving time without the rules for it")
    }
    let start = try scanner.yearlyRule()
    guard scanner.take(UInt8(ascii: ",")) else { throw .malformed("\"\(text)\": no end rule") }
    let end = try scanner.yearlyRule()
    guard scanner.atEnd else { throw .malformed("\"\(text)\": text after the rules") }
    daylight = Daylight(offset: daylightOffset, start: start, end: end)
  }

  /// The offset east of UTC, in seconds, at an instant (seconds since the epoch).
  func offset(at instant: Int64) -> Int {
    guard daylight != nil else { return standardOffset }
    let year = Instant(secondsSinceEpoch: instant).civil(atOffset: 0).date.year
    var offset = standardOffset
    for change in changes(from: year - 1, through: year + 1) where change.instant <= instant {
      offset = change.offset
    }
    return offset
  }

  /// The first change strictly after an instant whose offset differs from the one before it,
  /// or `nil` for a zone without daylight-saving time.
  func nextChange(after instant: Int64) -> Int64? {
    guard daylight != nil else { return nil }
    let year = Instant(secondsSinceEpoch: instant).civil(atOffset: 0).date.year
    var previous = offset(at: instant)
    // A change that keeps the offset (a year-round daylight-saving time) is passed over; four
    // years without a real change mean there is none. The year before is read too: its end may
    // fall in this year (a rule's time may run past 24:00).
    let changes = changes(from: year - 1, through: year + 4)
    // The fifth year's changes only close the fourth's (its end may be the fifth's start).
    let horizon = self.changes(from: year + 4, through: year + 4).first?.instant ?? Int64.max
    var index = changes.firstIndex { $0.instant > instant } ?? changes.count
    while index < changes.count && changes[index].instant < horizon {
      // Changes at the same instant (one year's end, the next one's start) count as one.
      var last = index
      while last + 1 < changes.count && changes[last + 1].instant == changes[index].instant {
        last += 1
      }
      if changes[last].offset != previous { return changes[index].instant }
      previous = changes[last].offset
      index = last + 1
    }
    return nil
  }

  /// The changes the rules make from the start of `first` to the end of `last`, in order; at the
  /// same instant, in the order the rules make them (a year's end before the next one's start).
  private func changes(from first: Int, through last: Int) -> [(instant: Int64, offset: Int)] {
    guard let daylight else { return [] }
    var result: [(order: Int, instant: Int64, offset: Int)] = []
    for year in first...last {
      let start =
        daylight.start.daysSinceEpoch(in: year) * 86_400 + Int64(daylight.start.time)
        - Int64(standardOffset)
      let end =
        daylight.end.daysSinceEpoch(in: year) * 86_400 + Int64(daylight.end.time)
        - Int64(daylight.offset)
      result.append((result.count, start, daylight.offset))
      result.append((result.count, end, standardOffset))
    }
    return result.sorted { ($0.instant, $0.order) < ($1.instant, $1.order) }.map {
      (instant: $0.instant, offset: $0.offset)
    }
  }
}

/// Reads the parts of a POSIX TZ string.
private struct PosixRuleScanner {
  let bytes: [UInt8]
  var position = 0

  var atEnd: Bool { position >= bytes.count }
  var peek: UInt8? { atEnd ? nil : bytes[position] }

  mutating func take(_ byte: UInt8) -> Bool {
    guard peek == byte else { return false }
    position += 1
    return true
  }

  /// A zone abbreviation: three or more letters, or `<…>` of letters, digits and signs.
  mutating func name() throws(TZifError) {
    let start = position
    if take(UInt8(ascii: "<")) {
      while let byte = peek, byte != UInt8(ascii: ">") {
        guard isLetter(byte) || isDigit(byte) || byte == 0x2B || byte == 0x2D else {
          throw .malformed("a character not allowed in <…> in a TZ string")
        }
        position += 1
      }
      guard take(UInt8(ascii: ">")), position - start >= 5 else {
        throw .malformed("an unterminated or short <…> name in a TZ string")
      }
      return
    }
    while let byte = peek, isLetter(byte) { position += 1 }
    guard position - start >= 3 else { throw .malformed("a name shorter than three letters") }
  }

  /// `[+|-]hh[:mm[:ss]]` in seconds, with hours up to `maxHours`.
  mutating func duration(maxHours: Int) throws(TZifError) -> Int {
    var sign = 1
    if take(UInt8(ascii: "-")) {
      sign = -1
    } else {
      _ = take(UInt8(ascii: "+"))
    }
    let hours = try number(maxDigits: 3)
    guard hours <= maxHours else { throw .malformed("an hour of \(hours) in a TZ string") }
    var seconds = hours * 3600
    if take(UInt8(ascii: ":")) {
      let minutes = try number(maxDigits: 2)
      seconds += minutes * 60
      if take(UInt8(ascii: ":")) { seconds += try number(maxDigits: 2) }
      guard minutes < 60 else { throw .malformed("minutes of \(minutes) in a TZ string") }
    }
    return sign * seconds
  }

  /// A day rule with an optional `/time` (02:00 by default).
  mutating func yearlyRule() throws(TZifError) -> PosixZoneRule.YearlyRule {
    let day: PosixZoneRule.YearlyRule.Day
    if take(UInt8(ascii: "J")) {
      let number = try number(maxDigits: 3)
      guard (1...365).contains(number) else { throw .malformed("a day J\(number)") }
      day = .julianNoLeap(number)
    } else if take(UInt8(ascii: "M")) {
      let month = try number(maxDigits: 2)
      guard take(UInt8(ascii: ".")) else { throw .malformed("a rule Mm.w.d without its week") }
      let week = try number(maxDigits: 1)
      guard take(UInt8(ascii: ".")) else { throw .malformed("a rule Mm.w.d without its day") }
      let weekday = try number(maxDigits: 1)
      guard (1...12).contains(month), (1...5).contains(week), (0...6).contains(weekday) else {
        throw .malformed("a rule M\(month).\(week).\(weekday)")
      }
      day = .monthWeekDay(month: month, week: week, weekday: weekday)
    } else {
      let number = try number(maxDigits: 3)
      guard number <= 365 else { throw .malformed("a day \(number)") }
      day = .zeroBased(number)
    }
    let time = take(UInt8(ascii: "/")) ? try duration(maxHours: 167) : 7200
    return PosixZoneRule.YearlyRule(day: day, time: time)
  }

  private mutating func number(maxDigits: Int) throws(TZifError) -> Int {
    var value = 0
    var digits = 0
    while let byte = peek, isDigit(byte), digits < maxDigits {
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      digits += 1
      position += 1
    }
    guard digits > 0 else { throw .malformed("a number expected in a TZ string") }
    return value
  }

  private func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
      || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }
}
