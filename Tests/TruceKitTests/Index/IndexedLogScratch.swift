import Foundation
import Testing

@testable import TruceKit

/// A generated history, and logs holding its first lines with a head (and an index) beside
/// them, for comparing appends through the index with appends that read the whole log.
struct IndexedLogScratch {
  let scratch: GeneratorScratch
  /// The generated log's lines: the header, then one per event.
  let lines: [[UInt8]]

  init(events: Int, areas: Int, seed: UInt64) throws {
    scratch = try GeneratorScratch()
    _ = try HistoryGenerator(events: events, areas: areas, seed: seed).write(to: scratch.log)
    lines = try FileIO.readAll(path: scratch.log).split(separator: UInt8(ascii: "\n")).map(
      Array.init)
  }

  func remove() { scratch.remove() }

  /// Writes a log with the header and the first `events` events, its head, and (when asked)
  /// its index, under `name`; returns its path.
  func prefix(_ events: Int, named name: String, indexed: Bool) throws -> String {
    let path = scratch.path(name)
    let bytes = Array(lines[0...events].joined(separator: [UInt8(ascii: "\n")])) + [0x0A]
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let log = try EventLog.parse(bytes, file: path, options: .writing)
    try LogHead(of: log).write(forLog: path)
    if indexed { try LogIndex.write(for: log, atLog: path) }
    return path
  }

  /// Writes a log of the first `events` events with both indexes beside it, then appends the
  /// events after them up to `last` through `truce append`'s checks (so that the at index has
  /// lines after it, vouched for by the append index); returns its path.
  func indexedLog(_ events: Int, appendingThrough last: Int, named name: String) throws -> String {
    let path = try prefix(events, named: name, indexed: true)
    _ = try AtIndexing.write(for: try EventLog.read(path: path), path: path)
    for next in events + 1...last {
      let event = try self.event(next)
      guard case .success = IndexedLogScratch.appendThroughIndex(event, to: path) else {
        throw AppendRefused(seq: next)
      }
    }
    return path
  }

  /// A generated history of 3,000 events in 8 areas, indexed through its 2,990th event with
  /// the 2,991st to 2,996th appended since (seed 61's appended lines are of the kinds read
  /// beside the index): the log read whole, and opened through its index.
  ///
  /// The caller removes `history` when done.
  static func withAppendedLines() throws -> (
    history: IndexedLogScratch, path: String, log: EventLog, reader: IndexedLogReader
  ) {
    let history = try IndexedLogScratch(events: 3_000, areas: 8, seed: 61)
    do {
      let path = try history.indexedLog(2_990, appendingThrough: 2_996, named: "log.jsonl")
      let reader = try #require(IndexedLogReader(path: path))
      #expect(reader.tailBytes > 0)
      return (history, path, try EventLog.read(path: path), reader)
    } catch {
      history.remove()
      throw error
    }
  }

  /// An event of the generated history that could not be appended through the index.
  struct AppendRefused: Error {
    var seq: Int
  }

  /// Copies a log with its head and index (when there is one) under a new name.
  func copy(_ path: String, to name: String) throws -> String {
    let target = scratch.path(name)
    for suffix in ["", ".head", ".index"] {
      try? FileManager.default.removeItem(atPath: target + suffix)
      if FileManager.default.fileExists(atPath: path + suffix) {
        try FileManager.default.copyItem(atPath: path + suffix, toPath: target + suffix)
      }
    }
    return target
  }

  /// The event of a generated line, as `append` takes it: without `seq` and `prev`.
  func event(_ line: Int) throws -> JSONObject {
    var object = try #require(try JSONParser.parse(lines[line]).objectValue)
    object["seq"] = nil
    object["prev"] = nil
    return object
  }

  static func appender(_ path: String, usesIndex: Bool) -> LogAppender {
    var appender = LogAppender(
      path: path, recordedBy: "test", now: { Instant(secondsSinceEpoch: 1_795_000_000) })
    appender.usesIndex = usesIndex
    return appender
  }

  /// Appends through the index only; `nil` when the index could not be used.
  static func appendThroughIndex(_ object: JSONObject, to path: String)
    -> Result<LogAppender.Outcome, WriteError>?
  {
    do {
      let appender = appender(path, usesIndex: true)
      let request = try appender.request(object, expectedSeq: nil, source: "the event")
      let file = try LockedLog(path: path)
      defer { file.release() }
      switch try appender.appendWithIndex(request, file: file, path: path) {
      case .done(let outcome): return .success(outcome)
      case .unusable: return nil
      }
    } catch {
      return .failure(error)
    }
  }

  /// Appends by reading the whole log, without any index.
  static func appendReadingWholeLog(_ object: JSONObject, to path: String)
    -> Result<LogAppender.Outcome, WriteError>
  {
    Result { () throws(WriteError) in
      try appender(path, usesIndex: false).append(object, source: "the event")
    }
  }

  /// The records of the index beside a log, and of an index built afresh from the log.
  static func records(besideLog path: String) throws -> (kept: [NameRecord], fresh: [NameRecord]) {
    let index = try LogIndex(forLog: path)
    let kept = try index.table.records().sorted { $0.hash < $1.hash }
    var image = LogIndex.image(of: try EventLog.read(path: path, options: .writing))
    let fresh = try image.withUnsafeMutableBytes { buffer in
      let base = try #require(buffer.baseAddress)
      let header = try #require(IndexHeader(loadingFrom: base))
      return try NameTable(
        slots: base + IndexHeader.size, capacity: Int(header.capacity), used: Int(header.used)
      ).records()
    }
    return (kept, fresh.sorted { $0.hash < $1.hash })
  }

  /// Changes the at-index beside a log: `change` edits its bytes, which are then sealed again
  /// with the checksums of the blocks and header (``AtIndexBuilder/seal(_:header:)``), so that
  /// the index reads as one built that way; unless `resealed` is `false`, for an index damaged
  /// after it was written.
  static func editIndex(
    ofLog path: String, resealed: Bool = true, _ change: (inout [UInt8]) throws -> Void
  ) throws {
    let indexPath = AtIndex.path(forLog: path)
    var bytes = try FileIO.readAll(path: indexPath)
    try change(&bytes)
    if resealed { try seal(&bytes) }
    try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
  }

  /// Seals an index image again after its bytes were edited: the blocks' checksums and the
  /// header's (``AtIndexBuilder/seal(_:header:)``); only the header's own checksum when the
  /// header no longer reads (a count edited past its bounds), so that the bounds, not the
  /// checksums, refuse it.
  static func seal(_ bytes: inout [UInt8]) throws {
    try bytes.withUnsafeMutableBytes { buffer in
      let base = try #require(buffer.baseAddress)
      let checked = UnsafeRawBufferPointer(start: base, count: AtIndexLayout.checkedHeaderSize)
      base.storeBytes(
        of: ByteHash.hash(checked).littleEndian, toByteOffset: AtIndexLayout.checkedHeaderSize,
        as: UInt64.self)
      guard var header = AtIndexLayout.Header(loadingFrom: base, size: buffer.count) else { return }
      AtIndexBuilder.seal(base, header: &header)
    }
  }

  /// Changes one letter of an event line's `publication` in place: the same length, still a
  /// valid event, but no longer the line the next one's `prev` names.
  static func changeLineInPlace(_ seq: Int, of path: String) throws {
    var bytes = try FileIO.readAll(path: path)
    let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    let key = Array(#""publication":""#.utf8)
    let start = lineStarts[seq]
    let at = try #require(
      (start..<lineStarts[seq + 1] - key.count).first {
        Array(bytes[$0..<$0 + key.count]) == key
      })
    bytes[at + key.count] ^= 0x20
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }
}

extension ScratchLog {
  /// A log of Syria with Aleppo and Homs inside it (all in Asia/Damascus), holding a pause `p1`
  /// in Aleppo from 4 November 2016 09:00 to 6 November 19:00 (declared by `p1-declared`), then
  /// `events`; read whole and indexed beside the log. The caller removes the log.
  static func indexedAleppoPause(then events: [JSONObject]) throws -> (ScratchLog, EventLog) {
    let log = try ScratchLog(areas: [
      "syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria",
      "homs=Asia/Damascus,parent=syria",
    ])
    do {
      let declaration = try ScratchLog.event(
        "p1-declared", "pause.declared",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
      )
      for event in [declaration] + events { _ = try log.appender.append(event) }
      let whole = try EventLog.read(path: log.path)
      _ = try AtIndexing.write(for: whole, path: log.path)
      return (log, whole)
    } catch {
      log.remove()
      throw error
    }
  }
}
