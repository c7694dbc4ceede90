extension LogAppender {
  /// Appends by reading and checking the whole log (from its file, a run at a time: it is not
  /// held whole), then writes a fresh index beside it: the path taken when the index is
  /// missing, stale or damaged.
  func appendReadingWholeLog(_ request: Request, file: LockedLog, path: String)
    throws(WriteError) -> Outcome
  {
    let storage = try file.contents()
    let length = storage.length
    var log: EventLog
    do { log = try FastLogDecoder.parse(storage, file: self.path, options: .writing) } catch {
      if error.problem == .tornLastLine, let line = error.line { throw .tornTail(line: line) }
      throw .log(error)
    }
    if !log.isChained && !log.events.isEmpty { throw .notChained }
    // The index is a cache: when it cannot be written, appends read the whole log.
    let indexed = usesIndex && (try? LogIndex.write(for: log, atLog: path)) != nil
    let head: LogHead?
    do { head = try LogHead.read(forLog: path) } catch { throw .log(error) }
    let status = HeadStatus.of(log, storage: storage, head: head)
    switch status {
    case .matches: break
    case .behind(let headSeq, let logSeq) where logSeq - headSeq == 1: break
    case .missing where log.events.isEmpty: break
    default: throw .head(status)
    }
    let object = request.object
    if let existing = log.events.first(where: { $0.id == request.id }),
      let raw = log.rawObject(id: request.id)
    {
      guard LogAppender.content(of: raw) == LogAppender.content(of: object) else {
        throw .conflictingID(id: request.id, seq: existing.seq)
      }
      return .alreadyPresent(seq: existing.seq)
    }
    let seq = log.events.count + 1
    if let expectedSeq = request.expectedSeq, expectedSeq != seq {
      throw .unexpectedSeq(expected: expectedSeq, next: seq)
    }
    let line = Array(LogAppender.line(object, seq: seq, prev: log.lastLineHash).utf8)
    do {
      try log.appendLine(line, number: seq + 1, expectedPrev: log.lastLineHash)
      try AnnouncementConsistency.check(log, only: log.events.last)
    } catch {
      throw .log(
        LogError(file: request.source, line: nil, field: error.field, problem: error.problem))
    }
    try file.append(line + [UInt8(ascii: "\n")], restoringLength: length)
    let hash = SHA256.hash(line)
    if indexed, let event = log.events.last, let index = try? LogIndex(forLog: path) {
      try? index.record(
        [(event, length)], end: length + line.count + 1, lastLine: (length, hash))
    }
    return finish(seq: seq, hash: hash, length: length + line.count + 1, path: path)
  }

  /// Updates the head after a line was written and made durable.
  func finish(seq: Int, hash: SHA256Digest, length: Int, path: String) -> Outcome {
    do {
      try LogHead(seq: seq, hash: hash, length: length).write(forLog: path)
    } catch {
      return .appendedHeadStale(seq: seq, hash: hash, reason: "\(error.path): \(error)")
    }
    return .appended(seq: seq, hash: hash)
  }
}
