/// How commands that only read open a log: the tail and the head are checked, not the whole
/// chain, and a torn last line is set aside with a warning rather than failing the answer.
public enum LogReading {
  /// Reads a log for answering questions.
  ///
  /// - Parameters:
  ///   - path: The log file.
  ///   - holdingRecords: Whether to hold the events as records (``ReadOptions/holdsRecords``),
  ///     for a caller that only folds them.
  /// - Returns: The log and the warnings a reader should see.
  /// - Throws: ``LogError`` when a complete line is bad.
  public static func read(path: String, holdingRecords: Bool = false) throws(LogError) -> (
    EventLog, [String]
  ) {
    let snapshot: (log: LogBytes, head: [UInt8]?)
    do { snapshot = try LogBytes.snapshot(path: FileIO.resolved(path)) } catch {
      throw LogError(file: path, line: nil, problem: .unreadable(error.description))
    }
    let log = try FastLogDecoder.parse(
      snapshot.log, file: path, options: holdingRecords ? .readingRecords : .reading)
    var warnings: [String] = []
    if let torn = log.torn {
      warnings.append(
        "\(path):\(torn.line): the last line is incomplete (\(torn.bytes.count) bytes, a write cut "
          + "short); answering from the \(log.eventCount) complete events. Run 'truce verify "
          + "--repair' to set it aside.")
    }
    var head: LogHead?
    if let headBytes = snapshot.head {
      do { head = try LogHead.parse(headBytes, file: LogHead.path(forLog: path)) } catch {
        warnings.append("\(error); the log's end cannot be checked against it.")
        return (log, warnings)
      }
    }
    let status = HeadStatus.of(log, storage: snapshot.log, head: head)
    switch status {
    case .matches, .notChained: break
    case .missing, .behind, .ahead, .mismatch:
      warnings.append("\(path): \(status); run 'truce verify' to check the whole log.")
    }
    return (log, warnings)
  }
}
