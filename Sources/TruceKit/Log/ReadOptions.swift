/// How thoroughly a log is checked as it is read.
public struct ReadOptions: Hashable, Sendable {
  /// How much of the hash chain to check.
  public var chain: ChainCheck
  /// Whether a last line cut short by an interrupted write is set aside (and reported in
  /// ``EventLog/torn``) rather than failing the read.
  public var toleratesTornTail: Bool
  /// Whether the events are held as compact records (``EventLog/records``) rather than in
  /// ``EventLog/events``, each let go once its record is written: for a caller that only folds
  /// them and shows a few (``AtQuery/answer(consuming:)``). ``EventLog/events`` is then empty.
  public var holdsRecords = false

  /// How much of the hash chain to check.
  public enum ChainCheck: Hashable, Sendable {
    /// No hashing beyond the last line's own hash.
    case none
    /// The last event's `prev` only: what commands that only read check.
    case tail
    /// Every event's `prev`: what `truce verify` checks.
    case full
  }

  /// Creates options.
  public init(chain: ChainCheck, toleratesTornTail: Bool) {
    self.chain = chain
    self.toleratesTornTail = toleratesTornTail
  }

  /// For commands that only read: check the tail, answer from the complete events.
  public static let reading = ReadOptions(chain: .tail, toleratesTornTail: true)
  /// For `truce verify`: check everything, and report a torn tail as an error.
  public static let verifying = ReadOptions(chain: .full, toleratesTornTail: false)
  /// For writing: check the tail; a torn tail must be repaired first.
  public static let writing = ReadOptions(chain: .tail, toleratesTornTail: false)
  /// As ``reading``, with the events held as records: for a cold `truce at`.
  public static let readingRecords: ReadOptions = {
    var options = ReadOptions.reading
    options.holdsRecords = true
    return options
  }()
}

/// The bytes of a last line that an interrupted write left without its newline.
public struct TornTail: Hashable, Sendable {
  /// The line number the torn line would have had.
  public var line: Int
  /// Where in the file it starts.
  public var offset: Int
  /// Its bytes.
  public var bytes: ArraySlice<UInt8>
}
