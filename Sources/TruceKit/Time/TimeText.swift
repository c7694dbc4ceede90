/// Writes dates, times and specs in their text forms straight into the bytes of one string.
///
/// String interpolation with ``pad(_:_:)`` makes a string for every number and joins them; a
/// fold puts thousands of times into words (derived boundaries, disputes), so this writes the
/// digits in place instead. Numbers outside their usual widths (a year past 9999, a negative
/// one) are left to the plain forms: `nil` says so, and the caller falls back.
enum TimeText {
  /// Room for the longest text written here: a range of two instants with seconds and offsets.
  private static let capacity = 64

  /// The text form of a spec, as ``TimeSpec/description`` gives it.
  static func spec(_ spec: TimeSpec) -> String? {
    make { $0.write(spec) }
  }

  /// A date as `2016-11-04`.
  static func date(_ date: CivilDate) -> String? {
    make { $0.write(date) }
  }

  /// A wall time as `2016-11-04T09:00`, with `Z` after it when `utc`.
  static func wall(_ wall: CivilDateTime, utc: Bool) -> String? {
    make { writer in writer.write(wall) && (!utc || writer.byte(UInt8(ascii: "Z"))) }
  }

  /// An instant as ``TimeFormatter/instant(_:)`` shows it: `2016-11-04 21:00 +02:00 (19:00Z)`,
  /// with the UTC date too when it differs from the local one (`… (2016-11-03 23:30Z)`).
  static func shown(local: CivilDateTime, utc: CivilDateTime, offset: Int) -> String? {
    make { writer in
      writer.write(local.date) && writer.byte(UInt8(ascii: " ")) && writer.writeTimeOfDay(local)
        && writer.byte(UInt8(ascii: " ")) && writer.write(offset: offset) && writer.text(" (")
        && (local.date == utc.date
          || (writer.write(utc.date) && writer.byte(UInt8(ascii: " "))))
        && writer.writeTimeOfDay(utc) && writer.text("Z)")
    }
  }

  /// An instant in UTC as ``TimeFormatter/instant(_:)`` shows it: `2016-11-04 19:00Z`.
  static func shownUTC(_ utc: CivilDateTime) -> String? {
    make { writer in
      writer.write(utc.date) && writer.byte(UInt8(ascii: " ")) && writer.writeTimeOfDay(utc)
        && writer.byte(UInt8(ascii: "Z"))
    }
  }

  private static func make(_ body: (inout Writer) -> Bool) -> String? {
    var written = true
    let text = String(unsafeUninitializedCapacity: capacity) { buffer in
      var writer = Writer(buffer: buffer)
      written = body(&writer)
      return written ? writer.count : 0
    }
    return written ? text : nil
  }

  /// A cursor in a buffer of bytes; every write says whether it fit.
  private struct Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt8>) {
      self.buffer = buffer
    }

    mutating func byte(_ value: UInt8) -> Bool {
      guard count < buffer.count else { return false }
      buffer[count] = value
      count += 1
      return true
    }

    mutating func text(_ value: StaticString) -> Bool {
      value.withUTF8Buffer { bytes in bytes.allSatisfy { byte($0) } }
    }

    /// `value` in exactly `width` digits, zero-padded; `false` when it does not fit them.
    mutating func digits(_ value: Int, _ width: Int) -> Bool {
      guard value >= 0, count + width <= buffer.count else { return false }
      var rest = value
      for offset in stride(from: width - 1, through: 0, by: -1) {
        buffer[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      guard rest == 0 else { return false }
      count += width
      return true
    }

    mutating func write(_ date: CivilDate) -> Bool {
      digits(date.year, 4) && byte(UInt8(ascii: "-")) && digits(date.month, 2)
        && byte(UInt8(ascii: "-")) && digits(date.day, 2)
    }

    mutating func write(_ wall: CivilDateTime) -> Bool {
      write(wall.date) && byte(UInt8(ascii: "T")) && writeTimeOfDay(wall)
    }

    /// `HH:MM`, or `HH:MM:SS` when the second is not 0.
    mutating func writeTimeOfDay(_ wall: CivilDateTime) -> Bool {
      guard digits(wall.hour, 2) && byte(UInt8(ascii: ":")) && digits(wall.minute, 2) else {
        return false
      }
      return wall.second == 0 || (byte(UInt8(ascii: ":")) && digits(wall.second, 2))
    }

    mutating func write(offset seconds: Int) -> Bool {
      let magnitude = seconds.magnitude
      guard magnitude <= UInt(Int.max) else { return false }
      return byte(UInt8(ascii: seconds < 0 ? "-" : "+"))
        && digits(Int(magnitude) / 3600, 2) && byte(UInt8(ascii: ":"))
        && digits(Int(magnitude) / 60 % 60, 2)
    }

    mutating func write(_ spec: TimeSpec) -> Bool {
      switch spec {
      case .instant(let wall, .utc): return write(wall) && byte(UInt8(ascii: "Z"))
      case .instant(let wall, .offset(let seconds)): return write(wall) && write(offset: seconds)
      case .instant(let wall, .local): return write(wall)
      case .day(let date): return write(date)
      case .week(let year, let week):
        return digits(year, 4) && text("-W") && digits(week, 2)
      case .month(let year, let month):
        return digits(year, 4) && byte(UInt8(ascii: "-")) && digits(month, 2)
      case .range(let from, let to):
        return (from.map { write($0) } ?? text("..")) && byte(UInt8(ascii: "/"))
          && (to.map { write($0) } ?? text(".."))
      }
    }
  }
}
