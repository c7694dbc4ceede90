import Foundation
import Testing

@testable import TruceKit

/// The index's lists of who announced each event, which `--actor` looks up, against the
/// events themselves.
@Suite("Finding announcers through the index")
struct IndexedAnnouncerTests {
  /// The events whose announcers, as written or as errata make them, `actors` takes.
  static func expectedFlags(_ log: EventLog, _ actors: [String]) -> [Bool] {
    log.events.map { event in
      let versions = [event] + (log.amendments[event.id].map { [$0] } ?? [])
      return versions.contains { version in
        version.announcedBy.contains { name in
          actors.contains { EventFilter.containsWords($0, in: name) }
        }
      }
    }
  }

  /// Every word of every announcer's name (in capitals too), whole names, two names at once,
  /// and words no one's name holds.
  static func actorLists(_ log: EventLog) -> [[String]] {
    let names = Set(log.events.flatMap(\.announcedBy)).sorted()
    let words = Set(names.flatMap { $0.split(separator: " ").map(String.init) }).sorted()
    return words.map { [$0] } + words.prefix(5).map { [$0.uppercased()] } + names.map { [$0] }
      + [[names[0], names[names.count - 1]], ["nobody at all"], ["Nation"]]
  }

  @Test("The index lists under each name the events its announcers bear, in a generated history")
  func generatedHistory() throws {
    let history = try IndexedLogScratch(events: 3_000, areas: 8, seed: 17)
    defer { history.remove() }
    let path = try history.prefix(3_000, named: "log.jsonl", indexed: false)
    let (log, _) = try IndexedAnswers.indexed(path)
    let index = try AtIndex(forLog: path)
    #expect(index.header.announcerCount > 10)
    for actors in Self.actorLists(log) {
      let flags = try #require(try index.events(announcedByAnyOf: actors))
      let expected = Self.expectedFlags(log, actors)
      #expect(flags.count == expected.count)
      let differing = flags.indices.filter { $0 < expected.count && flags[$0] != expected[$0] }
      #expect(differing.isEmpty, "\(actors): events \(differing.prefix(5)) differ")
    }
    #expect(try index.events(announcedByAnyOf: []) == nil)
    // A replay of one announcer's events reads a small part of the log.
    let reader = try #require(IndexedLogReader(path: path))
    let filter = EventFilter(actors: ["Reuters"])
    let subset = try #require(reader.log(forReplay: filter))
    #expect(subset.events.count * 4 < log.events.count)
    IndexedAnswers.expectSame(
      IndexedReplayTests.outputs(subset, filter), as: IndexedReplayTests.outputs(log, filter),
      "Reuters")
  }

  /// A log whose erratum gives a report another announcer, and an event with two.
  static func renamedAnnouncer(in log: ScratchLog) throws -> (EventLog, IndexedLogReader) {
    try IndexedAnswers.indexed(
      [
        try ScratchLog.event(
          "d1", "pause.declared", announced: "2016-10-01T08:00Z",
          #""pause":"p1","kind":"pause","window":{"start":"2016-11-10T12:00Z"}"#),
        try ScratchLog.event(
          "d2", "pause.declared", announced: "2016-10-03T08:00Z",
          #""pause":"p2","kind":"pause","window":{"start":"2016-11-12T12:00Z"}"#),
        try ScratchLog.event(
          "e1", "correction.erratum", announced: "2016-10-02T08:00Z",
          #""corrects":"d1","set":{"announcedBy":["Russian Defence Ministry","UN envoy"]}"#),
        try ScratchLog.event(
          "s1", "statement", announced: "2016-10-04T08:00Z",
          #""kind":"claim","about":["p1"],"disputes":["d1"]"#),
      ], in: log)
  }

  @Test(
    "An erratum that changes who announced an event lists it under both names, and the listing and the replay filter it as the whole log does",
    arguments: [["Russian"], ["someone"], ["UN"], ["envoy", "Russian"], ["nobody"]])
  func erratumRenamesTheAnnouncer(actors: [String]) throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let (whole, reader) = try Self.renamedAnnouncer(in: log)
    let flags = try #require(try AtIndex(forLog: log.path).events(announcedByAnyOf: actors))
    #expect(flags == Self.expectedFlags(whole, actors))
    let filter = EventFilter(actors: actors)
    let listed = try #require(reader.events(matching: filter))
    #expect(listed == whole.events.filter { filter.accepts($0, areas: whole.areas) })
    let subset = try #require(reader.log(forReplay: filter), "left to the whole log")
    IndexedAnswers.expectSame(
      IndexedReplayTests.outputs(subset, filter),
      as: IndexedReplayTests.outputs(whole, filter), "\(actors)")
  }

  @Test("The whole log replays the renamed report under its new announcer, not its old one")
  func renamedReportIsShownUnderItsNewName() throws {
    let log = try ScratchLog(areas: UnlistedAreaTests.areas)
    defer { log.remove() }
    let (whole, _) = try Self.renamedAnnouncer(in: log)
    func shown(_ actor: String) -> [String] {
      let zone = whole.areas.zones.first ?? Zone.utcForTests
      return Replayer(filter: EventFilter(actors: [actor]), zone: zone).steps(of: whole)
        .map(\.event.id)
    }
    #expect(shown("Russian") == ["d1"])
    #expect(shown("someone") == ["e1", "d2", "s1"])
  }

  @Test("A listing that would read more lines than its limit is left to the whole log")
  func listingLimit() throws {
    let history = try IndexedLogScratch(events: 300, areas: 4, seed: 5)
    defer { history.remove() }
    let path = try history.prefix(300, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    let filter = EventFilter(types: ["statement"])
    let statements = log.events.filter { filter.accepts($0, areas: log.areas) }.count
    #expect(statements > 10)
    #expect(reader.events(matching: filter, lineLimit: statements - 1) == nil)
    #expect(reader.events(matching: filter, lineLimit: statements)?.count == statements)
  }

  /// Where a byte of the announcers' section is damaged.
  enum Damage: String, CaseIterable, CustomTestStringConvertible {
    case recordCount, name, lastPosition
    var testDescription: String { rawValue }
  }

  @Test(
    "A damaged byte among who announced what sends `--actor` to the whole log, and only it",
    arguments: Damage.allCases)
  func damagedSection(_ damage: Damage) throws {
    let history = try IndexedLogScratch(events: 300, areas: 4, seed: 5)
    defer { history.remove() }
    let path = try history.prefix(300, named: "log.jsonl", indexed: false)
    let (log, reader) = try IndexedAnswers.indexed(path)
    let actor = try #require(log.events.first?.announcedBy.first)
    #expect(reader.events(matching: EventFilter(actors: [actor])) != nil)
    #expect(reader.log(forReplay: EventFilter(actors: [actor])) != nil)
    let header = try AtIndex(forLog: path).header
    let offset =
      switch damage {
      // The first announcer's count of events: one more than the index lists.
      case .recordCount: header.announcersOffset + 24
      // The first announcer's name: another name, and no longer the actor's.
      case .name: header.announcerNamesOffset
      // The last event listed: another event.
      case .lastPosition: header.blocksOffset - 4
      }
    try IndexedLogScratch.editIndex(ofLog: path, resealed: false) { $0[offset] ^= 1 }
    let damaged = try #require(IndexedLogReader(path: path))
    #expect(damaged.events(matching: EventFilter(actors: [actor])) == nil)
    #expect(damaged.log(forReplay: EventFilter(actors: [actor])) == nil)
    // Filters that name no actor do not read the announcers (a reader that found damage
    // gives up on the index, so another one asks).
    let other = try #require(IndexedLogReader(path: path))
    #expect(other.events(matching: EventFilter(types: ["statement"])) != nil)
  }
}
