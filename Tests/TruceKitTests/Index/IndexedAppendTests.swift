import Foundation
import Testing

@testable import TruceKit

/// Appends checked through the index beside the log against appends that read the whole log:
/// the same lines written, the same events refused with the same errors.
@Suite("Appending through the index")
struct IndexedAppendTests {
  @Test(
    "A generated history appended line by line through the index is written byte for byte, and its index matches a fresh one",
    .timeLimit(.minutes(5)))
  func historyAppendedThroughIndex() throws {
    let history = try IndexedLogScratch(events: 900, areas: 8, seed: 5)
    defer { history.remove() }
    let path = try history.prefix(150, named: "log.jsonl", indexed: true)
    let capacityBefore = try LogIndex(forLog: path).header.capacity
    for line in 151..<history.lines.count {
      let outcome = IndexedLogScratch.appendThroughIndex(try history.event(line), to: path)
      guard case .success(.appended(let seq, _))? = outcome else {
        Issue.record("line \(line): \(String(describing: outcome))")
        return
      }
      #expect(seq == line)
      if line % 250 == 0 || line == history.lines.count - 1 {
        let records = try IndexedLogScratch.records(besideLog: path)
        #expect(records.kept == records.fresh, "after line \(line)")
      }
    }
    let written = try FileIO.readAll(path: path)
    #expect(written == Array(history.lines.joined(separator: [0x0A])) + [0x0A])
    // The table grew on the way, and the log it indexes still verifies.
    #expect(try LogIndex(forLog: path).header.capacity > capacityBefore)
    _ = try EventLog.read(path: path, options: .verifying)
  }

  @Test(
    "Events that break the log's rules are refused through the index exactly as when the whole log is read",
    .timeLimit(.minutes(5)))
  func refusalsMatchReadingWholeLog() throws {
    let history = try IndexedLogScratch(events: 900, areas: 6, seed: 11)
    defer { history.remove() }
    var random = SplitMix64(seed: 2016)
    var kinds: [String: Int] = [:]
    for start in [40, 300, 700] {
      let base = try history.prefix(start, named: "base-\(start).jsonl", indexed: true)
      for trial in 0..<60 {
        let object = try candidate(trial, after: start, in: history, random: &random)
        let indexed = try history.copy(base, to: "indexed.jsonl")
        let whole = try history.copy(base, to: "whole.jsonl")
        try FileManager.default.removeItem(atPath: whole + ".index")
        let throughIndex = IndexedLogScratch.appendThroughIndex(object, to: indexed)
        let readingAll = IndexedLogScratch.appendReadingWholeLog(object, to: whole)
        guard let throughIndex else {
          Issue.record("the index was not usable at \(start), trial \(trial)")
          continue
        }
        #expect(
          "\(throughIndex)" == "\(readingAll)", "prefix \(start), trial \(trial): \(object)")
        #expect(try FileIO.readAll(path: indexed) == FileIO.readAll(path: whole))
        switch readingAll {
        case .success(let outcome):
          kinds["\(outcome)".prefix(while: { $0 != "(" }) + "", default: 0] += 1
        case .failure(let error):
          let kind = "\(error)".replacingOccurrences(
            of: "'[^']*'|\\d+", with: "…", options: .regularExpression)
          kinds[String(kind.prefix(60)), default: 0] += 1
        }
      }
    }
    print("indexed append trials, by outcome: \(kinds.sorted { $0.key < $1.key })")
    // The trials cover acceptance, idempotence, conflicts and many kinds of refusal.
    #expect(kinds.keys.contains("appended"))
    #expect(kinds.keys.contains("alreadyPresent"))
    #expect(kinds.count > 8, "\(kinds)")
  }

  /// How the append index is damaged in a trial.
  enum IndexDamage: String, CaseIterable, CustomTestStringConvertible {
    /// A bit flipped in the header or in the record of a name the event gives.
    case flippedBit
    /// That record zeroed, as an empty slot is.
    case zeroedRecord
    /// That record swapped with another slot's, each with its checksum.
    case swappedRecords
    /// The log one line ahead of the index, and a bit flipped in the slot where a name of that
    /// line would go: the append catches up first.
    case behindAndFlipped
    var testDescription: String { rawValue }
  }

  @Test(
    "A damaged append index (a bit flipped, a record zeroed or moved, the log ahead of it) never changes an append's verdict",
    .timeLimit(.minutes(5)), arguments: IndexDamage.allCases)
  func damagedIndexVerdicts(_ damage: IndexDamage) throws {
    let history = try IndexedLogScratch(events: 900, areas: 6, seed: 11)
    defer { history.remove() }
    var random = SplitMix64(seed: 77)
    let start = 300
    let base = try history.prefix(start, named: "base.jsonl", indexed: true)
    let intact = try FileIO.readAll(path: LogIndex.path(forLog: base))
    let header = try LogIndex(forLog: base, writable: false).header
    let capacity = Int(header.capacity)
    func hash(atSlot slot: Int) -> UInt64 {
      intact.withUnsafeBytes {
        UInt64(
          littleEndian: $0.loadUnaligned(
            fromByteOffset: IndexHeader.size + slot * NameRecord.size, as: UInt64.self))
      }
    }
    /// Where the slot of a name is, or the empty slot where it would go.
    func slot(of name: String) -> (slot: Int, found: Bool) {
      let wanted = NameHash.of(name)
      var slot = Int(truncatingIfNeeded: wanted) & (capacity - 1)
      while hash(atSlot: slot) != 0 && hash(atSlot: slot) != wanted {
        slot = (slot + 1) & (capacity - 1)
      }
      return (slot, hash(atSlot: slot) == wanted)
    }
    func names(of object: JSONObject) -> [String] {
      object.values.flatMap { value -> [String] in
        if let text = value.stringValue { return [text] }
        return value.arrayValue?.compactMap(\.stringValue) ?? []
      }
    }
    let used = (0..<capacity).filter { hash(atSlot: $0) != 0 }
    var refused = 0
    for trial in 0..<40 {
      let object = try candidate(trial, after: start, in: history, random: &random)
      let indexed = try history.copy(base, to: "indexed.jsonl")
      let whole = try history.copy(base, to: "whole.jsonl")
      try FileManager.default.removeItem(atPath: whole + ".index")
      var targets = names(of: object).map(slot(of:)).filter(\.found).map(\.slot)
      if damage == .behindAndFlipped {
        // The next line of the history, written without the index, to both logs.
        let next = try history.event(start + 1)
        for path in [indexed, whole] {
          _ = try IndexedLogScratch.appendReadingWholeLog(next, to: path).get()
        }
        targets = names(of: next).map(slot(of:)).map(\.slot)
      }
      var damaged = intact
      func recordStart(_ slot: Int) -> Int { IndexHeader.size + slot * NameRecord.size }
      let target = targets.isEmpty ? nil : targets[Int(random.next() % UInt64(targets.count))]
      switch (damage, target) {
      case (.flippedBit, nil),
        (.flippedBit, _) where trial % 5 == 0:
        damaged[Int(random.next() % UInt64(IndexHeader.size))] ^= 1 << UInt8(random.next() % 8)
      case (.flippedBit, let slot?), (.behindAndFlipped, let slot?):
        damaged[recordStart(slot) + Int(random.next() % UInt64(NameRecord.size))] ^=
          1 << UInt8(random.next() % 8)
      case (.zeroedRecord, let slot?):
        damaged.replaceSubrange(
          recordStart(slot)..<recordStart(slot) + NameRecord.size,
          with: [UInt8](repeating: 0, count: NameRecord.size))
      case (.swappedRecords, let slot?):
        let other = used.filter { $0 != slot }[Int(random.next() % UInt64(used.count - 1))]
        let first = Array(damaged[recordStart(slot)..<recordStart(slot) + NameRecord.size])
        damaged.replaceSubrange(
          recordStart(slot)..<recordStart(slot) + NameRecord.size,
          with: damaged[recordStart(other)..<recordStart(other) + NameRecord.size])
        damaged.replaceSubrange(
          recordStart(other)..<recordStart(other) + NameRecord.size, with: first)
      case (_, nil): continue
      }
      try Data(damaged).write(to: URL(fileURLWithPath: LogIndex.path(forLog: indexed)))
      let readingAll = IndexedLogScratch.appendReadingWholeLog(object, to: whole)
      var throughIndex = IndexedLogScratch.appendThroughIndex(object, to: indexed)
      if throughIndex == nil {
        refused += 1
        // What `truce append` then does: the whole log, and the index built again.
        throughIndex = Result { () throws(WriteError) in
          try IndexedLogScratch.appender(indexed, usesIndex: true).append(
            object, source: "the event")
        }
        let records = try IndexedLogScratch.records(besideLog: indexed)
        #expect(records.kept == records.fresh, "trial \(trial)")
      }
      #expect(
        "\(throughIndex.map { "\($0)" } ?? "")" == "\(readingAll)", "trial \(trial): \(object)")
      #expect(try FileIO.readAll(path: indexed) == FileIO.readAll(path: whole), "trial \(trial)")
    }
    print("appends with the index damaged (\(damage)): 40, the index refused in \(refused)")
    // Most damage is in what the append reads: the index is not used.
    #expect(refused > 15)
  }

  @Test("A table that grows checks every record it copies: a damaged one is not sealed again")
  func growingChecksEveryRecord() throws {
    let history = try IndexedLogScratch(events: 800, areas: 6, seed: 3)
    defer { history.remove() }
    let path = try history.prefix(300, named: "log.jsonl", indexed: true)
    let index = try LogIndex(forLog: path)
    let capacity = Int(index.header.capacity)
    // Before the damage, every record reads.
    #expect(try !index.table.records().isEmpty)
    // A bit flipped in the last used slot, which no lookup of the next events passes (checked
    // below): only the copy as the table grows reads it.
    var bytes = try FileIO.readAll(path: LogIndex.path(forLog: path))
    let last = try #require(
      (0..<capacity).last { slot in
        bytes.withUnsafeBytes {
          $0.loadUnaligned(
            fromByteOffset: IndexHeader.size + slot * NameRecord.size, as: UInt64.self)
        } != 0
      })
    bytes[IndexHeader.size + last * NameRecord.size + 20] ^= 4
    try Data(bytes).write(to: URL(fileURLWithPath: LogIndex.path(forLog: path)))
    #expect(throws: IndexMismatch.self) { try LogIndex(forLog: path).table.records() }
    // Appending until the table has grown: every verdict stays the whole log's, and the index
    // ends equal to a fresh one.
    let whole = try history.copy(path, to: "whole.jsonl")
    try FileManager.default.removeItem(atPath: whole + ".index")
    var grownAt: Int?
    for next in 301...800 where grownAt.map({ next <= $0 + 3 }) ?? true {
      let event = try history.event(next)
      let expected = IndexedLogScratch.appendReadingWholeLog(event, to: whole)
      let found = Result { () throws(WriteError) in
        try IndexedLogScratch.appender(path, usesIndex: true).append(event, source: "the event")
      }
      #expect("\(found)" == "\(expected)", "line \(next)")
      if grownAt == nil, let index = try? LogIndex(forLog: path),
        index.header.capacity > UInt64(capacity)
      {
        grownAt = next
      }
    }
    #expect(grownAt != nil, "the table never grew")
    #expect(try FileIO.readAll(path: path) == FileIO.readAll(path: whole))
    let records = try IndexedLogScratch.records(besideLog: path)
    #expect(records.kept == records.fresh)
    #expect(try LogIndex(forLog: path).header.capacity > UInt64(capacity))
  }

  /// An event to try appending after the first `start` events: one from later in the history
  /// (which may refer to what is not declared yet; some of them corrections, suspensions and
  /// closures), an earlier one again (the same or changed), or the next one with a field
  /// dropped, replaced or moved far back in time.
  private func candidate(
    _ trial: Int, after start: Int, in history: IndexedLogScratch, random: inout SplitMix64
  ) throws -> JSONObject {
    let count = history.lines.count - 1
    func pick(_ range: Range<Int>) -> Int {
      range.lowerBound + Int(random.next() % UInt64(range.count))
    }
    /// An event of one of `types`, from `range`, under a fresh id.
    func clone(_ types: Set<String>, from range: Range<Int>) throws -> JSONObject {
      var object = try history.event(range.lowerBound)
      for _ in 0..<300 {
        object = try history.event(pick(range))
        if let type = object["type"]?.stringValue, types.contains(type) { break }
      }
      object["id"] = .string("fresh-\(trial)")
      return object
    }
    var object = try history.event(start + 1)
    switch trial % 10 {
    case 0: object = try history.event(pick(start + 1..<count + 1))
    case 1: object = try history.event(pick(1..<start + 1))
    case 2:
      object = try history.event(pick(1..<start + 1))
      object["note"] = .string("changed")
    case 3:
      let keys = object.keys.filter { $0 != "id" }
      object[keys[pick(0..<keys.count)]] = nil
    case 4:
      let other = try history.event(pick(1..<count + 1))
      let shared = object.keys.filter { other[$0] != nil && $0 != "id" }
      let key = shared[pick(0..<shared.count)]
      object[key] = other[key]
    case 5:
      // A suspension, resumption or end reported again: suspension rules, and times before
      // the pause began.
      object = try clone(["pause.suspended", "pause.resumed", "pause.ended"], from: 1..<start + 1)
      if trial % 20 == 5 { object["at"] = .string("2001-01-01") }
    case 6:
      // Corrections, suspensions and closures from later on, whose targets may not exist yet.
      object = try clone(
        [
          "correction.erratum", "correction.retraction", "pause.suspended", "pause.resumed",
          "corridor.closed",
        ], from: start + 1..<count + 1)
    case 7:
      // Something about what the log holds, announced long before any of it.
      object = try clone(
        ["pause.extended", "pause.ended", "corridor.closed", "offensive.ended", "statement"],
        from: 1..<start + 1)
      object["announced"] = .string("2001-01-01")
    case 8:
      // An erratum of a correction, or of an event already amended.
      object = try clone(["correction.erratum"], from: 1..<start + 1)
      if trial % 20 == 8 {
        let target = try clone(
          ["correction.erratum", "correction.retraction"], from: 1..<start + 1)
        object["corrects"] = try history.event(pick(1..<start + 1))["id"]
        if let id = target["id"], trial % 40 == 8 { object["corrects"] = id }
      }
    default:
      object["announced"] = .string("2001-01-01")
    }
    return object
  }

  @Test(
    "A line changed in place just before the last one is refused through the index as when the whole log is read"
  )
  func lineChangedInPlace() throws {
    let history = try IndexedLogScratch(events: 200, areas: 4, seed: 6)
    defer { history.remove() }
    let path = try history.prefix(150, named: "log.jsonl", indexed: true)
    try IndexedLogScratch.changeLineInPlace(149, of: path)
    #expect(IndexedLogScratch.appendThroughIndex(try history.event(151), to: path) == nil)
    let whole = try history.copy(path, to: "whole.jsonl")
    try FileManager.default.removeItem(atPath: whole + ".index")
    let event = try history.event(151)
    let throughIndex = Result { () throws(WriteError) in
      try IndexedLogScratch.appender(path, usesIndex: true).append(event)
    }
    let readingAll = IndexedLogScratch.appendReadingWholeLog(event, to: whole)
    guard case .failure(.log(let error)) = readingAll else {
      Issue.record("reading the whole log accepted it: \(readingAll)")
      return
    }
    #expect(error.problem.description.contains("does not match the line before it"))
    #expect(
      "\(throughIndex)"
        == "\(readingAll)".replacingOccurrences(of: "whole.jsonl", with: "log.jsonl"))
  }

  @Test("An index left behind by appends made without it catches up, line by line")
  func indexCatchesUp() throws {
    let history = try IndexedLogScratch(events: 400, areas: 6, seed: 3)
    defer { history.remove() }
    let path = try history.prefix(300, named: "log.jsonl", indexed: true)
    for line in 301...310 {
      _ = try IndexedLogScratch.appendReadingWholeLog(history.event(line), to: path).get()
    }
    #expect(try LogIndex(forLog: path).header.eventCount == 300)
    let outcome = IndexedLogScratch.appendThroughIndex(try history.event(311), to: path)
    guard case .success(.appended(311, _))? = outcome else {
      Issue.record("\(String(describing: outcome))")
      return
    }
    let records = try IndexedLogScratch.records(besideLog: path)
    #expect(records.kept == records.fresh)
    #expect(try LogIndex(forLog: path).header.eventCount == 311)
  }

  @Test(
    "An index that is damaged, half-updated, written before a restart, or no longer matches the log is not used, and the next append rebuilds it",
    arguments: [
      "garbage", "cut", "updating", "other boot", "header changed", "log cut short", "log replaced",
    ])
  func untrustedIndexIsRebuilt(_ damage: String) throws {
    let history = try IndexedLogScratch(events: 200, areas: 4, seed: 8)
    defer { history.remove() }
    var path = try history.prefix(150, named: "log.jsonl", indexed: true)
    let indexPath = LogIndex.path(forLog: path)
    var next = 151
    switch damage {
    case "garbage":
      var bytes = try FileIO.readAll(path: indexPath)
      for position in stride(from: 0, to: bytes.count, by: 97) { bytes[position] ^= 0x5A }
      try Data(bytes).write(to: URL(fileURLWithPath: indexPath))
    case "cut":
      let bytes = try FileIO.readAll(path: indexPath)
      try Data(bytes.prefix(bytes.count / 2)).write(to: URL(fileURLWithPath: indexPath))
    case "updating", "other boot":
      let index = try LogIndex(forLog: path)
      var header = index.header
      if damage == "updating" { header.state = .updating } else { header.boot[3] ^= 1 }
      header.store(to: index.file.base)
    case "header changed":
      // An area renamed in the header line: the lines after it are as indexed, the header not.
      var bytes = try FileIO.readAll(path: path)
      let key = Array(#""name":""#.utf8)
      let at = try #require(
        (0..<bytes.count - key.count).first { Array(bytes[$0..<$0 + key.count]) == key })
      bytes[at + key.count] ^= 0x20
      try Data(bytes).write(to: URL(fileURLWithPath: path))
    case "log cut short":
      // What `truce verify --repair` leaves after a lost line: a shorter log and head.
      _ = try history.prefix(149, named: "short.jsonl", indexed: false)
      for suffix in ["", ".head"] {
        try FileManager.default.removeItem(atPath: path + suffix)
        try FileManager.default.moveItem(
          atPath: history.scratch.path("short.jsonl") + suffix, toPath: path + suffix)
      }
      next = 150
    default:
      // Another log under the same name, longer than the old one.
      let other = try IndexedLogScratch(events: 200, areas: 4, seed: 9)
      defer { other.remove() }
      let replacement = try other.prefix(160, named: "other.jsonl", indexed: false)
      path = try other.copy(replacement, to: "moved.jsonl")
      try FileManager.default.copyItem(atPath: indexPath, toPath: path + ".index")
      let outcome = IndexedLogScratch.appendThroughIndex(try other.event(161), to: path)
      #expect(outcome == nil)
      _ = try IndexedLogScratch.appendReadingWholeLog(try other.event(161), to: path).get()
      return
    }
    #expect(IndexedLogScratch.appendThroughIndex(try history.event(next), to: path) == nil)
    let appended = try IndexedLogScratch.appender(path, usesIndex: true).append(
      try history.event(next))
    #expect(appended.seq == next)
    let records = try IndexedLogScratch.records(besideLog: path)
    #expect(records.kept == records.fresh)
    #expect(
      IndexedLogScratch.appendThroughIndex(try history.event(next + 1), to: path) != nil)
  }
}

extension LogAppender.Outcome {
  /// The sequence number the outcome names.
  var seq: Int {
    switch self {
    case .appended(let seq, _), .appendedHeadStale(let seq, _, _), .alreadyPresent(let seq):
      return seq
    }
  }
}
