import Dispatch

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

  /// The lines of the log at these places (ascending), read from the file, as a log.
  ///
  /// The lines are decoded on every core when there are many (each line by itself, as the
  /// fast decoder's first stage does); errata are then applied in line order.
  ///
  /// - Throws: ``IndexMismatch`` when a line cannot be read or is not an event.
  static func log(
    file: String, header: LogHeader, lines: [Line], reader: LogLineReader
  ) throws(IndexMismatch) -> EventLog {
    var subset = EventLog.empty(
      file: file, header: header, headerLine: [], headerEnd: 0, storage: LogBytes([]))
    subset.isChained = true
    // Read with `pread`, not a mapping: a log cut short by a tool that ignores the lock then
    // gives a short read (and the whole log is read instead), not a crash.
    var contents: [[UInt8]] = []
    contents.reserveCapacity(lines.count)
    for line in lines {
      let found: (content: [UInt8], end: Int)?
      do { found = try reader.line(at: line.offset) } catch {
        throw IndexMismatch(reason: "\(error.path): \(error)")
      }
      guard let content = found?.content else {
        throw IndexMismatch(reason: "no complete line at byte \(line.offset)")
      }
      contents.append(content)
    }
    let outcomes = decode(contents, numbers: lines.map(\.number), areas: header.areas)
    var decoder = LineDecoder(areas: header.areas)
    var scratch: [ContextCheck] = []
    var recorded: [String: (index: Int, number: Int)] = [:]
    var amendedLines: [String: [UInt8]] = [:]
    for (index, line) in lines.enumerated() {
      let outcome = outcomes[index]
      guard let event = outcome.event, outcome.failure == nil else {
        throw IndexMismatch(reason: "line \(line.number) is not a valid event")
      }
      recorded[event.id] = (index, line.number)
      subset.events.append(event)
      guard case .erratum(let target, let void) = event.payload else { continue }
      if void {
        subset.voided.insert(target)
        continue
      }
      guard let set = outcome.set, let original = recorded[target] else {
        throw IndexMismatch(reason: "line \(line.number) corrects a line not read with it")
      }
      let current = amendedLines[target] ?? contents[original.index]
      let merged: [UInt8]
      do {
        merged = try contents[index].withUnsafeBytes {
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
    }
    return subset
  }

  /// Lines this many or more are decoded on every core.
  private static let parallelLines = 256

  /// What ``LineDecoder`` gives for each line, decoded on every core when there are many.
  private static func decode(_ contents: [[UInt8]], numbers: [Int], areas: AreaRegistry)
    -> [LineDecoder.Outcome]
  {
    let parts = contents.count >= parallelLines ? max(1, System.activeCores) : 1
    let results = OutcomeSlots(count: contents.count)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var decoder = LineDecoder(areas: areas)
      var scratch: [ContextCheck] = []
      for index in contents.count * part / parts..<contents.count * (part + 1) / parts {
        scratch.removeAll(keepingCapacity: true)
        results.store(
          contents[index].withUnsafeBytes {
            decoder.decode($0, number: numbers[index], checks: &scratch)
          },
          at: index)
      }
    }
    return results.outcomes
  }
}

/// Where the threads that decode a subset leave each line's outcome: each slot is written by one
/// thread, and read only after all of them have finished.
private final class OutcomeSlots: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<LineDecoder.Outcome>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(
      repeating: LineDecoder.Outcome(event: nil, failure: nil, checksBeforeFailure: 0, set: nil))
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ outcome: LineDecoder.Outcome, at index: Int) { slots[index] = outcome }

  var outcomes: [LineDecoder.Outcome] { Array(slots) }
}
