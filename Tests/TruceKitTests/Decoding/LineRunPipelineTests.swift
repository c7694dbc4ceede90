import Foundation
import Testing

@testable import TruceKit

/// Decoding runs of lines on worker threads while the caller takes them in order.
@Suite("Decoding in runs beside the line-by-line stage")
struct LineRunPipelineTests {
  /// A pipeline over the lines between two offsets, cut into runs as the decoder cuts them.
  private func pipeline(
    _ source: LogSource, from start: Int, to end: Int, areas: AreaRegistry, hashing: Bool
  ) throws -> LineRunPipeline {
    let spans = try LineRunPipeline.spans(of: source, from: start, to: end)
    return LineRunPipeline(source, spans: spans, areas: areas, hashing: hashing)
  }

  /// A generated log's bytes, where its event lines start, and where they end.
  private func generated(events: Int) throws -> (bytes: [UInt8], start: Int, end: Int) {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: events, areas: 6, seed: 4).write(to: scratch.log)
    let bytes = try FileIO.readAll(path: scratch.log)
    let start = (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
    return (bytes, start, bytes.count)
  }

  @Test(
    "Runs taken in order hold every line once, in order, as one run over all of them would",
    arguments: [false, true])
  func runsCoverTheLog(fromTheFile: Bool) throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 4_000, areas: 6, seed: 4).write(to: scratch.log)
    let bytes = try FileIO.readAll(path: scratch.log)
    let start = (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
    let end = bytes.count
    #expect(end - start > LineRun.parallelThreshold, "the runs are decoded on worker threads")
    let storage = try LogBytes.snapshot(path: scratch.log).log
    try bytes.withUnsafeBytes { buffer in
      let memory = LogSource(memory: buffer, name: "log")
      let source =
        fromTheFile
        ? LogSource(file: try #require(storage.file), length: storage.length, name: "log") : memory
      let areas = try LogHeaderLine.decode(Array(bytes[..<(start - 1)]), file: "log").areas
      let pipeline = try pipeline(source, from: start, to: end, areas: areas, hashing: true)
      defer { pipeline.finish() }
      #expect(pipeline.count >= 16)
      var ranges: [Range<Int>] = []
      var hashes: [SHA256Digest] = []
      var events: [Event?] = []
      var contents: [[UInt8]] = []
      for part in 0..<pipeline.count {
        let run = pipeline.take(part)
        #expect(run.readFailure == nil)
        ranges += run.ranges
        hashes += run.hashes
        events += run.outcomes.map(\.event)
        contents += run.ranges.indices.map { Array(run.content(ofLine: $0)) }
      }
      let whole = LineRun.decodeRun(memory, start..<end, areas: areas, hashing: true)
      #expect(ranges == whole.ranges)
      #expect(hashes == whole.hashes)
      #expect(events == whole.outcomes.map(\.event))
      #expect(contents == whole.ranges.map { Array(bytes[$0]) })
      #expect(pipeline.byteCount == end - start)
    }
  }

  @Test("A caller that stops after a few runs (an error) stops the workers and returns")
  func stoppingEarly() throws {
    let (bytes, start, end) = try generated(events: 4_000)
    try bytes.withUnsafeBytes { buffer in
      let areas = try LogHeaderLine.decode(Array(bytes[..<(start - 1)]), file: "log").areas
      for taken in [0, 1, 3] {
        let pipeline = try pipeline(
          LogSource(memory: buffer, name: "log"), from: start, to: end, areas: areas, hashing: false
        )
        for part in 0..<taken { #expect(!pipeline.take(part).outcomes.isEmpty) }
        pipeline.finish()
      }
    }
  }

  @Test("A log under the threshold is one run, decoded on the caller's thread")
  func smallLog() throws {
    let (bytes, start, end) = try generated(events: 200)
    #expect(end - start < LineRun.parallelThreshold)
    try bytes.withUnsafeBytes { buffer in
      let areas = try LogHeaderLine.decode(Array(bytes[..<(start - 1)]), file: "log").areas
      let pipeline = try pipeline(
        LogSource(memory: buffer, name: "log"), from: start, to: end, areas: areas, hashing: false)
      defer { pipeline.finish() }
      #expect(pipeline.count >= 1)
      let lines = (0..<pipeline.count).map { pipeline.take($0).outcomes.count }.reduce(0, +)
      #expect(lines == 200)
    }
  }

  @Test("Stopping after the workers ran ahead (a caller slower than them) frees the pipeline")
  func stopAfterWorkersRanAhead() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 12_000, areas: 6, seed: 4).write(to: scratch.log)
    let bytes = try FileIO.readAll(path: scratch.log)
    let start = (bytes.firstIndex(of: UInt8(ascii: "\n")) ?? 0) + 1
    try bytes.withUnsafeBytes { buffer in
      let areas = try LogHeaderLine.decode(Array(bytes[..<(start - 1)]), file: "log").areas
      for taken in [0, 1] {
        // Freed at the end of this scope, as in the decoder.
        do {
          let pipeline = try pipeline(
            LogSource(memory: buffer, name: "log"), from: start, to: bytes.count, areas: areas,
            hashing: false)
          #expect(pipeline.count >= 16)
          for part in 0..<taken { _ = pipeline.take(part) }
          Thread.sleep(forTimeInterval: 1)
          pipeline.finish()
        }
      }
    }
  }
}
