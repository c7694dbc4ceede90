import Synchronization

/// Reads events of a log again from their lines, after the log was read: for records
/// (``RecordedEvents``), whose answers show a few events whole.
///
/// The lines are those the log's reading decoded and accepted (under its shared lock, which the
/// log's bytes hold until they go), so each decodes to the event it gave then. A line that can no
/// longer be read, or no longer decodes, means a tool that ignores the lock changed the file:
/// the first such line is kept in ``failure``.
final class LineRereader: Sendable {
  private let storage: LogBytes
  private let file: String
  /// Where each event's line is in ``storage``, by its position among the log's events.
  private let lines: LinePlaces
  private let state: Mutex<State>

  private struct State: ~Copyable {
    var decoder: LineDecoder
    var failure: LogError?
  }

  /// A reader of the lines of a log read from `storage`.
  ///
  /// - Parameters:
  ///   - storage: The log's bytes.
  ///   - file: The log's name, for errors.
  ///   - lines: Where each event's line is in `storage`, by position among the log's events.
  ///   - areas: The log's areas, which its events' times are read in.
  init(storage: LogBytes, file: String, lines: [Range<Int>], areas: AreaRegistry) {
    self.storage = storage
    self.file = file
    self.lines = LinePlaces(lines)
    state = Mutex(State(decoder: LineDecoder(areas: areas), failure: nil))
  }

  /// The event at `position` among the log's events, decoded again from its line (numbered
  /// `line`); `nil` when the line can no longer be read or decoded (see ``failure``).
  func event(ofEventAt position: Int, line: Int) -> Event? {
    guard position < lines.count, let bytes = storage.bytes(in: lines[position]) else {
      return failed(at: line)
    }
    return decoded(bytes, line: line)
  }

  /// The event at `position` among the log's events as amended by `errata` (the positions of the
  /// errata that set its fields, in the log's order), made as the log's reading made it: each
  /// erratum's `set` merged into the line as amended so far, and the result decoded. `nil` when
  /// a line can no longer be read or merged (see ``failure``).
  func amendedEvent(ofEventAt position: Int, line: Int, errata: [UInt32]) -> Event? {
    guard position < lines.count, var merged = storage.bytes(in: lines[position]).map(Array.init)
    else { return failed(at: line) }
    for erratum in errata.map(Int.init) {
      guard erratum < lines.count, let bytes = storage.bytes(in: lines[erratum]),
        let next = state.withLock({ Self.merge(bytes, into: merged, with: &$0.decoder) })
      else { return failed(at: erratum + 2) }
      merged = next
    }
    return decoded(merged[...], line: line)
  }

  /// The event a line's bytes decode to, numbered `line`; `nil` when they no longer decode.
  private func decoded(_ bytes: ArraySlice<UInt8>, line: Int) -> Event? {
    let event = state.withLock { state -> Event? in
      var checks: [ContextCheck] = []
      var outcome = bytes.withUnsafeBytes {
        state.decoder.decode($0, number: line, checks: &checks)
      }
      outcome.event?.line = line
      return outcome.event
    }
    return event ?? failed(at: line)
  }

  /// Keeps the failure to read `line` again (unless one came before), and gives no event.
  private func failed(at line: Int) -> Event? {
    fail(LogError(file: file, line: line, problem: .unreadable(Self.changed)))
    return nil
  }

  /// `line` as amended so far, with the `set` of the erratum whose line is `erratum` merged in;
  /// `nil` when the erratum has no `set` object or sets what it may not.
  private static func merge(
    _ erratum: ArraySlice<UInt8>, into line: [UInt8], with decoder: inout LineDecoder
  ) -> [UInt8]? {
    erratum.withUnsafeBytes { content -> [UInt8]? in
      var checks: [ContextCheck] = []
      guard let set = decoder.decode(content, number: 0, checks: &checks).set,
        set.kind == .object
      else { return nil }
      return try? ErratumMerge.merge(
        UnsafeRawBufferPointer(rebasing: content[set.range]), into: line)
    }
  }

  /// The first line that could not be read again, if any.
  var failure: LogError? {
    state.withLock { $0.failure }
  }

  private func fail(_ error: LogError) {
    state.withLock { state in
      if state.failure == nil { state.failure = error }
    }
  }

  private static let changed =
    "the line no longer reads as it did: the file was changed while it was read (by a tool "
    + "that ignores the log's lock)"
}
