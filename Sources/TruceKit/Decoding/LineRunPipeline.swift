import Dispatch
import Foundation

/// Decodes a log's lines in runs on worker threads while the caller takes the finished runs in
/// line order, so that the stage that must go line by line (``LogState``) runs beside the
/// decoding of later lines instead of after all of it.
///
/// Workers take runs in order and stay at most a few runs ahead of the caller, so only those
/// runs' decoded lines are held at once. ``finish()`` must be called before the buffer goes
/// away (the workers read it); it stops them early when the caller gave up on an error.
final class LineRunPipeline: @unchecked Sendable {
  /// How many bytes of lines a run holds, about: a sixteenth of the log, between 64 KB and
  /// 4 MB, so that the caller starts early and workers share the work evenly.
  static func runBytes(forLogOf bytes: Int) -> Int { max(64 << 10, min(4 << 20, bytes / 16)) }
  /// How many runs workers may decode ahead of the one the caller is taking.
  private static let aheadPerWorker = 4

  private let buffer: UnsafeRawBufferPointer
  private let spans: [Range<Int>]
  private let areas: AreaRegistry
  private let hashing: Bool
  private let workers: Int
  private var runs: [LineRun?]
  private let ready: [DispatchSemaphore]
  private let room: DispatchSemaphore
  private let lock = NSLock()
  private var next = 0
  private var stopped = false
  private let group = DispatchGroup()

  /// Splits the complete lines between two offsets into runs and starts decoding them.
  ///
  /// - Parameters:
  ///   - buffer: The whole file.
  ///   - start: Where the first event line starts.
  ///   - end: Just past the last complete line's newline.
  ///   - areas: The header's areas.
  ///   - hashing: Whether to hash every line (for checking the whole chain).
  init(
    _ buffer: UnsafeRawBufferPointer, from start: Int, to end: Int, areas: AreaRegistry,
    hashing: Bool
  ) {
    self.buffer = buffer
    self.areas = areas
    self.hashing = hashing
    var spans: [Range<Int>] = []
    let runBytes = LineRunPipeline.runBytes(forLogOf: end - start)
    var cut = start
    while cut < end {
      var next = min(end, cut + runBytes)
      while next < end && buffer[next - 1] != UInt8(ascii: "\n") { next += 1 }
      spans.append(cut..<next)
      cut = next
    }
    self.spans = spans
    // A small log is decoded on the caller's thread: starting threads would cost more.
    workers = end - start < LineRun.parallelThreshold ? 0 : max(1, System.activeCores)
    runs = Array(repeating: nil, count: spans.count)
    ready = spans.map { _ in DispatchSemaphore(value: 0) }
    // The room starts at 0 and is signalled up to its size: a semaphore freed below the value
    // it was made with traps, and runs decoded but never taken (after an error) leave it below.
    room = DispatchSemaphore(value: 0)
    for _ in 0..<max(1, workers) * LineRunPipeline.aheadPerWorker { room.signal() }
    for _ in 0..<workers {
      group.enter()
      DispatchQueue.global().async {
        self.work()
        self.group.leave()
      }
    }
  }

  /// How many runs there are.
  var count: Int { spans.count }

  /// The bytes the runs cover.
  var byteCount: Int { spans.last.map { $0.upperBound - (spans.first?.lowerBound ?? 0) } ?? 0 }

  /// The run at `index`, once decoded; take them in order, each once.
  func take(_ index: Int) -> LineRun {
    if workers == 0 {
      return LineRun.decodeRun(buffer, spans[index], areas: areas, hashing: hashing)
    }
    ready[index].wait()
    lock.lock()
    let run = runs[index]
    runs[index] = nil
    lock.unlock()
    room.signal()
    guard let run else { preconditionFailure("a run is taken once, after it was decoded") }
    return run
  }

  /// Stops the workers and waits for them; afterwards the buffer is no longer read.
  func finish() {
    lock.lock()
    stopped = true
    lock.unlock()
    for _ in 0..<workers { room.signal() }
    group.wait()
  }

  private func work() {
    while true {
      room.wait()
      lock.lock()
      guard !stopped, next < spans.count else {
        lock.unlock()
        // Let another waiting worker see the end too.
        room.signal()
        return
      }
      let index = next
      next += 1
      lock.unlock()
      let run = LineRun.decodeRun(buffer, spans[index], areas: areas, hashing: hashing)
      lock.lock()
      runs[index] = run
      lock.unlock()
      ready[index].signal()
    }
  }
}
