/// The lines a timeline over a span of time rests on, read through the index
/// (``IndexedLogReader/log(forTimelineFrom:to:area:)``), and the items among them read whole.
public struct WindowLog: Sendable {
  /// The lines, as a log.
  public var log: EventLog
  /// The ids of the items whose lines it holds whole: the timeline draws only these
  /// (``Timeline/init(projection:from:to:area:areas:only:)``).
  public var items: Set<String>
}
