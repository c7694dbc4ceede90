/// Reads a time in ``TimeSpec``'s text forms straight from UTF-8 bytes, for the fast decoder.
///
/// It gives exactly what ``TimeSpec/init(parsing:)`` gives for the same bytes decoded as UTF-8,
/// and throws exactly the same ``TimeSpecError`` (same case, same text) on every input, but makes
/// no `String` unless it has an error to report. It shares no code with the reference reader:
/// the scanning and the calendar checks (days in a month, leap years, ISO weeks in a year) are
/// its own, and the tests compare the two on hand-picked and on mutated texts.
enum TimeTextScanner {
  /// Reads a time, a period or a range from the bytes of its text form.
  ///
  /// - Parameter bytes: The text's UTF-8 bytes, such as `2016-11-04T19:00Z` or `../2016-11-04`;
  ///   any bytes are accepted, including invalid UTF-8.
  /// - Returns: The spec ``TimeSpec/init(parsing:)`` returns for the same text.
  /// - Throws: The ``TimeSpecError`` that ``TimeSpec/init(parsing:)`` throws for the same text:
  ///   ``TimeSpecError/malformed(_:)`` (with the whole text), ``TimeSpecError/nonexistentDate(_:)``
  ///   or ``TimeSpecError/invalidTimeOfDay(_:)`` (with the bound's text), or
  ///   ``TimeSpecError/endBeforeStart(_:)`` for a range of fixed instants that runs backwards.
  static func parse(_ bytes: UnsafeRawBufferPointer) throws(TimeSpecError) -> TimeSpec {
    let count = bytes.count
    var slash = 0
    while slash < count, bytes[slash] != ASCII.slash { slash += 1 }
    if slash == count {
      return try readBound(bytes, from: 0, to: count)
    }
    let lower = try readOpenBound(bytes, from: 0, to: slash)
    let upper = try readOpenBound(bytes, from: slash + 1, to: count)
    if let start = lower.flatMap(utcSeconds), let end = upper.flatMap(utcSeconds), end < start {
      throw .endBeforeStart(String(decoding: bytes, as: UTF8.self))
    }
    return .range(from: lower, to: upper)
  }

  /// Seconds since the epoch when a bound is an instant at `Z` or a fixed offset; `nil` for local
  /// instants and calendar periods, which need a zone to be ordered.
  private static func utcSeconds(_ bound: TimeSpec) -> Int64? {
    guard case .instant(let wall, let anchor) = bound else { return nil }
    let offset: Int
    switch anchor {
    case .utc: offset = 0
    case .offset(let seconds): offset = seconds
    case .local: return nil
    }
    let date = wall.date
    return CivilDate.daysSinceEpoch(year: date.year, month: date.month, day: date.day) * 86_400
      + Int64(wall.hour * 3600 + wall.minute * 60 + wall.second - offset)
  }

  /// Reads one side of a range, which is open when it is exactly `..`.
  private static func readOpenBound(
    _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
  ) throws(TimeSpecError) -> TimeSpec? {
    if end - start == 2, bytes[start] == ASCII.dot, bytes[start + 1] == ASCII.dot { return nil }
    return try readBound(bytes, from: start, to: end)
  }

  /// Reads an instant, a day, a week or a month from `bytes[start..<end]`.
  ///
  /// The order of the checks is the reference's, so the first problem found is the one it names:
  /// the shape of the date, then the calendar, then the shape of the time, its range, and the
  /// anchor.
  ///
  /// Always inlined, like `readTime` and the cursor's reads: the spec is then built where it is
  /// returned instead of being copied back through each caller, which took a third of the time.
  @inline(__always)
  private static func readBound(
    _ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
  ) throws(TimeSpecError) -> TimeSpec {
    var cursor = ByteCursor(bytes: bytes, position: start, end: end)
    guard let year = cursor.number(width: 4), cursor.skip(ASCII.hyphen) else {
      throw malformed(bytes)
    }
    guard year >= 1 else { throw nonexistentDate(bytes, start, end) }
    if cursor.skip(ASCII.capitalW) {
      guard let week = cursor.number(width: 2), cursor.atEnd else { throw malformed(bytes) }
      guard week >= 1, week <= Gregorian.isoWeekCount(year: year) else {
        throw nonexistentDate(bytes, start, end)
      }
      return .week(year: year, week: week)
    }
    guard let month = cursor.number(width: 2) else { throw malformed(bytes) }
    if cursor.atEnd {
      guard month >= 1, month <= 12 else { throw nonexistentDate(bytes, start, end) }
      return .month(year: year, month: month)
    }
    guard cursor.skip(ASCII.hyphen), let day = cursor.number(width: 2) else {
      throw malformed(bytes)
    }
    guard Gregorian.isDate(year: year, month: month, day: day),
      let date = CivilDate(year: year, month: month, day: day)
    else { throw nonexistentDate(bytes, start, end) }
    if cursor.atEnd { return .day(date) }
    return try readTime(on: date, &cursor, bytes, from: start, to: end)
  }

  /// Reads the `THH:MM[:SS]` and the anchor that follow a date.
  @inline(__always)
  private static func readTime(
    on date: CivilDate, _ cursor: inout ByteCursor, _ bytes: UnsafeRawBufferPointer,
    from start: Int, to end: Int
  ) throws(TimeSpecError) -> TimeSpec {
    guard cursor.skip(ASCII.capitalT), let hour = cursor.number(width: 2),
      cursor.skip(ASCII.colon), let minute = cursor.number(width: 2)
    else { throw malformed(bytes) }
    var second = 0
    if cursor.skip(ASCII.colon) {
      guard let seconds = cursor.number(width: 2) else { throw malformed(bytes) }
      second = seconds
    }
    guard hour <= 23, minute <= 59, second <= 59,
      let wall = CivilDateTime(date: date, hour: hour, minute: minute, second: second)
    else { throw invalidTimeOfDay(bytes, start, end) }
    if cursor.atEnd { return .instant(wall, .local) }
    // `Z` ends the text: `…Z+02:00` names two anchors and is malformed.
    if cursor.skip(ASCII.capitalZ) {
      guard cursor.atEnd else { throw malformed(bytes) }
      return .instant(wall, .utc)
    }
    let sign: Int
    if cursor.skip(ASCII.plus) {
      sign = 1
    } else if cursor.skip(ASCII.hyphen) {
      sign = -1
    } else {
      throw malformed(bytes)
    }
    guard let hours = cursor.number(width: 2), cursor.skip(ASCII.colon),
      let minutes = cursor.number(width: 2), cursor.atEnd, hours * 60 + minutes <= 14 * 60,
      minutes <= 59
    else { throw malformed(bytes) }
    return .instant(wall, .offset(sign * (hours * 3600 + minutes * 60)))
  }

  /// The error for text in no accepted form; it quotes the whole text.
  private static func malformed(_ bytes: UnsafeRawBufferPointer) -> TimeSpecError {
    .malformed(String(decoding: bytes, as: UTF8.self))
  }

  /// The error for a date the calendar lacks; it quotes the bound's text.
  private static func nonexistentDate(
    _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int
  ) -> TimeSpecError {
    .nonexistentDate(text(bytes, start, end))
  }

  /// The error for an hour, minute or second out of range; it quotes the bound's text.
  private static func invalidTimeOfDay(
    _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int
  ) -> TimeSpecError {
    .invalidTimeOfDay(text(bytes, start, end))
  }

  /// The bytes `start..<end` as text, with invalid UTF-8 repaired as the reference sees it.
  ///
  /// A bound ends at a `/` or at the end, and a `/` is never part of a multi-byte sequence, so
  /// repairing the bound alone gives the same text as repairing the whole and then cutting it.
  private static func text(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }
}
