import Foundation
import Testing

@testable import TruceKit

/// The fast decoder against the reference decoder: the same events and the same errors.
@Suite("The fast decoder gives what the reference decoder gives")
struct FastDecoderTests {
  @Test("The bundled Aleppo history decodes to the same events, amendments and chain")
  func bundledHistory() throws {
    let path = TestLog.repositoryRoot.appendingPathComponent(BundledLog.relativePath).path
    let bytes = try FileIO.readAll(path: path)
    for options in [ReadOptions.reading, .verifying, .writing] {
      #expect(DecoderComparison.disagreement(bytes, file: path, options: options) == nil)
    }
    #expect(DecoderComparison.recordsDisagreement(bytes, file: path) == nil)
    let log = try EventLog.parse(bytes, file: path, options: .verifying)
    #expect(log.events.count > 40)
  }

  @Test(
    "A generated history of 50,000 events decodes to the same events, event by event",
    .timeLimit(.minutes(10)))
  func generatedHistory() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    let report = try HistoryGenerator(events: 50_000, areas: 40, seed: 2016).write(to: scratch.log)
    let bytes = try FileIO.readAll(path: scratch.log)
    let fast = try EventLog.parse(bytes, file: scratch.log, options: .reading)
    let reference = try ReferenceLogDecoder.parse(bytes, file: scratch.log, options: .reading)
    #expect(DecoderComparison.difference(fast, reference) == nil)
    let records = try EventLog.parse(bytes, file: scratch.log, options: .readingRecords)
    #expect(DecoderComparison.recordsDifference(records, reference) == nil)
    #expect(fast.events.count == 50_000)
    #expect(fast.lastLineHash == report.head.hash)
    #expect(!fast.amendments.isEmpty && !fast.voided.isEmpty)
  }

  @Test("Every way of breaking one line of a small log is rejected alike, at the same line")
  func damagedLines() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 300, areas: 6, seed: 9).write(to: scratch.log)
    let lines = try FileIO.readAll(path: scratch.log).split(
      separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    var random = SplitMix64(seed: 77)
    var disagreements: [String] = []
    for round in 0..<400 {
      var damaged = lines.map(Array.init)
      let target = 1 + Int(random.next() % UInt64(lines.count - 2))
      switch round % 5 {
      case 0: damaged.swapAt(target, target == 1 ? 2 : target - 1)
      case 1: damaged.remove(at: target)
      case 2: damaged.insert(damaged[target], at: target)
      case 3:
        // Cut a line short, inside a value.
        damaged[target] = Array(damaged[target].prefix(damaged[target].count / 2))
      default:
        // Change one byte.
        let position = Int(random.next() % UInt64(damaged[target].count))
        damaged[target][position] = UInt8(truncatingIfNeeded: random.next())
      }
      let bytes = Array(damaged.joined(separator: [UInt8(ascii: "\n")]))
      for options in [ReadOptions.reading, .verifying] {
        if let problem = DecoderComparison.disagreement(
          bytes, file: "damaged.jsonl", options: options)
        {
          disagreements.append("round \(round): \(problem)")
        }
      }
      if let problem = DecoderComparison.recordsDisagreement(bytes, file: "damaged.jsonl") {
        disagreements.append("round \(round), as records: \(problem)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5).joined(separator: "\n"))")
  }

  /// Times of day as a pause's daily hours may give them: well formed, out of range, and with a
  /// byte that is not a digit in each place (below and above the digits).
  static let timesOfDay = [
    "00:00", "09:00", "23:59", "24:00", "24:01", "25:00", "00:60", "9:00", "09:0", "090:00",
    "09-00", "/9:00", "0/:00", "09:/0", "09:0/", ":9:00", "0a:00", "09:a0", "09:00 ", "",
  ]

  @Test(
    "A time of day in daily hours is accepted or rejected alike, at the same line",
    arguments: timesOfDay)
  func timesOfDayInDailyHours(_ time: String) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 300, areas: 6, seed: 9).write(to: scratch.log)
    let text = String(decoding: try FileIO.readAll(path: scratch.log), as: UTF8.self)
    let key = #""dailyHours":{"from":""#
    let found = try #require(text.range(of: key), "the generated log gives daily hours")
    let valueEnd = try #require(text[found.upperBound...].firstIndex(of: "\""))
    let changed = text[..<found.upperBound] + time + text[valueEnd...]
    let bytes = Array(changed.utf8)
    #expect(DecoderComparison.disagreement(bytes, file: "hours.jsonl") == nil)
    #expect(DecoderComparison.recordsDisagreement(bytes, file: "hours.jsonl") == nil)
    // The time itself is what is judged: the log is whole but for it.
    do {
      _ = try EventLog.parse(bytes, file: "hours.jsonl", options: .reading)
      #expect(["00:00", "08:00", "09:00"].contains(time))
    } catch {
      #expect(error.field?.hasPrefix("dailyHours") == true, "\(error)")
    }
  }

  @Test("In a log split across cores, a bad line in either part is rejected alike, at its line")
  func damagedLinesInSplitLog() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 4_000, areas: 8, seed: 31).write(to: scratch.log)
    let original = try FileIO.readAll(path: scratch.log)
    #expect(original.count > LineRun.parallelThreshold, "the log is decoded in parts")
    var lines = original.split(separator: UInt8(ascii: "\n")).map(Array.init)
    // A dangling reference near the end (second part), and a bad sequence near the start.
    for target in [lines.count - 3, 5] {
      var damaged = lines
      damaged[target] = Array(
        String(decoding: damaged[target], as: UTF8.self).replacingOccurrences(
          of: "\"seq\":\(target)", with: "\"seq\":\(target + 7)"
        ).utf8)
      let bytes = Array(damaged.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
      #expect(DecoderComparison.disagreement(bytes, file: "split.jsonl") == nil)
      #expect(DecoderComparison.recordsDisagreement(bytes, file: "split.jsonl") == nil)
      #expect(throws: LogError.self) { try EventLog.parse(bytes, file: "split.jsonl") }
    }
    lines.swapAt(lines.count - 2, lines.count - 10)
    let swapped = Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")]
    #expect(DecoderComparison.disagreement(swapped, file: "split.jsonl") == nil)
    #expect(DecoderComparison.recordsDisagreement(swapped, file: "split.jsonl") == nil)
  }
}
