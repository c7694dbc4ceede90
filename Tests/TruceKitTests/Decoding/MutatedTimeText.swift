@testable import TruceKit

/// Random time texts for comparing the fast readers with the reference: texts in the accepted
/// forms with fields drawn near their limits, and byte-level mutations of them.
enum MutatedTimeText {
  /// How many texts each seed of the fuzz tests draws: 15,000 (60,000 for the scanner's four
  /// seeds) in debug builds, which run the reference slowly, and 250,000 (a million) in release
  /// builds (`swift test -c release -Xswiftc -enable-testing`).
  static var roundsPerSeed: Int {
    #if DEBUG
      15_000
    #else
      250_000
    #endif
  }

  /// The bytes of the notation.
  private static let notation = Array("0123456789-:TWZ+/.".utf8)
  /// Other bytes worth trying: parts of `é`, invalid UTF-8, a space, lowercase `t` and `z`.
  private static let otherBytes: [UInt8] = [0xC3, 0xA9, 0xFF, 0x80, 0xE2, 0x20, 0x74, 0x7A]
  /// Years at the calendar's edges and around the years the tests look at closely.
  private static let years = [0, 1, 1900, 1999, 2000, 2011, 2015, 2016, 2020, 2021, 9999]
  /// Months at and past the year's ends, and February.
  private static let edgeMonths = [0, 2, 12, 13]
  /// Days at and past the ends of months.
  private static let edgeDays = [0, 28, 29, 30, 31, 32]
  /// Offset hours, at and past the limit of 14.
  private static let offsetHours = [0, 2, 5, 13, 14, 15]
  /// Offset minutes, at and past the limit of 59.
  private static let offsetMinutes = [0, 1, 30, 45, 59, 60]

  /// A text in one of the accepted forms, or a range of two, with fields that are often just
  /// outside their range (month 13, day 30 in February, hour 24, offset +14:01).
  static func valid(_ random: inout SplitMix64) -> [UInt8] {
    switch random.below(10) {
    case 0: return bound(&random) + Array("/".utf8) + bound(&random)
    case 1: return Array("../".utf8) + bound(&random)
    case 2: return bound(&random) + Array("/..".utf8)
    default: return bound(&random)
    }
  }

  /// A single instant, day, week or month.
  static func bound(_ random: inout SplitMix64) -> [UInt8] {
    var text: [UInt8] = []
    text.reserveCapacity(32)
    let year = random.element(of: years)
    append(year, width: 4, to: &text)
    text.append(UInt8(ascii: "-"))
    switch random.below(8) {
    case 0:
      text.append(UInt8(ascii: "W"))
      append(random.int(in: 0...54), width: 2, to: &text)
      return text
    case 1:
      append(month(&random), width: 2, to: &text)
      return text
    default: break
    }
    append(month(&random), width: 2, to: &text)
    text.append(UInt8(ascii: "-"))
    append(day(&random), width: 2, to: &text)
    if random.chance(1, in: 6) { return text }
    text.append(UInt8(ascii: "T"))
    append(hour(&random), width: 2, to: &text)
    text.append(UInt8(ascii: ":"))
    append(minute(&random), width: 2, to: &text)
    if random.chance(1, in: 4) {
      text.append(UInt8(ascii: ":"))
      append(minute(&random), width: 2, to: &text)
    }
    switch random.below(3) {
    case 0: text.append(UInt8(ascii: "Z"))
    case 1:
      text.append(random.chance(1, in: 2) ? UInt8(ascii: "+") : UInt8(ascii: "-"))
      append(random.element(of: offsetHours), width: 2, to: &text)
      text.append(UInt8(ascii: ":"))
      append(random.element(of: offsetMinutes), width: 2, to: &text)
    default: break
    }
    return text
  }

  /// Changes the text once: a byte replaced, inserted, removed or repeated, or the text cut.
  static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
    let position = random.below(bytes.count + 1)
    switch random.below(6) {
    case 0 where position < bytes.count: bytes[position] = byte(&random)
    case 1: bytes.insert(byte(&random), at: position)
    case 2 where position < bytes.count: bytes.remove(at: position)
    case 3:
      let end = min(bytes.count, position + random.int(in: 1...6))
      bytes.insert(contentsOf: bytes[position..<end], at: position)
    case 4: bytes.removeSubrange(position...)
    default:
      if position < bytes.count, bytes[position] >= UInt8(ascii: "0"),
        bytes[position] < UInt8(ascii: "9")
      {
        bytes[position] += 1
      }
    }
  }

  /// A byte the notation uses, a byte of a non-ASCII character, or any byte.
  private static func byte(_ random: inout SplitMix64) -> UInt8 {
    switch random.below(4) {
    case 0, 1: return random.element(of: notation)
    case 2: return random.element(of: otherBytes)
    default: return UInt8(truncatingIfNeeded: random.below(256))
    }
  }

  /// A month, often out of range.
  private static func month(_ random: inout SplitMix64) -> Int {
    random.chance(1, in: 3) ? random.element(of: edgeMonths) : random.int(in: 1...12)
  }

  /// A day of the month, often at or past the month's end.
  private static func day(_ random: inout SplitMix64) -> Int {
    random.chance(1, in: 3) ? random.element(of: edgeDays) : random.int(in: 1...28)
  }

  /// An hour, sometimes out of range.
  private static func hour(_ random: inout SplitMix64) -> Int {
    random.chance(1, in: 8) ? (random.chance(1, in: 2) ? 24 : 99) : random.int(in: 0...23)
  }

  /// A minute or second, sometimes out of range.
  private static func minute(_ random: inout SplitMix64) -> Int {
    random.chance(1, in: 8) ? 60 : random.int(in: 0...59)
  }

  /// Appends a number below 10^`width` as exactly `width` decimal digits.
  private static func append(_ value: Int, width: Int, to text: inout [UInt8]) {
    var place = 1
    for _ in 1..<width { place *= 10 }
    while place >= 1 {
      text.append(UInt8(ascii: "0") + UInt8(value / place % 10))
      place /= 10
    }
  }
}
