import Testing

@testable import TruceKit

@Suite("Reading times from bytes, against the reference reader")
struct TimeTextScannerTests {
  @Test(
    "Every form, every error and every edge reads as the reference reads it",
    arguments: [
      // The forms of TimeSpec's table.
      "2016-11-04T19:00Z", "2016-11-04T09:00+02:00", "2016-11-04T09:00", "2016-11-04",
      "2016-W44", "2016-11", "2016-10-20/2016-10-21", "../2016-11-04", "2016-11-16/..", "../..",
      "2016-11-04T09:00:30", "2016-11-04T09:00:30Z", "2016-11-04T09:00:30-05:30",
      "2016-09/2016-10-05", "2016-W44/2016-11", "2016-11-04T09:00/2016-11-04T10:00Z",
      // Calendar edges.
      "2016-02-29", "2016-02-30", "2015-02-29", "1900-02-29", "2000-02-29", "2016-04-31",
      "2016-12-31", "2016-13", "2016-00", "2016-11-00", "2016-13-01", "2016-00-10", "2016-W00",
      "2015-W53", "2016-W53", "2020-W53", "2026-W53", "2016-W52", "2016-W54", "0000-W38",
      "0000-05", "0000-01-04", "0000-", "0000-xyz", "0001-01-01", "9999-12-31", "9999-W52",
      "0001-W01",
      // Times of day.
      "2016-11-04T24:00", "2016-11-04T23:59:59", "2016-11-04T12:60", "2016-11-04T12:00:60",
      "2016-11-04T24:00junk", "2016-02-30T24:00", "2016-11-04T99:99Z", "2016-11-04T9:00",
      "2016-11-04T09:00:", "2016-11-04T09:00:5", "2016-11-04T09", "2016-11-04T", "2016-11-04t09:00",
      // Offsets.
      "2016-11-04T09:00+14:00", "2016-11-04T09:00+14:01", "2016-11-04T09:00+14:59",
      "2016-11-04T09:00+15:00", "2016-11-04T09:00-14:00", "2016-11-04T09:00+05:60",
      "2016-11-04T09:00-00:00", "2016-11-04T09:00+0200", "2016-11-04T09:00+2",
      "2016-11-04T09:00+02:00junk", "2016-11-04T09:00Z+02:00", "2016-11-04T09:00Z-05:45",
      "2016-11-04T09:00ZZ", "2016-11-04T09:00z", "2016-11-04T19:00GMT", "2016-11-04T19:00Zjunk",
      // Shapes that are not times.
      "", "/", "//", "../..", "..", "./..", "../.", "../../..", "2016", "2016-", "2016-1",
      "16-11-04",
      "2016-11-4", "2016/11/04", "2016-11-04 12:00", " 2016-11-04", "2016-11-04 ", "yesterday",
      "2016-W4", "2016-W444", "2016-w44", "2016-11-", "2016-11-04-", "+2016-11-04",
      // Ranges, in and out of order, with errors on either side.
      "2016-11-04T19:00Z/2016-11-04T18:00Z", "2016-11-04T19:00Z/2016-11-04T19:00Z",
      "2016-11-04T19:00Z/2016-11-04T20:00+02:00", "2016-11-04T19:00Z/2016-11-04T20:59+02:00",
      "2016-11-04T21:00+02:00/2016-11-04T19:00Z", "2016-11-05T00:30+14:00/2016-11-04T10:31Z",
      "2016-11-04T19:00/2016-11-04T18:00", "2016-11-04/2016-11-03", "2016-11-04T19:00Z/2016-11-03",
      "2016-02-30/2016-13", "2016-11/2016-13", "junk/2016-02-30", "2016-02-30/junk",
      "2016-11-04T24:00/2016-11-04T25:00", "2016-11-04/../..", "../2016-11-04/..",
      "2016-11-04/", "/2016-11-04", "2016-11-04T19:00Z/..",
      // Non-ASCII text.
      "２０１６-11-04", "2016‐11‐04", "2016-11-04T09:00 ", "2016-11-04T19:00Zé", "é/..", "../é",
      "2016-02-30é", "2016-02-30é/..", "2016-11-04T24:00é", "‥/..", ".\u{301}./..", "2016-W5３",
      "0000-é",
    ])
  func matchesReference(text: String) {
    let bytes = Array(text.utf8)
    #expect(scanned(bytes) == referenceRead(bytes))
  }

  @Test(
    "Bytes that are not UTF-8 read as the reference reads their repaired text",
    arguments: [
      [0xFF], [0x80], [0xC3], [0xE2, 0x82], [0xC0, 0xAF], [0xED, 0xA0, 0x80],
      Array("2016-02-30".utf8) + [0xFF], Array("2016-02-30".utf8) + [0xE2, 0x82],
      Array("2016-11-04T24:00".utf8) + [0xC3], Array("2016-11-04T19:00Z".utf8) + [0xFE],
      [0xF0, 0x9F] + Array("/..".utf8), Array("../".utf8) + [0xC3, 0x2F],
      Array("2016-02-30".utf8) + [0xE2, 0x2F] + Array("..".utf8),
      Array("2016-11-04/2016-02-30".utf8) + [0xF4, 0x90, 0x80, 0x80],
      Array("0000-".utf8) + [0xC3], Array("2016-".utf8) + [0xFF, 0xFF],
    ] as [[UInt8]])
  func invalidUTF8(bytes: [UInt8]) {
    #expect(scanned(bytes) == referenceRead(bytes))
  }

  @Test("A Z before an offset is malformed, and offsets stop at ±14:00, as in the reference")
  func anchorsAndOffsetLimits() throws {
    let date = try #require(CivilDate(year: 2016, month: 11, day: 4))
    let wall = try #require(CivilDateTime(date: date, hour: 9, minute: 0))
    #expect(
      scanned(Array("2016-11-04T09:00Z+02:00".utf8))
        == .failure(.malformed("2016-11-04T09:00Z+02:00")))
    #expect(
      scanned(Array("2016-11-04T09:00+14:00".utf8)) == .success(.instant(wall, .offset(50_400))))
    #expect(
      scanned(Array("2016-11-04T09:00-14:00".utf8)) == .success(.instant(wall, .offset(-50_400))))
    #expect(
      scanned(Array("2016-11-04T09:00+14:01".utf8))
        == .failure(.malformed("2016-11-04T09:00+14:01")))
  }

  @Test("Leap days, week 53 and week 52 read as the reference reads them in every year")
  func everyYear() {
    var mismatches: [String] = []
    for year in 0...9999 {
      let digits = String(year)
      let padded = String(repeating: "0", count: 4 - digits.count) + digits
      for suffix in ["-02-29", "-W53", "-W52", "-12-31"] {
        let bytes = Array((padded + suffix).utf8)
        if scanned(bytes) != referenceRead(bytes) { mismatches.append(padded + suffix) }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test(
    "The scanner's months are CivilDate's: their first and last days are dates, the next is not")
  func dayCount() {
    var mismatches: [String] = []
    for year in stride(from: 1, through: 9999, by: 7) {
      for month in 1...12 {
        let last = TimeTextScanner.Gregorian.dayCount(month: month, year: year)
        for day in [1, last] where CivilDate(year: year, month: month, day: day) == nil {
          mismatches.append("\(year)-\(month)-\(day) is not a CivilDate")
        }
        if CivilDate(year: year, month: month, day: last + 1) != nil {
          mismatches.append("\(year)-\(month)-\(last + 1) is a CivilDate")
        }
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
  }

  @Test(
    "Mutated texts read as the reference reads them",
    arguments: [
      0x7431_3E5C_A77E_4D01, 0x51D2_0C6B_9E84_F713, 0x0BAD_5EED_1234_5678, 0x2016_1104_1900_0002,
    ]
      as [UInt64])
  func mutatedTexts(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var mismatches: [String] = []
    var accepted = 0
    for _ in 0..<MutatedTimeText.roundsPerSeed {
      var bytes = MutatedTimeText.valid(&random)
      for _ in 0..<random.below(4) { MutatedTimeText.mutate(&bytes, &random) }
      let expected = referenceRead(bytes)
      if case .success = expected { accepted += 1 }
      if scanned(bytes) != expected, mismatches.count < 10 {
        mismatches.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    #expect(mismatches.isEmpty, "\(mismatches)")
    // Enough of the texts stay valid for the accepted forms to be compared too.
    #expect(accepted > MutatedTimeText.roundsPerSeed / 20)
  }
}

/// What the scanner reads from some bytes.
private func scanned(_ bytes: [UInt8]) -> Result<TimeSpec, TimeSpecError> {
  bytes.withUnsafeBytes { raw in
    Result { () throws(TimeSpecError) in try TimeTextScanner.parse(raw) }
  }
}

/// What the reference reader reads from the same bytes, decoded as UTF-8.
private func referenceRead(_ bytes: [UInt8]) -> Result<TimeSpec, TimeSpecError> {
  Result { () throws(TimeSpecError) in try TimeSpec(parsing: String(decoding: bytes, as: UTF8.self))
  }
}
