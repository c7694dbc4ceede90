#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The index kept beside a log (`<log>.index`): for every id the log declares, where the lines
/// are that the log's rules consult about it, so that `truce append` checks a new event by
/// reading those few lines instead of the whole log.
///
/// It is a cache, never trusted blindly. Its header records the log's length and the hash of
/// the last line it covers; it is used only when the log still holds that line there. When the
/// log has grown past it (an append that could not update it), it catches up from that line;
/// when it is missing, stale, damaged or was left half-updated, the whole log is read and it is
/// rebuilt. Updates mark it as updating before they change anything and as clean once they are
/// done, so an interrupted update is seen as such; an index last written before the system
/// restarted is not trusted either (see ``BootID``).
final class LogIndex {
  /// Where the index of a log is kept.
  static func path(forLog path: String) -> String { path + ".index" }

  private(set) var file: IndexFile
  private(set) var header: IndexHeader
  /// Whether an update met a damaged slot and gave up: the index is left marked as updating,
  /// and this instance never marks it clean again.
  private(set) var isAbandoned = false

  /// The table of names, in the mapped file.
  var table: NameTable {
    NameTable(
      slots: file.base + IndexHeader.size, capacity: Int(header.capacity),
      used: Int(header.used), file: file)
  }

  /// Opens the index beside a log, to update it or (when not `writable`) only to read it.
  ///
  /// - Throws: ``IndexMismatch`` when it is missing, not an index of this version, damaged, or
  ///   was left half-updated.
  init(forLog logPath: String, writable: Bool = true) throws(IndexMismatch) {
    let path = LogIndex.path(forLog: logPath)
    guard let file = IndexFile(path: path, writable: writable) else {
      throw IndexMismatch(reason: "\(path) is missing or unreadable")
    }
    guard file.size >= IndexHeader.size, let header = IndexHeader(loadingFrom: file.base) else {
      throw IndexMismatch(reason: "\(path) is not an index of this version, or is damaged")
    }
    guard header.state == .clean else {
      throw IndexMismatch(reason: "\(path): an update was interrupted")
    }
    if let boot = BootID.current, header.boot != boot {
      throw IndexMismatch(reason: "\(path) was last written before the system restarted")
    }
    // Bounded before they are multiplied or converted.
    guard header.capacity < 1 << 40, header.used <= header.capacity,
      header.logLength < 1 << 62, header.lastLineOffset <= header.logLength
    else {
      throw IndexMismatch(reason: "\(path) is damaged")
    }
    let capacity = Int(header.capacity)
    guard capacity >= 1, capacity & (capacity - 1) == 0,
      file.size == IndexHeader.fileSize(capacity: capacity),
      NameTable.fits(Int(header.used), capacity: capacity)
    else {
      throw IndexMismatch(reason: "\(path) is damaged")
    }
    self.file = file
    self.header = header
  }

  /// Checks that the log still holds, where the index says, the last line the index covers, and
  /// that this line still chains onto the one before it (as every reader checks the last line).
  ///
  /// - Parameters:
  ///   - reader: The log.
  ///   - size: The log's size now.
  func check(against reader: LogLineReader, size: Int) throws(IndexMismatch) {
    let length = Int(header.logLength)
    guard length <= size else {
      throw IndexMismatch(reason: "the log is shorter than when it was indexed")
    }
    try reader.checkIndexedLine(
      at: Int(header.lastLineOffset), endingAt: length, hash: header.lastLineHash)
  }

  /// Takes in events appended to the log after the lines the index covers.
  ///
  /// - Parameters:
  ///   - events: The events, each with where its line starts, in log order.
  ///   - end: The log's length after the last of them.
  ///   - lastLine: Where the last line starts, and its hash.
  func record(
    _ events: [(event: Event, offset: Int)], end: Int, lastLine: (offset: Int, hash: SHA256Digest)
  ) throws(FileIOError) {
    guard !isAbandoned else { throw abandoned() }
    if !table.hasRoom(for: events.count * NameTable.namesPerEvent) {
      try grow(toHold: events.count * NameTable.namesPerEvent)
    }
    // Within one boot the page cache keeps every write in order for the next process; only
    // where the boot cannot be told apart must each step reach the disk first.
    let durable = BootID.current == nil
    header.state = .updating
    header.store(to: file.base)
    if durable { try file.sync() }
    var table = self.table
    do {
      for (event, offset) in events { try table.register(event, at: UInt64(offset)) }
    } catch {
      // A damaged slot: the index is left marked as updating, so the next reader rebuilds it
      // rather than trust it. The lines were written; only the index is left behind.
      isAbandoned = true
      throw abandoned()
    }
    header.used = UInt64(table.used)
    if header.eventCount == 0, let first = events.first {
      header.isChained = first.event.link != nil
    }
    header.eventCount += UInt64(events.count)
    header.logLength = UInt64(end)
    header.lastLineOffset = UInt64(lastLine.offset)
    header.lastLineHash = lastLine.hash
    header.store(to: file.base)
    if durable { try file.sync() }
    header.state = .clean
    header.store(to: file.base)
  }

  /// The error an update that gave up on a damaged index throws.
  private func abandoned() -> FileIOError {
    FileIOError(path: file.path, operation: "update (a damaged record)", code: EIO)
  }

  /// Rewrites the index with a table twice as large (or more), so that `extra` more names fit.
  private func grow(toHold extra: Int) throws(FileIOError) {
    // Every record is checked as it is copied: a damaged one is not sealed again.
    let records: [NameRecord]
    do { records = try table.records() } catch {
      isAbandoned = true
      header.state = .updating
      header.store(to: file.base)
      throw abandoned()
    }
    var capacity = Int(header.capacity) * 2
    while !NameTable.fits(records.count + extra, capacity: capacity) { capacity *= 2 }
    let image = LogIndex.image(header: header, capacity: capacity) { table in
      // A new table holds only what is inserted here: no slot of it can be damaged.
      for record in records { guard (try? table.insert(record)) != nil else { return false } }
      return true
    }
    guard let image else { throw FileIOError(path: file.path, operation: "grow", code: EIO) }
    try FileIO.replaceAtomically(path: file.path, with: image)
    guard let reopened = IndexFile(path: file.path), reopened.size >= IndexHeader.size,
      let header = IndexHeader(loadingFrom: reopened.base)
    else {
      throw FileIOError(path: file.path, operation: "open", code: EIO)
    }
    self.file = reopened
    self.header = header
  }

  /// Writes the index of a log read in full, replacing any index beside it.
  ///
  /// - Parameters:
  ///   - log: The log, as read (with no lines appended since).
  ///   - path: The log's path.
  static func write(for log: EventLog, atLog path: String) throws(FileIOError) {
    guard log.appendedLines.isEmpty else { return }
    try FileIO.replaceAtomically(path: LogIndex.path(forLog: path), with: image(of: log))
  }

  /// The bytes of the index of a log read in full.
  static func image(of log: EventLog) -> [UInt8] {
    var header = IndexHeader()
    header.logLength = UInt64(log.completeLength)
    header.eventCount = UInt64(log.events.count)
    header.lastLineOffset = UInt64(log.eventLines.last?.lowerBound ?? 0)
    header.lastLineHash = log.lastLineHash
    header.isChained = log.isChained
    header.headerFingerprint = LogHeaderLine.fingerprint(log.headerLine)
    var capacity = NameTable.capacity(for: log.events.count + 16)
    while true {
      let image = LogIndex.image(header: header, capacity: capacity) { table in
        for (position, event) in log.events.enumerated() {
          // A new table holds only what is registered here: no slot of it can be damaged.
          guard table.hasRoom(for: NameTable.namesPerEvent),
            (try? table.register(event, at: UInt64(log.eventLines[position].lowerBound))) != nil
          else { return false }
        }
        return true
      }
      if let image { return image }
      capacity *= 2
    }
  }

  /// An index file's bytes: `header` (with the table's shape filled in) and a table of
  /// `capacity` slots filled by `fill`; `nil` when `fill` runs out of room.
  private static func image(
    header: IndexHeader, capacity: Int, fill: (inout NameTable) -> Bool
  ) -> [UInt8]? {
    var bytes = [UInt8](repeating: 0, count: IndexHeader.fileSize(capacity: capacity))
    return bytes.withUnsafeMutableBytes { buffer -> Bool in
      guard let base = buffer.baseAddress else { return false }
      NameRecord.markEmpty(base + IndexHeader.size, count: capacity)
      var table = NameTable(slots: base + IndexHeader.size, capacity: capacity, used: 0)
      guard fill(&table) else { return false }
      var header = header
      header.state = .clean
      header.boot = BootID.current ?? header.boot
      header.capacity = UInt64(capacity)
      header.used = UInt64(table.used)
      header.store(to: base)
      return true
    } ? bytes : nil
  }
}
