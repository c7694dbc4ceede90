import Foundation
import Testing

@testable import TruceKit

/// A log read from its file a run at a time (never held whole) against the same bytes read in
/// memory.
@Suite("Reading a log from its file, a run at a time")
struct ReadingFromTheFileTests {
  /// How a generated log is changed before it is read.
  enum Alteration: String, CaseIterable, CustomTestStringConvertible {
    case none
    case tornTail
    case badLineInTheMiddle
    case crlf

    var testDescription: String { rawValue }

    func apply(to bytes: [UInt8]) -> [UInt8] {
      switch self {
      case .none: return bytes
      case .tornTail: return bytes + Array(#"{"seq":999999,"id":"cut-sh"#.utf8)
      case .badLineInTheMiddle:
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        lines[lines.count / 2] = ArraySlice(#"{"seq":1,"id":"#.utf8)
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
      case .crlf:
        return Array(
          bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .joined(separator: Array("\r\n".utf8)))
      }
    }
  }

  @Test(
    "Read from its file, a log gives the events, hashes, torn tail, lines and errors it gives read in memory",
    arguments: Alteration.allCases, [ReadOptions.reading, .verifying])
  func fileAndMemoryAgree(alteration: Alteration, options: ReadOptions) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 6_000, areas: 6, seed: 9).write(to: scratch.log)
    let bytes = alteration.apply(to: try FileIO.readAll(path: scratch.log))
    try Data(bytes).write(to: URL(fileURLWithPath: scratch.log))
    #expect(bytes.count > LineRun.parallelThreshold, "the runs are read on worker threads")

    let fromMemory = Result { () throws(LogError) in
      try EventLog.parse(bytes, file: scratch.log, options: options)
    }
    let fromFile = Result { () throws(LogError) in
      try EventLog.read(path: scratch.log, options: options)
    }
    switch (fromMemory, fromFile) {
    case (.failure(let memory), .failure(let file)):
      #expect(file.description == memory.description)
      #expect(
        alteration == .badLineInTheMiddle || (alteration == .tornTail && !options.toleratesTornTail)
      )
    case (.success(let memory), .success(let file)):
      #expect(file.events == memory.events)
      #expect(file.effectiveEvents == memory.effectiveEvents)
      #expect(file.lastLineHash == memory.lastLineHash)
      #expect(file.completeLength == memory.completeLength)
      #expect(file.isChained == memory.isChained)
      #expect(file.headerLine == memory.headerLine)
      #expect(file.torn?.line == memory.torn?.line)
      #expect(file.torn?.offset == memory.torn?.offset)
      #expect(file.torn.map { Array($0.bytes) } == memory.torn.map { Array($0.bytes) })
      #expect((alteration == .tornTail) == (file.torn != nil))
      for position in stride(from: 0, to: memory.events.count, by: 97) {
        let id = memory.events[position].id
        #expect(file.rawObject(id: id) == memory.rawObject(id: id))
        #expect(file.rawObject(id: id) != nil)
      }
    default:
      Issue.record("one read failed and the other did not: \(fromMemory), \(fromFile)")
    }
  }

  @Test("A log read from its file needs none of its bytes held: an erratum's target is read back")
  func erratumTargetsAreReadBack() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 6_000, areas: 6, seed: 9).write(to: scratch.log)
    let log = try EventLog.read(path: scratch.log)
    #expect(log.storage.bytes.isEmpty)
    #expect(!log.amendments.isEmpty, "the generated history amends some events")
    let memory = try EventLog.parse(try FileIO.readAll(path: scratch.log), file: scratch.log)
    #expect(log.amendments == memory.amendments)
    #expect(log.amendedLines == memory.amendedLines)
  }

  @Test("A log file cut short after it was opened is reported as changed, not read as it is now")
  func fileShortenedWhileRead() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 4_000, areas: 6, seed: 4).write(to: scratch.log)
    let storage = try LogBytes.snapshot(path: scratch.log).log
    #expect(truncate(scratch.log, off_t(storage.length / 2)) == 0)
    #expect {
      _ = try FastLogDecoder.parse(storage, file: scratch.log, options: .reading)
    } throws: { error in
      guard let error = error as? LogError, case .unreadable(let reason) = error.problem else {
        return false
      }
      return reason.contains("got shorter while it was read")
    }
  }
}
