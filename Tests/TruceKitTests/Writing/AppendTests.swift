import Foundation
import Testing

@testable import TruceKit

@Suite("Appending to a log")
struct AppendTests {
  @Test(
    "init writes the header and a head for seq 0; append adds one chained line and moves the head")
  func initAndAppend() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    let header = try log.bytes()
    #expect(
      try LogHead.read(forLog: log.path)
        == LogHead(seq: 0, hash: SHA256.hash(header.dropLast()), length: header.count))
    let outcome = try log.appender.append(
      try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#))
    let bytes = try log.bytes()
    let lines = bytes.split(separator: UInt8(ascii: "\n"))
    #expect(lines.count == 2)
    let line = String(decoding: lines[1], as: UTF8.self)
    #expect(line.hasPrefix(#"{"seq":1,"id":"p","type":"pause.declared","#))
    #expect(line.hasSuffix(#","prev":"\#(SHA256.hash(lines[0]).hex)"}"#))
    #expect(line.contains(#""recorded":{"at":"2026-11-18T"#))
    #expect(outcome == .appended(seq: 1, hash: SHA256.hash(lines[1])))
    #expect(try LogVerifier.verify(path: log.path).events == 1)
  }

  @Test("Appending the same event again writes nothing; the same id with other content is refused")
  func idempotence() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    let event = try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#)
    _ = try log.appender.append(event)
    let before = try log.bytes()
    let later = LogAppender(path: log.path, recordedBy: "someone else", now: { Instant.now() })
    #expect(try later.append(event) == .alreadyPresent(seq: 1))
    #expect(try log.bytes() == before)
    let changed = try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"ceasefire""#)
    #expect(throws: WriteError.conflictingID(id: "p", seq: 1)) { try log.appender.append(changed) }
    #expect(try log.bytes() == before)
  }

  @Test("--expect-seq fails cleanly when someone else appended first")
  func expectedSeq() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    _ = try log.appender.append(
      try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#), expectedSeq: 1)
    let next = try ScratchLog.event("s", "statement", #""kind":"claim""#)
    #expect(throws: WriteError.unexpectedSeq(expected: 2 - 1, next: 2)) {
      try log.appender.append(next, expectedSeq: 1)
    }
    #expect(
      try log.appender.append(next, expectedSeq: 2)
        == .appended(seq: 2, hash: SHA256.hash(try log.bytes().split(separator: 10)[2])))
  }

  @Test(
    "An invalid event is refused and nothing is written",
    arguments: [
      (
        #""pause":"nope","end":"2016-11-05""#, "pause.extended",
        "field 'pause': no pause 'nope' was declared earlier"
      ),
      (
        #""pause":"p","end":"2016-11-01""#, "pause.extended",
        "field 'end': 2016-11-01 is before pause 'p' began"
      ),
      (
        #""pause":"p","end":"2016-02-30""#, "pause.extended",
        "field 'end': '2016-02-30' is not a date in the calendar"
      ),
      (
        #""corridor":"c","pause":"ghost","users":["civilians"]"#, "corridor.opened",
        "no pause 'ghost' was declared earlier"
      ),
    ])
  func invalidEvent(fields: String, type: String, message: String) throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 1)
    let before = try log.bytes()
    let headBefore = try log.headBytes()
    do {
      _ = try log.appender.append(try ScratchLog.event("x", type, fields))
      Issue.record("appended an invalid event")
    } catch let error as WriteError {
      #expect(error.description.contains(message), "\(error)")
      #expect(error.description.hasPrefix("the event: field"))
    }
    #expect(try log.bytes() == before)
    #expect(try log.headBytes() == headBefore)
  }

  @Test("An event announced before anything the log holds about what it refers to is refused")
  func announcedBeforeItsSubject() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 1)
    let early = try ScratchLog.event(
      "x", "pause.extended", announced: "2016-10-01", #""pause":"p","end":"2016-11-05""#)
    #expect(throws: WriteError.self) { try log.appender.append(early) }
  }

  @Test("seq and prev are assigned by append, never taken from the input")
  func assignedFields() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    var event = try ScratchLog.event("p", "pause.declared", #""pause":"p","kind":"pause""#)
    event["seq"] = 9
    #expect(
      throws: WriteError.input("the event: the event must not carry 'seq': append assigns it")
    ) {
      try log.appender.append(event)
    }
  }

  @Test("A log with a torn last line, or a head that does not match, is not appended to")
  func refusesDamagedLogs() throws {
    let log = try ScratchLog()
    defer { log.remove() }
    try log.fill(count: 2)
    let good = try log.bytes()
    try log.write(good + Array(#"{"seq":3,"id":"half"#.utf8))
    #expect(throws: WriteError.tornTail(line: 4)) {
      try log.appender.append(try ScratchLog.event("s9", "statement", #""kind":"claim""#))
    }
    try log.write(
      Array(
        good[..<(good.count - 1)].split(separator: 10, omittingEmptySubsequences: false).dropLast()
          .joined(separator: [10])) + [10])
    #expect(throws: WriteError.head(.ahead(headSeq: 2, logSeq: 1))) {
      try log.appender.append(try ScratchLog.event("s9", "statement", #""kind":"claim""#))
    }
  }
}
