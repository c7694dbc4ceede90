import Glibc

/// The decoder the tools use: reads a log's lines straight from its bytes into events, at
/// hundreds of megabytes a second.
///
/// Each line is tokenized onto a reusable tape (``LineTape``) and its fields read in the order
/// the log's rules check them (``EventReader``); no JSON tree is built and most strings are never
/// copied. What depends on earlier lines (references, sequence, duplicates, the hash chain,
/// errata) is checked afterwards in line order by ``LogState``.
///
/// It must accept and reject exactly what ``ReferenceLogDecoder`` does, with the same events and
/// errors of the same kind at the same line; the tests compare the two.
enum FastLogDecoder {
  /// Reads and checks a whole log.
  ///
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  static func parse(_ storage: LogBytes, file: String, options: ReadOptions) throws(LogError)
    -> EventLog
  {
    guard storage.length > 0 else { throw LogError(file: file, line: 1, problem: .missingHeader) }
    if let reader = storage.file {
      return try parse(
        LogSource(file: reader, length: storage.length, name: file), storage: storage, file: file,
        options: options)
    }
    return try storage.bytes.withUnsafeBytes { buffer in
      Result { () throws(LogError) -> EventLog in
        try parse(
          LogSource(memory: buffer, name: file), storage: storage, file: file, options: options)
      }
    }.get()
  }

  private static func parse(
    _ source: LogSource, storage: LogBytes, file: String, options: ReadOptions
  ) throws(LogError) -> EventLog {
    // Lines run from the header to the last newline; a torn line may follow.
    guard let headerNewline = try source.newline(atOrAfter: 0) else {
      throw LogError(file: file, line: 1, problem: .tornLastLine)
    }
    var headerBytes = try source.read(0..<headerNewline).copied
    if headerBytes.last == UInt8(ascii: "\r") { headerBytes.removeLast() }
    let headerEnd = headerNewline + 1
    let log = EventLog.empty(
      file: file, header: try LogHeaderLine.decode(headerBytes, file: file),
      headerLine: headerBytes, headerEnd: headerEnd, storage: storage)
    var state = LogState(log: log)
    if options.holdsRecords { state.log.records = CompactEvents() }
    var decoder = LineDecoder(areas: log.header.areas)
    let completeEnd = max(try source.lastCompleteEnd(), headerEnd)
    let spans = try LineRunPipeline.spans(of: source, from: headerEnd, to: completeEnd)
    let pipeline = LineRunPipeline(
      source, spans: spans, areas: log.header.areas, hashing: options.chain == .full)
    // The workers read the source: they are stopped before it goes, on an error too.
    defer { pipeline.finish() }
    // The last line of the runs taken so far, for the chain's tail and the last line's hash.
    var previousLine = headerBytes
    var previousHash: SHA256Digest? = options.chain == .full ? log.lastLineHash : nil
    var number = 1
    for part in 0..<pipeline.count {
      // The lines' bytes are the run's: it is kept until they are no longer read.
      var run = pipeline.take(part)
      if let failure = run.readFailure { throw failure }
      if part == 0 {
        // Room for every line, estimated from the first run's.
        let runBytes = max(1, (run.ends.last ?? headerEnd) - headerEnd)
        let lineCount = run.outcomes.count * pipeline.byteCount / runBytes + 16
        if options.holdsRecords {
          state.log.records?.reserveCapacity(lineCount)
        } else {
          state.log.events.reserveCapacity(lineCount)
        }
        state.log.eventLines.reserveCapacity(lineCount)
        state.log.known.events.reserveCapacity(lineCount)
        // And for the errata's tables, at the first run's share of errata (with room to spare):
        // growing them moves every amended event.
        let errata = run.outcomes.reduce(0) { count, outcome in
          guard case .erratum? = outcome.event?.payload else { return count }
          return count + 1
        }
        let amended = errata * lineCount / max(1, run.outcomes.count) * 5 / 4
        state.log.amendments.reserveCapacity(amended)
        state.log.amendedLines.reserveCapacity(amended)
      }
      for index in run.outcomes.indices {
        number += 1
        let range = run.ranges[index]
        let content = run.content(ofLine: index)
        let end = run.ends[index]
        var expectedPrev: SHA256Digest?
        switch options.chain {
        case .full: expectedPrev = previousHash
        case .tail where end == completeEnd:
          expectedPrev =
            index > 0 ? SHA256.hash(run.content(ofLine: index - 1)) : SHA256.hash(previousLine)
        case .tail, .none: expectedPrev = nil
        }
        // The outcome is read where it lies: moving it out and back copied it twice a line. An
        // event whose record is written stays there, to be let go with its run.
        let checks = run.checks(ofLine: index)
        run.outcomes[index].event?.line = number
        try state.accept(
          &run.outcomes[index], checks: checks, line: number, range: range, content: content,
          expectedPrev: expectedPrev, decoder: &decoder)
        if options.chain == .full { previousHash = run.hashes[index] }
        state.log.completeLength = end
      }
      if let last = run.outcomes.indices.last { previousLine = Array(run.content(ofLine: last)) }
      // Freed by a worker, which has room to spare, rather than by this stage, which is the
      // longest: the run (its bytes, lists and checks) and, when records are held, its events.
      // Given up here first, so that the worker's is the last reference.
      pipeline.recycle(consume run)
    }
    if completeEnd < source.length {
      guard options.toleratesTornTail else {
        throw LogError(file: file, line: number + 1, problem: .tornLastLine)
      }
      let torn = try source.read(completeEnd..<source.length).copied
      state.log.torn = TornTail(
        line: number + 1, offset: state.log.completeLength, bytes: torn[...])
    }
    state.log.lastLineHash = previousHash ?? SHA256.hash(previousLine)
    return state.log
  }

  /// Checks one more line as if it were appended to `log`, and adds its event.
  ///
  /// `precedingEvents` counts events before the line that `log` does not hold (when it holds
  /// only what an index gave about them).
  static func appendLine(
    _ line: [UInt8], number: Int, expectedPrev: SHA256Digest, precedingEvents: Int = 0,
    to log: inout EventLog
  ) throws(LogError) {
    // Move the log into the state and back, so that its arrays are not copied.
    var state = LogState(
      log: EventLog.empty(
        file: log.file, header: log.header, headerLine: [], headerEnd: 0, storage: log.storage))
    state.precedingEvents = precedingEvents
    swap(&state.log, &log)
    defer { swap(&state.log, &log) }
    if line.isEmpty { throw LogError(file: state.file, line: number, problem: .emptyLine) }
    var decoder = LineDecoder(areas: state.log.header.areas)
    var checks: [ContextCheck] = []
    try line.withUnsafeBytes { content in
      Result { () throws(LogError) in
        var outcome = decoder.decode(content, number: number, checks: &checks)
        try state.accept(
          &outcome, checks: checks[...], line: number, range: nil, content: content,
          expectedPrev: expectedPrev, decoder: &decoder)
      }
    }.get()
    state.log.appendedLines.append(line)
    state.log.completeLength += line.count + 1
    state.log.lastLineHash = SHA256.hash(line)
  }
}

/// Finds lines in a buffer: each line's content (without its newline, or the CR before it) and
/// where the next line starts.
struct LineFinder {
  /// One line.
  struct Line {
    /// The line's bytes, without the newline or a CR before it.
    var content: Range<Int>
    /// Just past the newline (or the end of the buffer for a last line without one).
    var end: Int
    /// Whether a newline ends the line.
    var terminated: Bool
  }

  let buffer: UnsafeRawBufferPointer
  /// Just past the buffer's last newline.
  let lastCompleteEnd: Int

  init(_ buffer: UnsafeRawBufferPointer) {
    self.buffer = buffer
    var end = buffer.count
    while end > 0 && buffer[end - 1] != UInt8(ascii: "\n") { end -= 1 }
    lastCompleteEnd = end
  }

  /// The line that starts at `offset`, or `nil` at the end of the buffer.
  func line(startingAt offset: Int) -> Line? {
    guard offset < buffer.count, let base = buffer.baseAddress else { return nil }
    guard let found = memchr(base + offset, 0x0A, buffer.count - offset) else {
      return Line(content: offset..<buffer.count, end: buffer.count, terminated: false)
    }
    let newline = base.distance(to: UnsafeRawPointer(found))
    var contentEnd = newline
    if contentEnd > offset && buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
    return Line(content: offset..<contentEnd, end: newline + 1, terminated: true)
  }

  /// Whether this is the last line that a newline ends.
  func isLastComplete(_ line: Line) -> Bool { line.end == lastCompleteEnd }
}
