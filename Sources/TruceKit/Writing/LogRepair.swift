import Foundation

/// Brings a log back to its complete events after a crash: the torn bytes of an interrupted
/// last write are saved to a side file, then cut from the log; a head left behind is updated.
///
/// Nothing complete is ever rewritten or lost: a log damaged any other way is reported, not
/// repaired.
public enum LogRepair {
  /// What a repair did.
  public struct Outcome: Hashable, Sendable {
    /// Where the torn bytes were saved, if there were any.
    public var sideFile: String?
    /// How many torn bytes were cut.
    public var tornBytes: Int
    /// Whether the head was rewritten.
    public var headUpdated: Bool
    /// The number of complete events left.
    public var events: Int
  }

  /// Repairs a log in place, under its lock.
  ///
  /// - Parameters:
  ///   - path: The log.
  ///   - now: The clock, for naming the side file.
  /// - Throws: ``WriteError/irreparable(_:)`` when the damage is not a torn tail or a lagging
  ///   head; other ``WriteError`` cases when files cannot be read or written.
  public static func repair(path: String, now: Date = Date()) throws(WriteError) -> Outcome {
    let file = try LockedLog(path: path)
    let bytes = try file.readAll()
    let log: EventLog
    do {
      log = try EventLog.parse(
        bytes, file: path, options: ReadOptions(chain: .full, toleratesTornTail: true))
    } catch {
      throw .irreparable(
        "\(error.description) — repair only cuts a torn last line and updates the head")
    }
    var outcome = Outcome(sideFile: nil, tornBytes: 0, headUpdated: false, events: log.events.count)
    if let torn = log.torn {
      let stamp = Instant(secondsSinceEpoch: Int64(now.timeIntervalSince1970)).civil(atOffset: 0)
      let side =
        "\(path).torn-\(stamp.date)T\(pad(stamp.hour, 2))\(pad(stamp.minute, 2))\(pad(stamp.second, 2))Z"
      do {
        try FileIO.replaceAtomically(path: side, with: Array(torn.bytes))
      } catch {
        throw .io(error)
      }
      try file.truncate(to: torn.offset)
      outcome.sideFile = side
      outcome.tornBytes = torn.bytes.count
    }
    let head: LogHead?
    do { head = try LogHead.read(forLog: path) } catch { throw .log(error) }
    let completeBytes = Array(bytes[..<log.completeLength])
    switch HeadStatus.of(log, bytes: completeBytes, head: head) {
    case .matches, .notChained: break
    case .missing, .behind:
      do { try LogHead(of: log).write(forLog: path) } catch { throw .io(error) }
      outcome.headUpdated = true
    case .ahead(let headSeq, let logSeq):
      throw .irreparable(
        "the head records seq \(headSeq) but the log ends at seq \(logSeq): complete events are "
          + "missing, and repair does not invent them")
    case .mismatch(let seq):
      throw .irreparable(
        "the line for seq \(seq) is not the one the head recorded: the log was changed")
    }
    return outcome
  }
}
