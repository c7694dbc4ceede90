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
  /// - Throws: ``IndexMismatch`` when a line cannot be read or is not an event.
  static func log(
    file: String, header: LogHeader, lines: [Line], reader: LogLineReader
  ) throws(IndexMismatch) -> EventLog {
    var subset = EventLog.empty(
      file: file, header: header, headerLine: [], headerEnd: 0, storage: LogBytes([]))
    subset.isChained = true
    var decoder = LineDecoder(areas: header.areas)
    var scratch: [ContextCheck] = []
    var recorded: [String: (bytes: [UInt8], number: Int)] = [:]
    var amendedLines: [String: [UInt8]] = [:]
    for line in lines {
      let found: (content: [UInt8], end: Int)?
      do { found = try reader.line(at: line.offset) } catch {
        throw IndexMismatch(reason: "\(error.path): \(error)")
      }
      guard let content = found?.content else {
        throw IndexMismatch(reason: "no complete line at byte \(line.offset)")
      }
      scratch.removeAll(keepingCapacity: true)
      let outcome = content.withUnsafeBytes {
        decoder.decode($0, number: line.number, checks: &scratch)
      }
      guard let event = outcome.event, outcome.failure == nil else {
        throw IndexMismatch(reason: "line \(line.number) is not a valid event")
      }
      recorded[event.id] = (content, line.number)
      subset.events.append(event)
      guard case .erratum(let target, let void) = event.payload else { continue }
      if void {
        subset.voided.insert(target)
        continue
      }
      guard let set = outcome.set, let original = recorded[target] else {
        throw IndexMismatch(reason: "line \(line.number) corrects a line not read with it")
      }
      let current = amendedLines[target] ?? original.bytes
      let merged: [UInt8]
      do {
        merged = try content.withUnsafeBytes { bytes throws(ErratumMerge.ForbiddenKey) in
          try ErratumMerge.merge(UnsafeRawBufferPointer(rebasing: bytes[set.range]), into: current)
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
}
