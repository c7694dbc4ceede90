import Dispatch
import Synchronization

/// Decodes a log's lines in runs on worker threads while the caller takes the finished runs in
/// line order, so that the stage that must go line by line (``LogState``) runs beside the
/// decoding of later lines instead of after all of it.
///
/// Workers take runs in order and stay at most a few runs ahead of the caller, so only those
/// runs' decoded lines are held at once. ``finish()`` must be called before the buffer goes
/// away (the workers read it); it stops them early when the caller gave up on an error. Each worker
/// reads its run's bytes itself when the log is read from its file, so the file is never held
/// whole.
final class LineRunPipeline: @unchecked Sendable {
  /// How many bytes of lines a run holds, about: a sixteenth of the log, between 64 KB and
  /// 1 MB, so that the caller starts early and workers share the work evenly.
  ///
  /// A run's bytes and decoded lines are held until the caller has taken it: with runs of 4 MB,
  /// the runs ahead held about 90 MB at a million events, and made the peak of a cold `truce at`
  /// (which holds records, not events) 410–420 MB rather than 390. Runs of 1 MB read as fast.
  static func runBytes(forLogOf bytes: Int) -> Int { max(64 << 10, min(1 << 20, bytes / 16)) }
  /// How many runs workers may decode ahead of the one the caller is taking.
  private static let aheadPerWorker = 4

  private let source: LogSource
  private let spans: [Range<Int>]
  private let areas: AreaRegistry
  private let hashing: Bool
  private let workers: Int
  private var runs: [LineRun?]
  private let ready: [DispatchSemaphore]
  private let room: DispatchSemaphore
  /// Guards `runs`, `next` and `stopped`.
  private let lock = Mutex(())
  private var next = 0
  private var stopped = false
  /// Runs the caller is done with, for the next worker that starts a run to let go.
  private var spent: [LineRun] = []
  private let group = DispatchGroup()

  /// Cuts the complete lines between two offsets into runs of about ``runBytes(forLogOf:)``,
  /// each ending with a line's newline.
  ///
  /// - Parameters:
  ///   - source: The log.
  ///   - start: Where the first event line starts.
  ///   - end: Just past the last complete line's newline.
  static func spans(of source: LogSource, from start: Int, to end: Int)
    throws(LogError) -> [Range<Int>]
  {
    var spans: [Range<Int>] = []
    let runBytes = LineRunPipeline.runBytes(forLogOf: end - start)
    var cut = start
    while cut < end {
      var next = min(end, cut + runBytes)
      if next < end { next = min(end, (try source.newline(atOrAfter: next - 1) ?? end) + 1) }
      spans.append(cut..<next)
      cut = next
    }
    return spans
  }

  /// Starts decoding runs of lines.
  ///
  /// - Parameters:
  ///   - source: The log.
  ///   - spans: The runs, from ``spans(of:from:to:)``.
  ///   - areas: The header's areas.
  ///   - hashing: Whether to hash every line (for checking the whole chain).
  init(_ source: LogSource, spans: [Range<Int>], areas: AreaRegistry, hashing: Bool) {
    self.source = source
    self.areas = areas
    self.hashing = hashing
    self.spans = spans
    // A small log is decoded on the caller's thread: starting threads would cost more.
    let bytes = spans.last.map { $0.upperBound - (spans.first?.lowerBound ?? 0) } ?? 0
    workers = bytes < LineRun.parallelThreshold ? 0 : max(1, System.activeCores)
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
      return LineRun.decodeRun(source, spans[index], areas: areas, hashing: hashing)
    }
    ready[index].wait()
    let run = lock.withLock { _ in
      let run = runs[index]
      runs[index] = nil
      return run
    }
    room.signal()
    guard let run else { preconditionFailure("a run is taken once, after it was decoded") }
    return run
  }

  /// Hands a run the caller is done with to the workers, to be let go by the next one that
  /// starts a run (by the caller itself when it decodes alone): freeing a run's events takes
  /// about as long as writing their records, and the workers wait on the caller.
  ///
  /// At most a run or two wait to be let go: a worker starts a run each time the caller takes
  /// one.
  func recycle(_ run: LineRun) {
    guard workers > 0 else { return }
    lock.withLock { _ in spent.append(run) }
  }

  /// Stops the workers and waits for them; afterwards the buffer is no longer read.
  func finish() {
    lock.withLock { _ in stopped = true }
    for _ in 0..<workers { room.signal() }
    group.wait()
  }

  private func work() {
    while true {
      room.wait()
      var released: [LineRun] = []
      let taken = lock.withLock { _ -> Int? in
        swap(&released, &spent)
        guard !stopped, next < spans.count else { return nil }
        defer { next += 1 }
        return next
      }
      // Outside the lock.
      released = []
      guard let index = taken else {
        // Let another waiting worker see the end too.
        room.signal()
        return
      }
      let run = LineRun.decodeRun(source, spans[index], areas: areas, hashing: hashing)
      lock.withLock { _ in runs[index] = run }
      ready[index].signal()
    }
  }
}
