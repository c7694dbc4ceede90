import Foundation

@testable import TruceKit

/// A temporary directory for generated logs.
struct GeneratorScratch {
  let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// A file in the directory.
  func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

  /// The log's path.
  var log: String { path("log.jsonl") }

  func remove() { try? FileManager.default.removeItem(at: directory) }

  /// A scratch directory holding a copy of the bundled history (with its head) as ``log``.
  static func bundledCopy() throws -> GeneratorScratch {
    let scratch = try GeneratorScratch()
    let bundled = TestLog.repositoryRoot.appendingPathComponent(BundledLog.relativePath).path
    for suffix in ["", ".head"] {
      try FileManager.default.copyItem(atPath: bundled + suffix, toPath: scratch.log + suffix)
    }
    return scratch
  }

  /// A generated history, read as a log; its file is gone once read (the log keeps it open).
  static func log(
    events: Int, areas: Int, seed: UInt64, options: ReadOptions = .reading
  ) throws -> EventLog {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: events, areas: areas, seed: seed).write(to: scratch.log)
    return try EventLog.read(path: scratch.log, options: options)
  }
}
