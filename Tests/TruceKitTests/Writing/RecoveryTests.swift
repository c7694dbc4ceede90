import Foundation
import Testing

@testable import TruceKit

@Suite("Crash recovery and tamper detection")
struct RecoveryTests {
  /// The offsets just past each line's newline.
  private func lineEnds(_ bytes: [UInt8]) -> [Int] {
    bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
  }

  @Test(
    "A write cut at any byte of the last events: verify reports the tear, repair leaves the complete prefix"
  )
  func truncationAtEveryOffset() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 6)
    let full = try log.bytes()
    let ends = lineEnds(full)
    // A crash while appending event k leaves the head at event k - 1: cut inside the last
    // three events' lines, with the head they had before.
    var checked = 0
    for k in (ends.count - 3)..<ends.count {
      let lineStart = ends[k - 1]
      let head = LogHead(
        seq: k - 1, hash: SHA256.hash(full[ends[k - 2]..<(lineStart - 1)]), length: lineStart)
      for cut in lineStart..<ends[k] {
        let damaged = Array(full[..<cut])
        try log.write(damaged)
        try log.writeHead(head)
        if cut == lineStart {
          #expect(try LogVerifier.verify(path: log.path).events == k - 1)
          continue
        }
        #expect(throws: LogError(file: log.path, line: k + 1, problem: .tornLastLine)) {
          try LogVerifier.verify(path: log.path)
        }
        let outcome = try LogRepair.repair(path: log.path)
        #expect(outcome.tornBytes == cut - lineStart)
        #expect(try log.bytes() == Array(full[..<lineStart]))
        let side = try #require(outcome.sideFile)
        #expect(
          [UInt8](try Data(contentsOf: URL(fileURLWithPath: side))) == Array(full[lineStart..<cut]))
        try FileManager.default.removeItem(atPath: side)
        #expect(try LogVerifier.verify(path: log.path).events == k - 1)
        checked += 1
      }
    }
    #expect(checked > 300)
  }

  @Test("Repair brings a head left one append behind up to date, and never cuts complete events")
  func laggingHead() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 3)
    let full = try log.bytes()
    let ends = lineEnds(full)
    try log.writeHead(
      LogHead(seq: 2, hash: SHA256.hash(full[ends[1]..<(ends[2] - 1)]), length: ends[2]))
    #expect(throws: LogError.self) { try LogVerifier.verify(path: log.path) }
    let outcome = try LogRepair.repair(path: log.path)
    #expect(outcome.headUpdated && outcome.sideFile == nil)
    #expect(try log.bytes() == full)
    #expect(try LogVerifier.verify(path: log.path).events == 3)
  }

  @Test("Removing the last line or lines is caught by the head, and repair will not hide it")
  func removedLines() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 5)
    let full = try log.bytes()
    let ends = lineEnds(full)
    for removed in 1...3 {
      try log.write(Array(full[..<ends[ends.count - 1 - removed]]))
      #expect(throws: LogError.self) { try LogVerifier.verify(path: log.path) }
      #expect(throws: WriteError.self) { try LogRepair.repair(path: log.path) }
    }
  }

  @Test("A single changed byte anywhere in the bundled log is caught by verify")
  func changedBytes() throws {
    let path = TestLog.repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.jsonl").path
    let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let head = try #require(try LogHead.read(forLog: path))
    #expect(try LogVerifier.verify(bytes: original, head: head, path: path).events > 40)
    let seed = UInt64(ProcessInfo.processInfo.environment["TRUCE_FUZZ_SEED"] ?? "") ?? 20_161_104
    print("changed-byte test seed: \(seed)")
    var generator = SplitMix64(seed: seed)
    let step = max(1, original.count / 400)
    var caught = 0
    for offset in stride(from: 0, to: original.count, by: step) {
      var damaged = original
      let jitter = Int.random(in: 0..<step, using: &generator)
      let index = min(offset + jitter, original.count - 1)
      damaged[index] ^= UInt8.random(in: 1...255, using: &generator)
      do {
        _ = try LogVerifier.verify(bytes: damaged, head: head, path: path)
        Issue.record("a changed byte at \(index) went unnoticed")
      } catch {
        caught += 1
      }
    }
    #expect(caught >= 400)
  }
}

@Suite("What readers check")
struct ReaderCheckTests {
  @Test("Readers check the last complete line's prev, even with a torn line after it")
  func tailCheckedBeforeTornLine() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 3)
    var bytes = try log.bytes()
    // Change one letter of the second-to-last line's note: the line stays valid, but the last
    // line's prev no longer matches it.
    let ends = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
    let secondToLast = String(
      decoding: bytes[ends[ends.count - 3]..<ends[ends.count - 2]], as: UTF8.self)
    let number = try #require(secondToLast.range(of: "number"))
    let offset = secondToLast.utf8.distance(from: secondToLast.startIndex, to: number.lowerBound)
    let index = ends[ends.count - 3] + offset
    #expect(bytes[index] == UInt8(ascii: "n"))
    bytes[index] = UInt8(ascii: "N")
    #expect(throws: Never.self) {
      try EventLog.parse(
        bytes, file: "t", options: ReadOptions(chain: .none, toleratesTornTail: true))
    }
    #expect(throws: LogError.self) { try EventLog.parse(bytes, file: "t", options: .reading) }
    #expect(throws: LogError.self) {
      try EventLog.parse(bytes + Array(#"{"seq":4"#.utf8), file: "t", options: .reading)
    }
  }
}

@Suite("Repair never loses a complete event")
struct RepairSafetyTests {
  @Test("A last line that only lost its newline, as the head proves, gets the newline back")
  func restoresNewline() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 3)
    let full = try log.bytes()
    try log.write(Array(full.dropLast()))
    let outcome = try LogRepair.repair(path: log.path)
    #expect(outcome.newlineRestored && outcome.sideFile == nil)
    #expect(try log.bytes() == full)
    #expect(try LogVerifier.verify(path: log.path).events == 3)
  }

  @Test("When cutting a torn tail would leave complete events missing, repair changes nothing")
  func refusesWithoutChanging() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 3)
    let full = try log.bytes()
    let damaged = Array(full.dropLast(10))
    try log.write(damaged)
    #expect(throws: WriteError.self) { try LogRepair.repair(path: log.path) }
    #expect(try log.bytes() == damaged)
  }

  @Test("Two repairs in the same second keep both side files")
  func uniqueSideFiles() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 2)
    let good = try log.bytes()
    let now = Instant(secondsSinceEpoch: 1_795_000_000)
    var sides: [String] = []
    for tail in [#"{"seq":3,"id":"A"#, #"{"seq":3,"id":"BB"#] {
      try log.write(good + Array(tail.utf8))
      sides.append(try #require(try LogRepair.repair(path: log.path, now: now).sideFile))
    }
    #expect(Set(sides).count == 2)
    #expect(
      try sides.map {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: $0)), as: UTF8.self)
      }
        == [#"{"seq":3,"id":"A"#, #"{"seq":3,"id":"BB"#])
  }

  @Test("A missing head is not rebuilt for a log with events: that could hide removed lines")
  func missingHead() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 2)
    try FileManager.default.removeItem(atPath: LogHead.path(forLog: log.path))
    #expect(throws: WriteError.self) { try LogRepair.repair(path: log.path) }
    #expect(throws: LogError.self) { try LogVerifier.verify(path: log.path) }
  }
}

@Suite("Append against a damaged or unusual log")
struct AppendEdgeTests {
  @Test("A head more than one append behind is refused; one behind is accepted")
  func staleHead() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 1)
    let oneBehind = try #require(try LogHead.read(forLog: log.path))
    _ = try log.appender.append(try ScratchLog.event("a", "statement", #""kind":"claim""#))
    let twoBehind = oneBehind
    let beforeB = try #require(try LogHead.read(forLog: log.path))
    _ = try log.appender.append(try ScratchLog.event("b", "statement", #""kind":"claim""#))
    try log.writeHead(beforeB)
    #expect(
      try log.appender.append(try ScratchLog.event("c", "statement", #""kind":"claim""#))
        != .alreadyPresent(seq: 0))
    #expect(try LogVerifier.verify(path: log.path).events == 4)
    try log.writeHead(twoBehind)
    #expect(throws: WriteError.self) {
      try log.appender.append(try ScratchLog.event("d", "statement", #""kind":"claim""#))
    }
  }

  @Test("Appending through a symbolic link keeps the head beside the real log")
  func symlink() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    let link = log.directory.appendingPathComponent("link.jsonl").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: log.path)
    let appender = LogAppender(path: link, recordedBy: "test")
    _ = try appender.append(
      try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#))
    #expect(!FileManager.default.fileExists(atPath: LogHead.path(forLog: link)))
    #expect(try LogVerifier.verify(path: log.path).events == 1)
    #expect(try LogVerifier.verify(path: link).events == 1)
  }

  @Test("When the head cannot be written, the append still reports the written event")
  func headUnwritable() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try FileManager.default.createDirectory(
      atPath: LogHead.path(forLog: log.path) + ".tmp", withIntermediateDirectories: false)
    let outcome = try log.appender.append(
      try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#))
    guard case .appendedHeadStale(let seq, _, _) = outcome else {
      Issue.record("expected a stale head, got \(outcome)")
      return
    }
    #expect(seq == 1)
    try FileManager.default.removeItem(atPath: LogHead.path(forLog: log.path) + ".tmp")
    #expect(try LogRepair.repair(path: log.path).headUpdated)
    #expect(try LogVerifier.verify(path: log.path).events == 1)
  }

  @Test("A null field counts as absent when comparing an event with one already in the log")
  func nullIsAbsent() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    _ = try log.appender.append(
      try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause","note":null"#))
    #expect(
      try log.appender.append(
        try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#))
        == .alreadyPresent(seq: 1))
  }

  @Test("verify also checks that what an event refers to had been announced by then")
  func verifyChecksAnnouncements() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 1)
    let bytes = try log.bytes()
    let last = try #require(bytes.dropLast().split(separator: UInt8(ascii: "\n")).last)
    let early =
      #"{"seq":2,"id":"x","type":"pause.extended","announced":"2016-10-01","reported":"2016-10-01","#
      + #""recorded":{"at":"2026-11-22T10:00Z","by":"t"},"announcedBy":["x"],"area":"aleppo","#
      + #""source":{"publication":"W"},"pause":"p","end":"2016-11-05","prev":"\#(SHA256.hash(last).hex)"}"#
    let line = Array(early.utf8)
    try log.write(bytes + line + [10])
    try log.writeHead(
      LogHead(seq: 2, hash: SHA256.hash(line), length: bytes.count + line.count + 1))
    #expect(throws: LogError.self) { try LogVerifier.verify(path: log.path) }
  }
}
