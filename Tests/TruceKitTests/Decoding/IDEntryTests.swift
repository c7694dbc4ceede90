import Foundation
import Testing

@testable import TruceKit

/// The fast decoder enters an event's id as it checks it is new (one lookup, not two): a line
/// refused after that leaves no trace, and an erratum's changes are still read without its
/// own id, as the reference reads them.
@Suite("An event's id is known from its own line on, and only once the line is accepted")
struct IDEntryTests {
  /// A generated log's lines (header first), and the last line's erratum as a pattern.
  private static func linesAndErratum() throws -> (lines: [String], erratum: String) {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 300, areas: 6, seed: 9).write(to: scratch.log)
    let lines = String(decoding: try FileIO.readAll(path: scratch.log), as: UTF8.self)
      .split(separator: "\n").map(String.init)
    let erratum = try #require(
      lines.last { $0.contains("\"correction.erratum\"") && $0.contains("\"set\":{") })
    return (lines, erratum)
  }

  /// `line` with the value of `key` (a string, a number or an object without nested objects)
  /// replaced by `value`, written as JSON.
  private static func replacing(_ key: String, with value: String, in line: String) throws
    -> String
  {
    let pattern = "\"\(key)\":(\"[^\"]*\"|[0-9]+|\\{[^{}]*\\})"
    let regex = try NSRegularExpression(pattern: pattern)
    let range = NSRange(line.startIndex..., in: line)
    let match = try #require(regex.firstMatch(in: line, range: range))
    let found = try #require(Range(match.range, in: line))
    return line.replacingCharacters(in: found, with: "\"\(key)\":\(value)")
  }

  /// The id a line gives.
  private static func id(of line: String) throws -> String {
    let regex = try NSRegularExpression(pattern: "\"id\":\"([^\"]*)\"")
    let match = try #require(
      regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)))
    return String(line[try #require(Range(match.range(at: 1), in: line))])
  }

  /// The log's lines with one more: an erratum of the first event, whose changes are `set`,
  /// chained to the line before it.
  private static func withErratum(
    setting set: String, in history: (lines: [String], erratum: String)
  ) throws -> [UInt8] {
    let (lines, erratum) = history
    let firstID = try id(of: lines[1])
    var line = try replacing("seq", with: "\(lines.count)", in: erratum)
    line = try replacing("id", with: "\"self-citing\"", in: line)
    line = try replacing("corrects", with: "\"\(firstID)\"", in: line)
    line = try replacing("set", with: set, in: line)
    let previous = SHA256.hash(Array(lines[lines.count - 1].utf8)).hex
    line = try replacing("prev", with: "\"\(previous)\"", in: line)
    return Array((lines + [line]).joined(separator: "\n").utf8) + [UInt8(ascii: "\n")]
  }

  @Test(
    "An erratum whose changes cite the erratum itself is refused as the reference refuses it",
    arguments: ["disputes", "sameAnnouncementAs"])
  func erratumCitingItself(field: String) throws {
    let bytes = try Self.withErratum(
      setting: "{\"\(field)\":[\"self-citing\"]}", in: Self.linesAndErratum())
    #expect(DecoderComparison.disagreement(bytes, file: "self.jsonl") == nil)
    let error = #expect(throws: LogError.self) { _ = try EventLog.parse(bytes, file: "self.jsonl") }
    #expect(error?.description.contains("no earlier event has id 'self-citing'") == true)
  }

  @Test("An erratum whose changes cite an earlier event is accepted, and its id is known after")
  func erratumCitingAnEarlierEvent() throws {
    let history = try Self.linesAndErratum()
    let lines = history.lines
    let secondID = try Self.id(of: lines[2])
    let bytes = try Self.withErratum(
      setting: "{\"disputes\":[\"\(secondID)\"]}", in: history)
    #expect(DecoderComparison.disagreement(bytes, file: "earlier.jsonl") == nil)
    let log = try EventLog.parse(bytes, file: "earlier.jsonl")
    #expect(log.lineByID["self-citing"] == lines.count + 1)
  }

  @Test("A line refused after its id was checked leaves the id free for the line that follows")
  func refusedLineLeavesNoID() throws {
    let bytes = try Self.withErratum(
      setting: "{\"note\":\"checked again\"}", in: Self.linesAndErratum())
    var lines = bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
    let appended = lines.removeLast()
    var log = try EventLog.parse(
      Array(lines.joined(separator: [UInt8(ascii: "\n")])) + [UInt8(ascii: "\n")],
      file: "refused.jsonl")
    let events = log.events.count
    let wrong = SHA256.hash(Array("not the line before".utf8))
    #expect(throws: LogError.self) {
      try log.appendLine(appended, number: lines.count + 1, expectedPrev: wrong)
    }
    #expect(log.lineByID["self-citing"] == nil)
    #expect(log.events.count == events)
    try log.appendLine(
      appended, number: lines.count + 1, expectedPrev: SHA256.hash(lines[lines.count - 1]))
    #expect(log.lineByID["self-citing"] == lines.count + 1)
    #expect(log.events.count == events + 1)
  }
}
