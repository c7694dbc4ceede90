import Foundation
import Testing

@testable import TruceKit

/// Answers drawn from the at index with lines appended since (the tail) read as the whole log
/// reads them, also when an appended item rests on one of another area or shares its id.
@Suite("Answering at beside appended lines: items of other areas and shared ids")
struct TailOverlayAreaTests {
  /// A pause in Aleppo, indexed; then, appended in Homs, an item that rests on it or shares its
  /// id.
  @Test(
    "An item appended in an area beside the indexed one it rests on reads as from the whole log",
    arguments: [
      // Corridors in Homs under the Aleppo pause, with no window of their own (they take the
      // pause's).
      ("corridor.opened", #""corridor":"c1","pause":"p1","users":["civilians"]"#),
      // An offensive under the pause's own id.
      ("offensive.launched", #""offensive":"p1","at":"2016-11-03","parties":["someone"]"#),
    ])
  func appendedBesideAnotherArea(type: String, fields: String) throws {
    let log = try ScratchLog(areas: [
      "syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria",
      "homs=Asia/Damascus,parent=syria",
    ])
    defer { log.remove() }
    _ = try log.appender.append(
      try ScratchLog.event(
        "p1-declared", "pause.declared",
        #""pause":"p1","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
      ))
    _ = try AtIndexing.write(for: try EventLog.read(path: log.path), path: log.path)
    _ = try log.appender.append(try ScratchLog.event("appended", type, area: "homs", fields))
    let whole = try EventLog.read(path: log.path)
    let zone = try #require(whole.areas.zones.first)
    let query = AtQuery(
      moment: try Moment(parsing: "2016-11-05T12:00Z", zone: zone), area: whole.areas["homs"],
      zone: zone)
    let reader = try #require(IndexedLogReader(path: log.path))
    #expect(reader.tailBytes > 0)
    let renderer = AtTextRenderer(logFile: whole.file, areas: whole.areas)
    let indexed = try #require(reader.answer(query), "the tail is read beside the index")
    #expect(renderer.render(indexed) == renderer.render(query.answer(from: whole)))
  }

  @Test(
    "An event appended about a retracted pause that shares its id with a proposal reads as from the whole log"
  )
  func appendedAboutARetractedPauseNamedLikeAProposal() throws {
    let log = try ScratchLog(areas: ["aleppo=Asia/Damascus"])
    defer { log.remove() }
    for event in [
      try ScratchLog.event(
        "pr", "proposal", announced: "2016-10-01", #""proposal":"p1","kind":"talks""#),
      try ScratchLog.event(
        "d", "pause.declared", announced: "2016-10-13",
        #""pause":"p1","kind":"ceasefire","window":{"start":"2016-10-13T12:00","end":"2016-10-15T18:00"}"#
      ),
      try ScratchLog.event(
        "r", "correction.retraction", announced: "2016-10-18", #""retracts":"d""#),
    ] {
      _ = try log.appender.append(event)
    }
    _ = try AtIndexing.write(for: try EventLog.read(path: log.path), path: log.path)
    _ = try log.appender.append(
      try ScratchLog.event(
        "x", "pause.extended", announced: "2016-10-16", #""pause":"p1","end":"2016-10-17T18:00""#))
    let whole = try EventLog.read(path: log.path)
    let reader = try #require(IndexedLogReader(path: log.path))
    #expect(reader.tailBytes > 0)
    let zone = TestLog.damascus
    // As of before the retraction, the pause and its extension are known.
    let query = AtQuery(
      moment: try Moment(parsing: "2016-10-16T12:00", zone: zone),
      asOf: try Moment(parsing: "2016-10-17T00:00", zone: zone), zone: zone)
    let (expected, fromIndex) = IndexedAnswers.answers(query, log: whole, reader: reader)
    #expect(expected[0].contains("p1"))
    #expect(fromIndex == nil || fromIndex == expected)
    #expect(fromIndex != nil, "left to the whole log")
  }
}
