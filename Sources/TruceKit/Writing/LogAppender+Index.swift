extension LogAppender {
  /// What an append through the index came to.
  enum IndexedAttempt {
    /// The append is done (or was refused with the error thrown).
    case done(Outcome)
    /// The index cannot be used; the whole log must be read.
    case unusable(IndexMismatch)
  }

  /// The most bytes of lines appended without the index that it catches up with line by line;
  /// beyond that, reading the whole log and rebuilding the index is faster.
  static let catchUpLimit = 1 << 20

  /// Appends with the checks reading only the lines the index points to.
  ///
  /// Every check is the one ``appendReadingWholeLog(_:file:path:)`` makes, in the same order
  /// and with the same errors; anything the index cannot vouch for sends the append down that
  /// path instead.
  func appendWithIndex(_ request: Request, file: LockedLog, path: String)
    throws(WriteError) -> IndexedAttempt
  {
    let reader = LogLineReader(descriptor: file.descriptor, path: path)
    let index: LogIndex
    let header: LogHeader
    var size: Int
    do throws(IndexMismatch) {
      index = try LogIndex(forLog: path)
      size = try io { () throws(FileIOError) in try reader.size() }
      guard let headerLine = try io({ () throws(FileIOError) in try reader.line(at: 0) }),
        LogHeaderLine.fingerprint(headerLine.content) == index.header.headerFingerprint,
        let decoded = try? LogHeaderLine.decode(
          headerLine.content, file: self.path)
      else {
        throw IndexMismatch(reason: "the log's header is not the one indexed")
      }
      header = decoded
      try index.check(against: reader, size: size)
    } catch {
      return .unusable(error)
    }
    var checker = IndexedLineCheck(
      lookup: IndexLookup(table: index.table, reader: reader, areas: header.areas),
      file: self.path, header: header)
    if case .unusable(let mismatch) = catchUp(index, reader: reader, size: size, with: &checker) {
      return .unusable(mismatch)
    }
    size = Int(index.header.logLength)
    let count = Int(index.header.eventCount)
    let lastHash = index.header.lastLineHash
    if !index.header.isChained && count > 0 { throw .notChained }
    let head: LogHead?
    do { head = try LogHead.read(forLog: path) } catch { throw .log(error) }
    let status = HeadStatus.of(
      isChained: index.header.isChained, eventCount: count, lastLineHash: lastHash,
      completeLength: size, head: head
    ) { length in try? reader.hashOfLine(endingAt: length) }
    switch status {
    case .matches: break
    case .behind(let headSeq, let logSeq) where logSeq - headSeq == 1: break
    case .missing where count == 0: break
    default: throw .head(status)
    }
    let indexed: NameRecord?
    do { indexed = try index.table.record(named: request.id) } catch { return .unusable(error) }
    if let record = indexed, record.eventOffset != 0 {
      guard let existing = try? checker.lookup.event(at: record.eventOffset),
        existing.event.id == request.id,
        case .object(let raw)? = try? JSONParser.parse(existing.line)
      else {
        return .unusable(IndexMismatch(reason: "the line of '\(request.id)' cannot be read back"))
      }
      guard LogAppender.content(of: raw) == LogAppender.content(of: request.object) else {
        throw .conflictingID(id: request.id, seq: existing.event.seq)
      }
      return .done(.alreadyPresent(seq: existing.event.seq))
    }
    let seq = count + 1
    if let expectedSeq = request.expectedSeq, expectedSeq != seq {
      throw .unexpectedSeq(expected: expectedSeq, next: seq)
    }
    let line = Array(LogAppender.line(request.object, seq: seq, prev: lastHash).utf8)
    let event: Event
    do {
      event = try checker.check(
        line, precedingEvents: count, expectedPrev: lastHash, isChained: index.header.isChained)
    } catch {
      switch error {
      case .invalid(let error):
        throw .log(
          LogError(file: request.source, line: nil, field: error.field, problem: error.problem))
      case .unusable(let mismatch): return .unusable(mismatch)
      }
    }
    try file.append(line + [UInt8(ascii: "\n")], restoringLength: size)
    let hash = SHA256.hash(line)
    // A failed update leaves the index behind or half-updated; the next append sees it.
    try? index.record([(event, size)], end: size + line.count + 1, lastLine: (size, hash))
    return .done(finish(seq: seq, hash: hash, length: size + line.count + 1, path: path))
  }

  /// Takes into the index the lines the log gained without it (an append that wrote the log but
  /// not the index), checking each as an append would. Anything unusual (a torn or invalid
  /// line, too much to catch up with) leaves it to reading the whole log, which reports it.
  private func catchUp(
    _ index: LogIndex, reader: LogLineReader, size: Int, with checker: inout IndexedLineCheck
  ) -> IndexedAttempt? {
    var end = Int(index.header.logLength)
    guard size > end else { return nil }
    guard size - end <= LogAppender.catchUpLimit else {
      return .unusable(IndexMismatch(reason: "the log is far ahead of its index"))
    }
    while end < size {
      guard let line = try? reader.line(at: end) else {
        return .unusable(IndexMismatch(reason: "the log ends with an incomplete line"))
      }
      do {
        let event = try checker.check(
          line.content, precedingEvents: Int(index.header.eventCount),
          expectedPrev: index.header.lastLineHash, isChained: index.header.isChained)
        try index.record(
          [(event, end)], end: line.end, lastLine: (end, SHA256.hash(line.content)))
      } catch {
        return .unusable(IndexMismatch(reason: "a line after the indexed ones: \(error)"))
      }
      checker.lookup.table = index.table
      end = line.end
    }
    return nil
  }

  private func io<T>(_ body: () throws(FileIOError) -> T) throws(IndexMismatch) -> T {
    do { return try body() } catch { throw IndexMismatch(reason: "\(error.path): \(error)") }
  }
}
