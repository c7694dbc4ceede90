import Foundation

@testable import TruceKit

/// Builds small logs line by line for tests.
enum TestLog {
  /// A header with Syria > Aleppo > eastern Aleppo, plus an unrelated Idlib, all in Asia/Damascus.
  static let header =
    #"{"format":"truce-event-log","version":1,"areas":[{"id":"syria","name":"Syria","zone":"Asia/Damascus"},"#
    + #"{"id":"aleppo","name":"Aleppo","aliases":["Aleppo city"],"parent":"syria","zone":"Asia/Damascus"},"#
    + #"{"id":"east-aleppo","name":"eastern Aleppo","aliases":["east Aleppo"],"parent":"aleppo","zone":"Asia/Damascus"},"#
    + #"{"id":"idlib","name":"Idlib","parent":"syria","zone":"Asia/Damascus"}]}"#

  /// One event line. `fields` is the type-specific JSON members, without braces.
  static func event(
    _ seq: Int, _ id: String, _ type: String, announced: String = "2016-11-01",
    area: String = "aleppo",
    source: String = "Wire A", extra: String = "", _ fields: String
  ) -> String {
    var line = #"{"seq":\#(seq),"id":"\#(id)","type":"\#(type)","announced":"\#(announced)","#
    line += #""reported":"\#(announced)","recorded":{"at":"2026-11-22T10:00Z","by":"test"},"#
    line += #""announcedBy":["someone"],"area":"\#(area)","source":{"publication":"\#(source)"}"#
    if !extra.isEmpty { line += "," + extra }
    if !fields.isEmpty { line += "," + fields }
    return line + "}"
  }

  /// Parses a header and event lines as a log named `test.jsonl`.
  static func parse(
    _ events: [String], header: String = TestLog.header, options: ReadOptions = .reading
  ) throws(LogError) -> EventLog {
    let text = ([header] + events).joined(separator: "\n") + "\n"
    return try EventLog.parse(Array(text.utf8), file: "test.jsonl", options: options)
  }

  /// The parse error for these lines, or `nil` if they parse.
  static func error(_ events: [String], header: String = TestLog.header) -> LogError? {
    do {
      _ = try parse(events, header: header)
      return nil
    } catch {
      return error
    }
  }

  /// The repository's root folder.
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The bundled history.
  static func bundled() throws -> EventLog {
    try EventLog.read(
      path: repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.jsonl").path)
  }

  /// The folder holding the seed articles, if present beside the repository.
  static let seedsFolder: String? = {
    if let path = ProcessInfo.processInfo.environment["TRUCE_SEEDS"], !path.isEmpty { return path }
    let path = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
      .path
    return FileManager.default.fileExists(atPath: path) ? path : nil
  }()

  static let damascus: Zone = {
    guard let zone = Zone(identifier: "Asia/Damascus") else {
      fatalError("tz database lacks Asia/Damascus")
    }
    return zone
  }()

  /// The instant of an ISO text with Z or offset.
  static func instant(_ text: String) throws -> Instant {
    let range = try TimeSpec(parsing: text).resolved(in: damascus)
    guard let instant = range.earliest, range.isExact else {
      throw TestFailure("\(text) is not an instant")
    }
    return instant
  }
}

struct TestFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
