import Dispatch
import Foundation

/// A run of complete lines decoded on one core by the fast decoder's first stage: for each
/// line, what ``LineDecoder`` gave, its checks, where it is, and its hash when the whole chain is
/// checked.
struct LineRun {
  var outcomes: [LineDecoder.Outcome] = []
  /// The checks of every line of the run, one line after another.
  var allChecks: [ContextCheck] = []
  /// Where each line's checks start in ``allChecks``.
  var checkStarts: [Int] = []
  /// Each line's content in the file (without its newline).
  var ranges: [Range<Int>] = []
  /// Just past each line's newline.
  var ends: [Int] = []
  /// Each line's SHA-256, when hashing.
  var hashes: [SHA256Digest] = []

  /// The checks recorded for one line of the run.
  func checks(ofLine index: Int) -> ArraySlice<ContextCheck> {
    let end = index + 1 < checkStarts.count ? checkStarts[index + 1] : allChecks.count
    return allChecks[checkStarts[index]..<end]
  }

  /// Logs smaller than this are decoded on one core: starting threads would cost more.
  static let parallelThreshold = 1 << 20

  /// Decodes the complete lines between two offsets, split across the machine's cores.
  ///
  /// - Parameters:
  ///   - buffer: The whole file.
  ///   - start: Where the first event line starts.
  ///   - end: Just past the last complete line's newline.
  ///   - areas: The header's areas.
  ///   - hashing: Whether to hash every line (for checking the whole chain).
  /// - Returns: The runs, in file order.
  static func decode(
    _ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int, areas: AreaRegistry,
    hashing: Bool
  ) -> [LineRun] {
    let cores = end - start < parallelThreshold ? 1 : max(1, System.activeCores)
    var bounds = [start]
    for part in 1..<max(cores, 1) {
      var cut = start + (end - start) * part / cores
      while cut < end && buffer[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
      bounds.append(max(cut, bounds[bounds.count - 1]))
    }
    bounds.append(end)
    let spans = (0..<bounds.count - 1).map { bounds[$0]..<bounds[$0 + 1] }
    let shared = SharedBuffer(buffer: buffer)
    let results = RunResults(count: spans.count)
    DispatchQueue.concurrentPerform(iterations: spans.count) { part in
      results.store(
        decodeRun(shared.buffer, spans[part], areas: areas, hashing: hashing), at: part)
    }
    return results.runs
  }

  /// Decodes the lines of one run.
  private static func decodeRun(
    _ buffer: UnsafeRawBufferPointer, _ span: Range<Int>, areas: AreaRegistry, hashing: Bool
  ) -> LineRun {
    var run = LineRun()
    let expected = span.count / 256
    run.outcomes.reserveCapacity(expected)
    run.ranges.reserveCapacity(expected)
    run.ends.reserveCapacity(expected)
    run.checkStarts.reserveCapacity(expected)
    var decoder = LineDecoder(areas: areas)
    let finder = LineFinder(buffer)
    var offset = span.lowerBound
    while offset < span.upperBound, let line = finder.line(startingAt: offset) {
      let content = UnsafeRawBufferPointer(rebasing: buffer[line.content])
      run.checkStarts.append(run.allChecks.count)
      run.outcomes.append(decoder.decode(content, number: 0, checks: &run.allChecks))
      run.ranges.append(line.content)
      run.ends.append(line.end)
      if hashing { run.hashes.append(SHA256.hash(content)) }
      offset = line.end
    }
    return run
  }
}

/// A read-only buffer handed to the threads that decode it; it outlives them.
private struct SharedBuffer: @unchecked Sendable {
  let buffer: UnsafeRawBufferPointer
}

/// Where each thread leaves its run. Each slot is written by exactly one thread, and read only
/// after all of them have finished.
private final class RunResults: @unchecked Sendable {
  private(set) var runs: [LineRun]

  init(count: Int) { runs = Array(repeating: LineRun(), count: count) }

  func store(_ run: LineRun, at index: Int) {
    runs.withUnsafeMutableBufferPointer { $0[index] = run }
  }
}

/// What the machine offers.
enum System {
  /// The cores this process may use.
  static var activeCores: Int { ProcessInfo.processInfo.activeProcessorCount }
}
