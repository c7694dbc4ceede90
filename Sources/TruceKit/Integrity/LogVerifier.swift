/// Checks a whole log: every line's format and validity against the lines before it, the hash
/// chain from the header to the last line, and the head beside it.
public enum LogVerifier {
  /// A verified log.
  public struct Report: Hashable, Sendable {
    /// The number of events.
    public var events: Int
    /// The hash of the last line.
    public var lastLineHash: SHA256Digest
  }

  /// Verifies a log file.
  ///
  /// - Returns: A report when everything holds.
  /// - Throws: ``LogError`` for the first bad line (or the head), with what is wrong.
  public static func verify(path: String) throws(LogError) -> Report {
    let snapshot: (log: LogBytes, head: [UInt8]?)
    do { snapshot = try LogBytes.snapshot(path: FileIO.resolved(path)) } catch {
      throw LogError(file: path, line: nil, problem: .unreadable(error.description))
    }
    let head = try snapshot.head.map { bytes throws(LogError) in
      try LogHead.parse(bytes, file: LogHead.path(forLog: path))
    }
    return try verify(snapshot.log, head: head, path: path)
  }

  /// Verifies a log from its bytes and its head.
  ///
  /// - Parameters:
  ///   - bytes: The whole log file.
  ///   - head: Its head, if one was found.
  ///   - path: The name to use in errors.
  /// - Throws: ``LogError`` for the first bad line (or the head).
  public static func verify(bytes: [UInt8], head: LogHead?, path: String) throws(LogError) -> Report
  {
    try verify(LogBytes(bytes), head: head, path: path)
  }

  /// Verifies a log read from memory or, a run at a time, from its file.
  private static func verify(_ storage: LogBytes, head: LogHead?, path: String) throws(LogError)
    -> Report
  {
    let log = try FastLogDecoder.parse(storage, file: path, options: .verifying)
    if !log.isChained && !log.events.isEmpty {
      throw LogError(
        file: path, line: 2, field: "prev",
        problem: .brokenChain("the log is not hash-chained: its events carry no 'prev'"))
    }
    try AnnouncementConsistency.check(log)
    let status = HeadStatus.of(log, storage: storage, head: head)
    guard status == .matches else {
      throw LogError(
        file: LogHead.path(forLog: path), line: nil, problem: .brokenChain(status.description))
    }
    return Report(events: log.events.count, lastLineHash: log.lastLineHash)
  }
}
