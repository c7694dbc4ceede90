import Foundation
import Testing

@testable import TruceKit

/// Temporary logs made with `init` and `append`, for writing tests.
struct ScratchLog {
  let directory: URL
  let path: String

  /// A new chained log with these areas (by default Syria > Aleppo), in its own temporary
  /// directory.
  init(
    areas: [String] = ["syria=Asia/Damascus", "aleppo=Asia/Damascus,parent=syria,name=Aleppo"]
  ) throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    path = directory.appendingPathComponent("log.jsonl").path
    let header = try LogInitializer.header(title: "scratch", areas: areas)
    try LogInitializer.create(path: path, header: header)
  }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  var appender: LogAppender {
    LogAppender(path: path, recordedBy: "test", now: { Instant(secondsSinceEpoch: 1_795_000_000) })
  }

  func bytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

  func headBytes() throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: LogHead.path(forLog: path))))
  }

  func write(_ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

  func writeHead(_ head: LogHead) throws {
    try Data(head.serialized.utf8).write(to: URL(fileURLWithPath: LogHead.path(forLog: path)))
  }

  /// An event object for `append`.
  static func event(
    _ id: String, _ type: String, announced: String = "2016-11-02", area: String = "aleppo",
    _ fields: String
  ) throws -> JSONObject {
    let text =
      #"{"id":"\#(id)","type":"\#(type)","announced":"\#(announced)","reported":"\#(announced)","#
      + #""announcedBy":["someone"],"area":"\#(area)","source":{"publication":"Wire"},\#(fields)}"#
    return try #require(try JSONParser.parse(text).objectValue)
  }

  /// Appends a declared pause and a few more events, returning the log's bytes.
  func fill(count: Int) throws {
    _ = try appender.append(
      try ScratchLog.event(
        "p", "pause.declared", #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00"}"#)
    )
    for index in 1..<count {
      _ = try appender.append(
        try ScratchLog.event(
          "s\(index)", "statement",
          #""kind":"claim","about":["p"],"note":"statement number \#(index)""#))
    }
  }
}
