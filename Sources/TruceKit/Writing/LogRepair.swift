#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Brings a log back to its complete events after a crash: the torn bytes of an interrupted
/// last write are saved to a side file, then cut from the log; a head left one append behind is
/// brought up to date.
///
/// Everything is decided before anything is touched. A complete event is never cut or rewritten:
/// when the head shows that the "torn" bytes are a whole line that lost only its newline, the
/// newline is restored instead; any other damage is reported and nothing changes.
public enum LogRepair {
  /// What a repair did.
  public struct Outcome: Hashable, Sendable {
    /// Where the torn bytes were saved, if bytes were cut.
    public var sideFile: String?
    /// How many torn bytes were cut.
    public var tornBytes: Int
    /// Whether a missing newline was restored at the end of a complete last line.
    public var newlineRestored: Bool
    /// Whether the head was rewritten.
    public var headUpdated: Bool
    /// The number of complete events.
    public var events: Int
  }

  /// Repairs a log in place, under its lock.
  ///
  /// - Parameters:
  ///   - path: The log.
  ///   - now: The clock, for naming the side file.
  /// - Throws: ``WriteError/irreparable(_:)`` when the damage is not a torn tail or a head one
  ///   append behind (nothing is changed then); other ``WriteError`` cases when files cannot be
  ///   read or written.
  public static func repair(path given: String, now: Instant = Instant.now()) throws(WriteError)
    -> Outcome
  {
    let path = FileIO.resolved(given)
    let file = try LockedLog(path: path)
    defer { file.release() }
    // Read from the file a run at a time, not held whole.
    let storage = try file.contents()
    let log: EventLog
    do {
      log = try FastLogDecoder.parse(
        storage, file: path, options: ReadOptions(chain: .full, toleratesTornTail: true))
    } catch {
      throw .irreparable(
        "\(error.description) — repair only cuts a torn last line and updates a lagging head")
    }
    let head: LogHead?
    do { head = try LogHead.read(forLog: path) } catch {
      throw .irreparable("\(error.description) — repair does not rebuild a damaged head")
    }
    var outcome = Outcome(
      sideFile: nil, tornBytes: 0, newlineRestored: false, headUpdated: false,
      events: log.events.count)
    // A torn tail that hashes to the head's last line is a complete line missing its newline.
    if let torn = log.torn, let head, head.seq == log.events.count + 1,
      SHA256.hash(torn.bytes) == head.hash,
      head.length == storage.length + 1
    {
      try file.append([UInt8(ascii: "\n")], restoringLength: storage.length)
      outcome.newlineRestored = true
      outcome.events += 1
      return outcome
    }
    let status = HeadStatus.of(log, storage: storage, head: head)
    switch status {
    case .matches, .notChained: break
    case .behind(let headSeq, let logSeq) where logSeq - headSeq == 1: break
    case .missing where log.events.isEmpty: break
    case .missing:
      throw .irreparable(
        "the head file is missing: rebuilding it from the log would hide any lines removed from its end"
      )
    case .behind, .ahead, .mismatch:
      throw .irreparable("\(status); repair does not rewrite or invent complete events")
    }
    if let torn = log.torn {
      let side = try saveSideFile(Array(torn.bytes), for: path, now: now)
      try file.truncate(to: torn.offset)
      outcome.sideFile = side
      outcome.tornBytes = torn.bytes.count
    }
    if status != .matches && status != .notChained {
      do { try LogHead(of: log).write(forLog: path) } catch { throw .io(error) }
      outcome.headUpdated = true
    }
    return outcome
  }

  /// Writes torn bytes to a new side file (never over an existing one), durably.
  private static func saveSideFile(_ bytes: [UInt8], for path: String, now: Instant)
    throws(WriteError)
    -> String
  {
    let stamp = now.civil(atOffset: 0)
    let base =
      "\(path).torn-\(stamp.date)T\(pad(stamp.hour, 2))\(pad(stamp.minute, 2))\(pad(stamp.second, 2))Z"
    for attempt in 0..<1000 {
      let candidate = attempt == 0 ? base : "\(base)-\(attempt)"
      do {
        try FileIO.createExclusively(path: candidate, with: bytes)
        return candidate
      } catch {
        if error.code == EEXIST { continue }
        throw .io(error)
      }
    }
    throw .irreparable("too many side files beside \(path)")
  }
}
