import Synchronization

/// A log holding only some of a log's lines, with the errata among them applied: what an
/// answer drawn from the index folds.
///
/// The lines were checked when the whole log was read to build the index, so only what a line
/// says by itself is decoded here; the rules that depend on earlier lines are not run again.
enum LogSubset {
  /// The lines of `log` at these positions of its events (ascending), as a log.
  static func log(_ log: EventLog, positions: [Int]) -> EventLog {
    var subset = EventLog.empty(
      file: log.file, header: log.header, headerLine: [], headerEnd: 0,
      storage: LogBytes([]))
    subset.isChained = log.isChained
    subset.events = positions.map { log.events[$0] }
    for event in subset.events {
      if let amended = log.amendments[event.id] { subset.amendments[event.id] = amended }
      if log.voided.contains(event.id) { subset.voided.insert(event.id) }
    }
    return subset
  }

  /// A line to read: where it starts in the log, and its line number.
  struct Line: Hashable, Comparable {
    var offset: Int
    var number: Int

    static func < (lhs: Line, rhs: Line) -> Bool { lhs.offset < rhs.offset }
  }

  /// Lines in log order, each once: items share lines (a report cited by two).
  static func inLogOrder(_ lines: [Line]) -> [Line] {
    var sorted = lines.sorted()
    guard sorted.count > 1 else { return sorted }
    var kept = 1
    for index in 1..<sorted.count where sorted[index] != sorted[kept - 1] {
      sorted[kept] = sorted[index]
      kept += 1
    }
    sorted.removeLast(sorted.count - kept)
    return sorted
  }

  /// The lines of the log at these places (ascending), read from the file, as a log.
  ///
  /// The lines are decoded on two threads when there are many (each line by itself, as the
  /// fast decoder's first stage does); errata are then applied in line order. With
  /// `keepingLines`, the log also keeps each line's bytes and each amended line, so that an
  /// event can be shown as recorded and as amended (``EventDetailRenderer``).
  ///
  /// - Throws: ``IndexMismatch`` when a line cannot be read or is not an event.
  static func log(
    file: String, header: LogHeader, lines: [Line], reader: LogLineReader,
    keepingLines: Bool = false
  ) throws(IndexMismatch) -> EventLog {
    var subset = EventLog.empty(
      file: file, header: header, headerLine: [], headerEnd: 0, storage: LogBytes([]))
    subset.isChained = true
    // Read with `pread`, not a mapping: a log cut short by a tool that ignores the lock then
    // gives a short read (and the whole log is read instead), not a crash.
    let slots = try read(lines, reader: reader, areas: header.areas)
    var decoder = LineDecoder(areas: header.areas)
    var scratch: [ContextCheck] = []
    var recorded: [String: (index: Int, number: Int)] = [:]
    recorded.reserveCapacity(lines.count)
    subset.events.reserveCapacity(lines.count)
    var amendedLines: [String: [UInt8]] = [:]
    for (index, line) in lines.enumerated() {
      let outcome = slots.takeOutcome(at: index)
      guard let event = outcome.event, outcome.failure == nil else {
        throw IndexMismatch(reason: "line \(line.number) is not a valid event")
      }
      recorded[event.id] = (index, line.number)
      subset.events.append(event)
      if keepingLines { subset.appendedLines.append(slots.content(at: index)) }
      guard case .erratum(let target, let void) = event.payload else { continue }
      if void {
        subset.voided.insert(target)
        continue
      }
      guard let set = outcome.set, let original = recorded[target] else {
        throw IndexMismatch(reason: "line \(line.number) corrects a line not read with it")
      }
      let current = amendedLines[target] ?? slots.content(at: original.index)
      let merged: [UInt8]
      do {
        merged = try slots.content(at: index).withUnsafeBytes {
          content throws(ErratumMerge.ForbiddenKey) in
          try ErratumMerge.merge(
            UnsafeRawBufferPointer(rebasing: content[set.range]), into: current)
        }
      } catch {
        throw IndexMismatch(reason: "line \(line.number): an erratum that cannot be merged")
      }
      scratch.removeAll(keepingCapacity: true)
      let decoded = merged.withUnsafeBytes {
        decoder.decode($0, number: line.number, checks: &scratch)
      }
      guard var amended = decoded.event else {
        throw IndexMismatch(reason: "line \(line.number): an erratum that cannot be read")
      }
      amended.line = subset.amendments[target]?.line ?? original.number
      subset.amendments[target] = amended
      amendedLines[target] = merged
      if keepingLines { subset.amendedLines[target] = merged }
    }
    return subset
  }

  /// Lines this many or more are read and decoded on two threads.
  private static let parallelLines = 256
  /// How many lines a thread takes at a time.
  private static let chunkLines = 32

  /// Each line's bytes and what ``LineDecoder`` gives for it, read and decoded on two threads
  /// when there are many.
  ///
  /// The threads take the lines a chunk at a time, so that the helper, which starts a little
  /// after the caller, takes what is left rather than a fixed half.
  ///
  /// - Throws: ``IndexMismatch`` for the first line (in log order) that cannot be read whole.
  private static func read(_ lines: [Line], reader: LogLineReader, areas: AreaRegistry)
    throws(IndexMismatch) -> LineSlots
  {
    let slots = LineSlots(count: lines.count)
    let chunks = ChunkCounter()
    let work: @Sendable () -> Void = {
      var decoder = LineDecoder(areas: areas)
      var scratch: [ContextCheck] = []
      while case let start = chunks.take() * chunkLines, start < lines.count {
        for index in start..<min(start + chunkLines, lines.count) {
          let found: (content: [UInt8], end: Int)?
          do throws(FileIOError) { found = try reader.line(at: lines[index].offset) } catch {
            slots.fail(at: index, IndexMismatch(reason: "\(error.path): \(error)"))
            return
          }
          guard let content = found?.content else {
            slots.fail(
              at: index, IndexMismatch(reason: "no complete line at byte \(lines[index].offset)"))
            return
          }
          scratch.removeAll(keepingCapacity: true)
          let outcome = content.withUnsafeBytes {
            decoder.decode($0, number: lines[index].number, checks: &scratch)
          }
          slots.store(content, outcome, at: index)
        }
      }
    }
    let helper =
      lines.count >= parallelLines && System.onlineProcessors > 1 ? HelperThread(work) : nil
    work()
    helper?.join()
    if let failure = slots.firstFailure { throw failure }
    return slots
  }
}

/// Hands out chunk numbers to the threads that share a job, each once.
private final class ChunkCounter: Sendable {
  private let next = Atomic<Int>(0)

  /// The next chunk no thread has taken.
  func take() -> Int { next.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Where the threads that read a subset leave each line's bytes and outcome: each slot is
/// written by one thread, and read only after all of them have finished.
private final class LineSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<(content: [UInt8], outcome: LineDecoder.Outcome)>
  /// Each thread's failure, at the line where it stopped (nil where none stopped).
  private let failures: UnsafeMutableBufferPointer<IndexMismatch?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(
      repeating: (
        [], LineDecoder.Outcome(event: nil, failure: nil, checksBeforeFailure: 0, set: nil)
      ))
    failures = .allocate(capacity: count)
    failures.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
    failures.deinitialize()
    failures.deallocate()
  }

  func store(_ content: [UInt8], _ outcome: LineDecoder.Outcome, at index: Int) {
    slots[index] = (content, outcome)
  }

  func fail(at index: Int, _ failure: IndexMismatch) { failures[index] = failure }

  /// The failure at the earliest line, if any thread stopped.
  var firstFailure: IndexMismatch? { failures.lazy.compactMap { $0 }.first }

  /// A line's bytes.
  func content(at index: Int) -> [UInt8] { slots[index].content }

  /// A line's outcome, moved out of its slot (which is left empty): an outcome holds its
  /// event, and copying a thousand events adds up.
  func takeOutcome(at index: Int) -> LineDecoder.Outcome {
    var outcome = LineDecoder.Outcome(event: nil, failure: nil, checksBeforeFailure: 0, set: nil)
    swap(&outcome, &slots[index].outcome)
    return outcome
  }
}
