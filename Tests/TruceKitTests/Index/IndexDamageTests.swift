import Foundation
import Testing

@testable import TruceKit

@Suite("A damaged at-index: every block checked before it is read")
struct IndexDamageTests {
  /// A question put to the index, with its answer in a form to compare; `nil` when the index
  /// leaves it to the whole log.
  struct Question {
    var label: String
    var ask: (IndexedLogReader) -> AnyHashable?
  }

  /// Questions that between them read every section of the index: `at` (with and without an
  /// as-of moment, and of one area in full), listings by type, area, time, actor and as-of
  /// moment, replays, the calendar, timelines, a fitted span, `show` and the ids like an
  /// unknown one.
  static func questions(of log: EventLog) throws -> [Question] {
    let zone = try #require(log.areas.zones.first)
    let area = try #require(log.areas.areas.last)
    let events = log.events
    let first = try #require(events.first?.announced.range.earliest)
    let last = try #require(events.last?.announced.range.earliest)
    let middle = Instant(
      secondsSinceEpoch: (first.secondsSinceEpoch + last.secondsSinceEpoch) / 2)
    let week = middle.adding(seconds: 7 * 86_400)
    func at(_ instant: Instant, asOf: Instant? = nil, area: Area? = nil) throws -> Question {
      var query = AtQuery(
        moment: try Moment(parsing: instant.iso8601, zone: zone),
        asOf: try asOf.map { try Moment(parsing: $0.iso8601, zone: zone) }, area: area,
        zone: zone)
      if area != nil { query.contextLimit = nil }
      return Question(label: "at \(instant) as of \(String(describing: asOf))") { reader in
        reader.answer(query).map { AtJSONRenderer(logFile: log.file).render($0) }
      }
    }
    func listing(_ label: String, _ filter: EventFilter) -> Question {
      Question(label: "log \(label)") { $0.events(matching: filter) }
    }
    func replay(_ label: String, _ filter: EventFilter) -> Question {
      Question(label: "replay \(label)") { $0.log(forReplay: filter)?.events }
    }
    let actor = try #require(events.first?.announcedBy.first)
    let shown = [events[0], events[events.count / 3], events[events.count - 1]].map(\.id)
    return [
      try at(middle), try at(first.adding(seconds: 86_400)), try at(last),
      try at(middle, asOf: middle.adding(seconds: -30 * 86_400)),
      try at(middle, area: area),
      listing("statements", EventFilter(types: ["statement"])),
      listing("area", EventFilter(area: area)),
      listing("week", EventFilter(from: middle, to: week)),
      listing("actor", EventFilter(actors: [actor])),
      listing("as of", EventFilter(asOf: middle)),
      replay("week", EventFilter(from: middle, to: week)),
      replay("actor", EventFilter(actors: [actor])),
      Question(label: "calendar") { reader in
        reader.log(forCalendarFrom: middle, to: week).map {
          [AnyHashable($0.log.events), AnyHashable($0.items)]
        }
      },
      Question(label: "timeline") { reader in
        reader.log(forTimelineFrom: middle, to: week).map {
          [AnyHashable($0.log.events), AnyHashable($0.items)]
        }
      },
      Question(label: "fitted span") { reader in
        reader.fittedTimelineSpan(from: middle, to: nil, area: nil, asOf: week)
      },
      Question(label: "area") { $0.log(forArea: area, events: true)?.events },
    ]
      + shown.map { id in Question(label: "show \(id)") { $0.log(showing: id)?.events } }
      + [
        Question(label: "similar ids") {
          $0.similarEventIDs(toUnknown: shown[1] + "x", limit: 5)
        }
      ]
  }

  @Test(
    "A byte flipped anywhere in the index never changes an answer: the index is left to the whole log, and is no longer current"
  )
  func flippedBytes() throws {
    let history = try IndexedLogScratch(events: 800, areas: 5, seed: 23)
    defer { history.remove() }
    let path = try history.prefix(800, named: "log.jsonl", indexed: false)
    let (log, intactReader) = try IndexedAnswers.indexed(path)
    let questions = try Self.questions(of: log)
    let intact = questions.map { $0.ask(intactReader) }
    // Most questions are answered from the intact index.
    #expect(intact.filter { $0 != nil }.count >= questions.count - 2)
    let indexPath = AtIndex.path(forLog: path)
    let original = try FileIO.readAll(path: indexPath)
    let header = try AtIndex(forLog: path).header
    // Bytes in every block, and at each section's first and last byte.
    var random = SplitMix64(seed: 7)
    var offsets = Set(
      stride(from: 0, to: original.count, by: IndexBlocks.size).map { block in
        block + Int(random.next() % UInt64(min(IndexBlocks.size, original.count - block)))
      })
    for start in [
      0, AtIndexLayout.headerSize, header.linesOffset, header.namesOffset, header.eventsOffset,
      header.ordersOffset, header.linksOffset, header.eventIDsOffset, header.announcersOffset,
      header.announcerNamesOffset, header.announcedOffset, header.blocksOffset,
      original.count,
    ] where start > 0 {
      offsets.insert(start - 1)
      if start < original.count { offsets.insert(start) }
    }
    var refused = 0
    var answered = 0
    for offset in offsets.sorted() {
      var damaged = original
      damaged[offset] ^= 1 << UInt8(offset % 8)
      try Data(damaged).write(to: URL(fileURLWithPath: indexPath))
      #expect(!AtIndexing.isCurrent(for: log, path: path), "byte \(offset)")
      guard IndexedLogReader(path: path) != nil else {
        refused += questions.count
        continue
      }
      // The header and the checksums' table are checked when the index is opened.
      #expect(offset >= AtIndexLayout.headerSize && offset < header.blocksOffset, "byte \(offset)")
      // A reader that found damage gives up on the index: each question has its own.
      for (question, expected) in zip(questions, intact) {
        let reader = try #require(IndexedLogReader(path: path))
        guard let found = question.ask(reader) else {
          refused += 1
          continue
        }
        answered += 1
        // Compared apart, so that a difference is named without printing both answers whole.
        let same = found == expected
        #expect(same, "byte \(offset): \(question.label)")
      }
    }
    try Data(original).write(to: URL(fileURLWithPath: indexPath))
    #expect(AtIndexing.isCurrent(for: log, path: path))
    print("flipped bytes: \(offsets.count); answers refused \(refused), answered \(answered)")
    // Each question reads only some blocks: the others' damage does not concern it.
    #expect(refused > offsets.count && answered > offsets.count)
  }

  @Test(
    "A block's checksum changes with any bit flipped, in whole words and in the bytes after them",
    arguments: [0, 1, 7, 8, 31, 32, 33, 60, 64, 100, 4096])
  func checksumSeesEveryBit(length: Int) {
    var random = SplitMix64(seed: UInt64(length) + 1)
    let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let checksum = bytes.withUnsafeBytes { IndexBlocks.checksum($0) }
    #expect(bytes.withUnsafeBytes { IndexBlocks.checksum($0) } == checksum)
    var differing = 0
    for bit in stride(from: 0, to: length * 8, by: length > 100 ? 61 : 1) {
      var flipped = bytes
      flipped[bit / 8] ^= 1 << UInt8(bit % 8)
      if flipped.withUnsafeBytes({ IndexBlocks.checksum($0) }) != checksum { differing += 1 }
    }
    #expect(differing == (0..<length * 8).filter { $0 % (length > 100 ? 61 : 1) == 0 }.count)
    // A byte more, even a zero, is other bytes.
    #expect((bytes + [0]).withUnsafeBytes { IndexBlocks.checksum($0) } != checksum)
  }

  /// A generated history of 300 events, read whole and indexed; the caller removes it.
  static func smallIndexedHistory() throws -> (IndexedLogScratch, path: String) {
    let history = try IndexedLogScratch(events: 300, areas: 3, seed: 4)
    let path = try history.prefix(300, named: "log.jsonl", indexed: false)
    _ = try IndexedAnswers.indexed(path)
    return (history, path)
  }

  @Test("The blocks' checksums cover the bytes between the header and the table, block by block")
  func checksumsCoverBlocks() throws {
    let (history, path) = try Self.smallIndexedHistory()
    defer { history.remove() }
    let bytes = try FileIO.readAll(path: AtIndex.path(forLog: path))
    let header = try AtIndex(forLog: path).header
    let covered = header.blocksOffset - AtIndexLayout.headerSize
    #expect(header.blockCount == (covered + IndexBlocks.size - 1) / IndexBlocks.size)
    #expect(bytes.count == header.blocksOffset + 8 * header.blockCount)
    for block in 0..<header.blockCount {
      let start = AtIndexLayout.headerSize + block * IndexBlocks.size
      let end = min(start + IndexBlocks.size, header.blocksOffset)
      let stored = bytes.withUnsafeBytes {
        UInt64(
          littleEndian: $0.loadUnaligned(
            fromByteOffset: header.blocksOffset + 8 * block, as: UInt64.self))
      }
      #expect(
        bytes[start..<end].withUnsafeBytes { IndexBlocks.checksum($0) } == stored, "\(block)")
    }
  }

  @Test(
    "A read past the blocks, or into the header, marks the index damaged; reads within them do not")
  func readsOutsideTheBlocks() throws {
    let (history, path) = try Self.smallIndexedHistory()
    defer { history.remove() }
    let index = try AtIndex(forLog: path)
    index.blocks.check(AtIndexLayout.headerSize, count: IndexBlocks.size + 1)
    index.blocks.check(index.header.blocksOffset - 1, count: 1)
    #expect(!index.isDamaged)
    index.blocks.check(index.header.blocksOffset - 1, count: 2)
    #expect(index.isDamaged)
    let other = try AtIndex(forLog: path)
    other.blocks.check(AtIndexLayout.headerSize - 1, count: 1)
    #expect(other.isDamaged)
    #expect(try AtIndex(forLog: path).blocks.checkAll())
  }
}
