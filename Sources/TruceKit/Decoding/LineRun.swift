import Dispatch

/// A run of complete lines decoded on one core by the fast decoder's first stage: for each
/// line, what ``LineDecoder`` gave, its checks, where it is, and its hash when the whole chain is
/// checked.
struct LineRun: Sendable {
  /// The run's bytes.
  var bytes = RunBytes.empty
  /// Why the run's bytes could not be read, if they could not.
  var readFailure: LogError?
  var outcomes: [LineDecoder.Outcome] = []
  /// The checks of every line of the run, one line after another.
  var allChecks: [ContextCheck] = []
  /// Where each line's checks start in ``allChecks``.
  var checkStarts: [Int] = []
  /// Each line's content in the file (without its newline), in file offsets.
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

  /// Logs smaller than this are decoded on the caller's thread: starting threads would cost
  /// more.
  static let parallelThreshold = 1 << 20

  /// The content of one line of the run.
  func content(ofLine index: Int) -> UnsafeRawBufferPointer { bytes.slice(ranges[index]) }

  /// Reads and decodes the lines of one run.
  static func decodeRun(
    _ source: LogSource, _ span: Range<Int>, areas: AreaRegistry, hashing: Bool
  ) -> LineRun {
    var run = LineRun()
    do { run.bytes = try source.read(span) } catch {
      run.readFailure = error
      return run
    }
    let buffer = run.bytes.pointer
    let base = span.lowerBound
    let expected = span.count / 256
    run.outcomes.reserveCapacity(expected)
    run.ranges.reserveCapacity(expected)
    run.ends.reserveCapacity(expected)
    run.checkStarts.reserveCapacity(expected)
    var decoder = LineDecoder(areas: areas)
    let finder = LineFinder(buffer)
    var offset = 0
    while offset < buffer.count, let line = finder.line(startingAt: offset) {
      let content = UnsafeRawBufferPointer(rebasing: buffer[line.content])
      run.checkStarts.append(run.allChecks.count)
      run.outcomes.append(decoder.decode(content, number: 0, checks: &run.allChecks))
      run.ranges.append((line.content.lowerBound + base)..<(line.content.upperBound + base))
      run.ends.append(line.end + base)
      if hashing { run.hashes.append(SHA256.hash(content)) }
      offset = line.end
    }
    return run
  }
}
