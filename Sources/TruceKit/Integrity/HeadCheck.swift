/// How a log stands against the head kept beside it.
public enum HeadStatus: Hashable, Sendable, CustomStringConvertible {
  /// The head names the log's last line.
  case matches
  /// The log is not hash-chained, so it keeps no head.
  case notChained
  /// A chained log without its head file.
  case missing
  /// The head names an earlier line, and the lines after it chain onto it: the last append
  /// finished writing the log but not the head. `truce verify --repair` brings it up to date.
  case behind(headSeq: Int, logSeq: Int)
  /// The head names a later line than the log has: whole lines were removed from the end.
  case ahead(headSeq: Int, logSeq: Int)
  /// The line the head names is not the line the log holds: the log was changed.
  case mismatch(seq: Int)

  /// Whether readers may trust the log's end (possibly with a head to bring up to date).
  public var isConsistent: Bool {
    switch self {
    case .matches, .notChained, .behind: return true
    case .missing, .ahead, .mismatch: return false
    }
  }

  public var description: String {
    switch self {
    case .matches: return "the head matches the last line"
    case .notChained: return "the log is not hash-chained"
    case .missing: return "the head file beside the log is missing"
    case .behind(let head, let log):
      return "the head records seq \(head) but the log goes on to seq \(log): the last append "
        + "did not finish updating the head ('truce verify --repair' updates it)"
    case .ahead(let head, let log):
      return "the head records seq \(head) but the log ends at seq \(log): whole lines were "
        + "removed from its end"
    case .mismatch(let seq):
      return "line for seq \(seq) is not the line the head recorded: the log was changed "
        + "after its last append"
    }
  }

  /// Compares a log with its head, reading the line the head names when it lags from the log's
  /// own bytes (in memory or in its file), among its complete lines only.
  static func of(_ log: EventLog, storage: LogBytes, head: LogHead?) -> HeadStatus {
    of(
      isChained: log.isChained, eventCount: log.eventCount, lastLineHash: log.lastLineHash,
      completeLength: log.completeLength, head: head
    ) { length in
      guard length <= log.completeLength else { return nil }
      guard let file = storage.file else { return hashOfLine(in: storage.bytes, endingAt: length) }
      return (try? file.hashOfLine(endingAt: length)) ?? nil
    }
  }

  /// The hash of the line that ends, with its newline, at `length` in `bytes`.
  private static func hashOfLine(in bytes: [UInt8], endingAt length: Int) -> SHA256Digest? {
    guard length <= bytes.count, length > 0, bytes[length - 1] == UInt8(ascii: "\n") else {
      return nil
    }
    var start = length - 1
    while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var end = length - 1
    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return SHA256.hash(bytes[start..<end])
  }

  /// Compares a log, as far as it is known, with its head.
  ///
  /// - Parameters:
  ///   - isChained: Whether the log's events carry the hash chain.
  ///   - eventCount: How many events it holds.
  ///   - lastLineHash: The hash of its last complete line.
  ///   - completeLength: Its length up to the end of that line.
  ///   - head: The head, if one was found.
  ///   - lineHash: The hash of the line that ends (with its newline) at a length, or `nil`
  ///     when no line ends there; asked only when the head lags.
  static func of(
    isChained: Bool, eventCount seq: Int, lastLineHash: SHA256Digest, completeLength: Int,
    head: LogHead?, lineHash: (Int) -> SHA256Digest?
  ) -> HeadStatus {
    guard isChained || seq == 0 else { return .notChained }
    guard let head else { return .missing }
    if head.seq > seq { return .ahead(headSeq: head.seq, logSeq: seq) }
    if head.seq == seq {
      return head.hash == lastLineHash && head.length == completeLength
        ? .matches : .mismatch(seq: seq)
    }
    // The head lags: the line it names must be the one the log holds there. The lines after
    // it were chained onto it when they were read (fully by verify, the last one by readers).
    guard head.length > 0, let hash = lineHash(head.length) else { return .mismatch(seq: head.seq) }
    return hash == head.hash ? .behind(headSeq: head.seq, logSeq: seq) : .mismatch(seq: head.seq)
  }
}
