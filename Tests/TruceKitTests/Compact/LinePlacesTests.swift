import Foundation
import Testing

@testable import TruceKit

/// The places of a log's lines, kept in 8 bytes a line, give back every range as it was given.
@Suite("Line places")
struct LinePlacesTests {
  /// Lines as a log's reading gives them: in the file's order, each after the one before, with a
  /// newline between.
  private static func lines(startingAt first: Int, lengths: [Int]) -> [Range<Int>] {
    var start = first
    return lengths.map { length in
      defer { start += length + 1 }
      return start..<(start + length)
    }
  }

  /// Lines at the places a log's reading may find them, by what they try.
  private static let cases: [(name: String, lines: [Range<Int>])] = [
    ("no lines", []),
    ("a short log", lines(startingAt: 120, lengths: [300, 1, 0, 450, 2_000])),
    // Across the first 4 GiB boundary, and lines starting well beyond it.
    ("lines across 4 GiB", lines(startingAt: (1 << 32) - 700, lengths: [300, 398, 1, 5, 80])),
    ("lines beyond 8 GiB", lines(startingAt: (2 << 32) + 17, lengths: [10, 20, 30])),
    ("lines in stretches far apart", stretchesFarApart),
    // Not in ascending order, and a line of 4 GiB: kept as given.
    ("lines out of order", [500..<600, 100..<200, 700..<750]),
    ("a line of 4 GiB", [0..<10, 11..<(11 + (1 << 32)), (12 + (1 << 32))..<(20 + (1 << 32))]),
  ]

  /// Lines in the first stretch, the second, and two far beyond (the sixth), one near its
  /// start and one after it.
  private static var stretchesFarApart: [Range<Int>] {
    var lines = lines(startingAt: 3, lengths: [40])
    lines += self.lines(startingAt: (1 << 32) + 9, lengths: [50, 60])
    lines += self.lines(startingAt: (5 << 32) + 1, lengths: [70])
    lines += self.lines(startingAt: (5 << 32) + 100, lengths: [80])
    return lines
  }

  @Test("Every line's range comes back as it was given", arguments: cases)
  func everyLineComesBack(_ name: String, _ lines: [Range<Int>]) {
    let places = LinePlaces(lines)
    #expect(places.count == lines.count)
    #expect(lines.indices.map { places[$0] } == lines, "\(name)")
  }

  @Test("A log's lines read as records are read again at the places the reading found")
  func recordsReadTheirLinesAgain() throws {
    let path = TestLog.repositoryRoot.appendingPathComponent(BundledLog.relativePath).path
    var log = try EventLog.read(path: path, options: .readingRecords)
    let lines = log.eventLines
    let places = LinePlaces(lines)
    #expect(lines.count == log.eventCount)
    #expect(lines.indices.map { places[$0] } == lines)
    // And the records' events, read again through them, are the log's effective events.
    let effective = try EventLog.read(path: path).effectiveEvents
    let taken = log.takeEffectiveRecords()
    let records = try #require(taken)
    #expect((0..<records.count).map { records.event(at: $0) } == effective)
  }
}
