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
    let size: Int
    do { size = try reader.size() } catch { throw IndexMismatch(reason: "\(error.path): \(error)") }
    guard let mapping = LogMapping(descriptor: reader.descriptor, size: size) else {
      throw IndexMismatch(reason: "the log cannot be mapped")
    }
    var ranges: [Range<Int>] = []
    ranges.reserveCapacity(lines.count)
    for line in lines {
      guard let range = mapping.line(at: line.offset) else {
        throw IndexMismatch(reason: "no complete line at byte \(line.offset)")
      }
      ranges.append(range)
    }
    let outcomes = decode(ranges, numbers: lines.map(\.number), in: mapping, areas: header.areas)
    var decoder = LineDecoder(areas: header.areas)
    var scratch: [ContextCheck] = []
    var recorded: [String: (range: Range<Int>, number: Int)] = [:]
    var amendedLines: [String: [UInt8]] = [:]
    for (index, line) in lines.enumerated() {
      let outcome = outcomes[index]
      guard let event = outcome.event, outcome.failure == nil else {
        throw IndexMismatch(reason: "line \(line.number) is not a valid event")
      }
      let content = UnsafeRawBufferPointer(rebasing: mapping.buffer[ranges[index]])
      recorded[event.id] = (ranges[index], line.number)
      subset.events.append(event)
      guard case .erratum(let target, let void) = event.payload else { continue }
      if void {
        subset.voided.insert(target)
        continue
      }
      guard let set = outcome.set, let original = recorded[target] else {
        throw IndexMismatch(reason: "line \(line.number) corrects a line not read with it")
      }
      let current =
        amendedLines[target]
        ?? Array(UnsafeRawBufferPointer(rebasing: mapping.buffer[original.range]))
      let merged: [UInt8]
      do {
        merged = try ErratumMerge.merge(
          UnsafeRawBufferPointer(rebasing: content[set.range]), into: current)
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
  private static func decode(
    _ ranges: [Range<Int>], numbers: [Int], in mapping: LogMapping, areas: AreaRegistry
  ) -> [LineDecoder.Outcome] {
    let parts = ranges.count >= parallelLines ? max(1, System.activeCores) : 1
    let results = OutcomeSlots(count: ranges.count)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var decoder = LineDecoder(areas: areas)
      var scratch: [ContextCheck] = []
      let first = ranges.count * part / parts
      let end = ranges.count * (part + 1) / parts
      for index in first..<end {
        scratch.removeAll(keepingCapacity: true)
        results.store(
          decoder.decode(
            UnsafeRawBufferPointer(rebasing: mapping.buffer[ranges[index]]),
            number: numbers[index], checks: &scratch),
          at: index)
      }
    }
    return results.outcomes
  }
}

/// Where the threads that decode a subset leave each line's outcome: each slot is written by one
/// thread, and read only after all of them have finished.
private final class OutcomeSlots: @unchecked Sendable {
  private var slots: [LineDecoder.Outcome]

  init(count: Int) {
    slots = Array(
      repeating: LineDecoder.Outcome(event: nil, failure: nil, checksBeforeFailure: 0, set: nil),
      count: count)
  }

  func store(_ outcome: LineDecoder.Outcome, at index: Int) {
    slots.withUnsafeMutableBufferPointer { $0[index] = outcome }
  }

  var outcomes: [LineDecoder.Outcome] { slots }
}
