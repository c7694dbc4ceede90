import Foundation
import Testing

@testable import TruceKit

/// Answers drawn from the at index with lines appended since (the tail) read as the whole log
/// reads them, also when an appended item rests on one of another area or shares its id.
@Suite("Answering at beside appended lines: items of other areas and shared ids")
struct TailOverlayAreaTests {
  /// A chained log with Syria > Aleppo and Syria > Homs, and an appender.
  private struct SiblingLog {
    let directory: URL
    let path: String

    init() throws {
      directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "truce-review-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      path = directory.appendingPathComponent("log.jsonl").path
      let header = try LogInitializer.header(
        title: "review",
        areas: [
          "syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria",
          "homs=Asia/Damascus,parent=syria",
        ])
      try LogInitializer.create(path: path, header: header)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func append(_ id: String, _ type: String, area: String, _ fields: String) throws {
      let text =
        #"{"id":"\#(id)","type":"\#(type)","announced":"2016-11-02","reported":"2016-11-02","#
        + #""announcedBy":["someone"],"area":"\#(area)","source":{"publication":"Wire"},\#(fields)}"#
      let object = try #require(try JSONParser.parse(text).objectValue)
      let appender = LogAppender(
        path: path, recordedBy: "test", now: { Date(timeIntervalSince1970: 1_795_000_000) })
      _ = try appender.append(object)
    }
  }

  /// The indexed answer (which must not be `nil`: the tail is read beside the index) and the
  /// whole log's, as text.
  private func both(_ log: SiblingLog, area: String) throws -> (indexed: String, whole: String) {
    let whole = try EventLog.read(path: log.path)
    let zone = try #require(whole.areas.zones.first)
    let query = AtQuery(
      moment: try Moment(parsing: "2016-11-05T12:00Z", zone: zone), area: whole.areas[area],
      zone: zone)
    let reader = try #require(IndexedLogReader(path: log.path))
    #expect(reader.tailBytes > 0)
    let renderer = AtTextRenderer(logFile: whole.file, areas: whole.areas)
    let indexed = try #require(reader.answer(query), "the tail is read beside the index")
    return (renderer.render(indexed), renderer.render(query.answer(from: whole)))
  }

  @Test("A corridor group appended for a pause of an area outside the one asked about")
  func corridorOfPauseInAnotherArea() throws {
    let log = try SiblingLog()
    defer { log.remove() }
    try log.append(
      "p1-declared", "pause.declared", area: "aleppo",
      #""pause":"p1","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
    )
    _ = try AtIndexing.write(for: try EventLog.read(path: log.path), path: log.path)
    // Appended after the index: corridors in Homs under the Aleppo pause, with no window of
    // their own (they take the pause's).
    try log.append(
      "c1-opened", "corridor.opened", area: "homs",
      #""corridor":"c1","pause":"p1","users":["civilians"]"#)
    let (indexed, whole) = try both(log, area: "homs")
    #expect(indexed == whole)
  }

  @Test("An offensive appended under an id a pause of another area already has")
  func offensiveSharingAPauseID() throws {
    let log = try SiblingLog()
    defer { log.remove() }
    try log.append(
      "x-declared", "pause.declared", area: "aleppo",
      #""pause":"x","kind":"pause","window":{"start":"2016-11-04T09:00","end":"2016-11-06T19:00"}"#
    )
    _ = try AtIndexing.write(for: try EventLog.read(path: log.path), path: log.path)
    try log.append(
      "x-launched", "offensive.launched", area: "homs",
      #""offensive":"x","at":"2016-11-03","parties":["someone"]"#)
    let (indexed, whole) = try both(log, area: "homs")
    #expect(indexed == whole)
  }
}
