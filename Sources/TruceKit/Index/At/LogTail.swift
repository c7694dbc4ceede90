/// The lines a log gained after the index `truce at` answers from was built: read, chained onto
/// the last indexed line, and vouched for by the index appends check against, which checked
/// each of them by the log's rules as it was appended.
///
/// An answer from the index folds these lines beside the lines of the items it reads
/// (``TailOverlay``), so that an append does not send the next question to the whole log.
struct LogTail {
  /// One line of the tail.
  struct Entry {
    /// Where it is, and its line number.
    var line: LogSubset.Line
    /// Its event.
    var event: Event
  }

  /// The lines, in log order.
  private(set) var entries: [Entry] = []

  /// The most bytes of lines an answer takes from beyond the index; past that, the whole log is
  /// read (and indexed again in the background).
  static let limit = 1 << 20

  /// Past this many bytes of tail, `truce at` also has the index rebuilt in the background, so
  /// that the tail stays short.
  static let rebuildThreshold = 64 << 10

  /// How many bytes the tail holds.
  let byteCount: Int
  /// The index appends check against, which covers the tail; `nil` when the tail is empty.
  private(set) var vouching: LogIndex?
  /// The log's events, with the tail's.
  private(set) var eventCount: Int
  /// The hash of the log's last line.
  private(set) var lastLineHash: SHA256Digest

  /// Reads the lines after those `index` covers, up to the log's `size`.
  ///
  /// - Throws: ``IndexMismatch`` when the tail is too long, a line is torn, not an event, not
  ///   numbered next or does not name the line before it, or when the index appends check
  ///   against does not cover exactly these lines (then nothing vouches that the rules hold).
  init(
    after index: AtIndex, reader: LogLineReader, size: Int, logPath: String, areas: AreaRegistry
  ) throws(IndexMismatch) {
    let start = Int(index.header.logLength)
    byteCount = size - start
    eventCount = Int(index.header.eventCount)
    lastLineHash = index.header.lastLineHash
    guard byteCount > 0 else { return }
    guard byteCount <= LogTail.limit else {
      throw IndexMismatch(reason: "the log is far ahead of its index")
    }
    var offset = start
    var previousHash = index.header.lastLineHash
    var seq = Int(index.header.eventCount)
    var lastOffset = start
    var decoder = LineDecoder(areas: areas)
    var scratch: [ContextCheck] = []
    while offset < size {
      let found: (content: [UInt8], end: Int)?
      do { found = try reader.line(at: offset) } catch {
        throw IndexMismatch(reason: "\(error.path): \(error)")
      }
      guard let found else {
        throw IndexMismatch(reason: "the log ends with an incomplete line")
      }
      seq += 1
      scratch.removeAll(keepingCapacity: true)
      let outcome = found.content.withUnsafeBytes {
        decoder.decode($0, number: seq + 1, checks: &scratch)
      }
      guard let event = outcome.event, outcome.failure == nil, event.seq == seq,
        event.link?.digest == previousHash
      else {
        throw IndexMismatch(reason: "line \(seq + 1) does not follow the indexed lines")
      }
      entries.append(Entry(line: LogSubset.Line(offset: offset, number: seq + 1), event: event))
      previousHash = SHA256.hash(found.content)
      lastOffset = offset
      offset = found.end
    }
    // Only the index appends check against says these lines keep the log's rules: it must
    // cover exactly them, and the log's header must be the one both indexes were built from.
    let vouching = try LogIndex(forLog: logPath, writable: false)
    guard vouching.header.logLength == UInt64(size),
      vouching.header.eventCount == UInt64(seq),
      vouching.header.lastLineOffset == UInt64(lastOffset),
      vouching.header.lastLineHash == previousHash,
      vouching.header.headerFingerprint == index.header.headerFingerprint
    else {
      throw IndexMismatch(reason: "the lines after the indexed ones were not checked on append")
    }
    self.vouching = vouching
    eventCount = seq
    lastLineHash = previousHash
  }
}
