/// A log read into memory: its header and its events in file order, with errata applied on
/// request.
///
/// The log is append-only. Nothing here writes it; mistakes are fixed by correction events,
/// which this type applies when asked for the ``effectiveEvents``.
public struct EventLog: Sendable {
  /// The file name the log was read from, as given.
  public var file: String
  /// The header: format version and areas.
  public var header: LogHeader
  /// Every event, in file order, as recorded; empty when the log holds them as ``records``.
  public var events: [Event]
  /// Every event as a record, in file order, when the log was read to be folded only
  /// (``ReadOptions/holdsRecords``); `nil` otherwise.
  var records: CompactEvents?
  /// Events as amended by errata, by the id of the event amended.
  public var amendments: [String: Event]
  /// Ids of events voided by errata.
  public var voided: Set<String>

  /// The areas the log declares.
  public var areas: AreaRegistry { header.areas }

  /// How many events the log holds, as events or as records.
  public var eventCount: Int { records?.count ?? events.count }

  /// Ids of hypothetical events, added by scenarios (empty for a log as recorded).
  public var hypothetical: Set<String> = []
  /// The header line's bytes, as in the file.
  public var headerLine: [UInt8] = []
  /// Where the file ends with a line cut short by an interrupted write, if it does.
  public var torn: TornTail?
  /// Whether the events carry the hash of the line before them.
  public var isChained: Bool
  /// The SHA-256 of the last complete line (the header when there are no events).
  public var lastLineHash: SHA256Digest
  /// The number of bytes of complete lines: the whole file unless its tail is torn.
  public var completeLength: Int
  /// The line of each event, by id (kept with what the log has declared).
  var lineByID: IDTable {
    get { known.events }
    // Changed in place: through a getter and a setter, every change would copy the whole table.
    _modify { yield &known.events }
  }
  /// The file's bytes.
  var storage: LogBytes
  /// Where each event's line is in ``storage`` (without its newline), by position in ``events``.
  var eventLines: [Range<Int>] = []
  /// Lines added by ``appendLine(_:number:expectedPrev:)`` after the file was read.
  var appendedLines: [[UInt8]] = []
  /// The lines of events amended by errata, with the amendments merged in, by id.
  var amendedLines: [String: [UInt8]] = [:]
  /// When the log holds records (``records``): the positions of the errata that amend each
  /// amended event, in order, by its id (noted as each is applied, so that taking the records
  /// need not look for them among every record).
  var amendingErrata: [String: [UInt32]] = [:]
  /// What the log has declared, for checking an event appended after it.
  var known = KnownSubjects()

  /// Reads and checks a log file.
  ///
  /// - Parameters:
  ///   - path: The file to read.
  ///   - options: How much of the hash chain to check, and whether a torn last line is
  ///     tolerated.
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  public static func read(path: String, options: ReadOptions = .reading) throws(LogError)
    -> EventLog
  {
    let storage: LogBytes
    do { storage = try LogBytes.snapshot(path: path).log } catch {
      throw LogError(file: path, line: nil, problem: .unreadable(error.description))
    }
    return try FastLogDecoder.parse(storage, file: path, options: options)
  }

  /// A log with a header and no events yet, for a decoder to fill.
  static func empty(
    file: String, header: LogHeader, headerLine: [UInt8], headerEnd: Int, storage: LogBytes
  ) -> EventLog {
    EventLog(
      file: file, header: header, events: [], amendments: [:], voided: [],
      headerLine: headerLine, torn: nil, isChained: false,
      lastLineHash: SHA256.hash(headerLine), completeLength: headerEnd,
      storage: storage)
  }

  /// Reads and checks a log from its bytes, with the fast decoder (see ``FastLogDecoder``).
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - file: The name to use in errors.
  ///   - options: How much of the hash chain to check, and whether a torn last line is
  ///     tolerated.
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  public static func parse(
    _ bytes: [UInt8], file: String, options: ReadOptions = .reading
  ) throws(LogError) -> EventLog {
    try FastLogDecoder.parse(LogBytes(bytes), file: file, options: options)
  }

  /// Checks one more line as if it were appended, and adds its event: what `truce append` does
  /// before writing the line.
  ///
  /// `precedingEvents` counts events before the line that this log does not hold: a log that
  /// holds only what an index gave about them (see ``IndexedLineCheck``).
  mutating func appendLine(
    _ bytes: [UInt8], number: Int, expectedPrev: SHA256Digest, precedingEvents: Int = 0
  ) throws(LogError) {
    try FastLogDecoder.appendLine(
      bytes, number: number, expectedPrev: expectedPrev, precedingEvents: precedingEvents,
      to: &self)
  }

  /// The bytes of an event's line as recorded, by the event's position in ``events``; `nil`
  /// when the file no longer holds them (see ``LogBytes``), or the log does not keep them.
  func lineBytes(ofEventAt index: Int) -> ArraySlice<UInt8>? {
    guard index >= 0 else { return nil }
    if index < eventLines.count { return storage.bytes(in: eventLines[index]) }
    // A log of some lines keeps them only when asked to (``LogSubset``).
    guard index - eventLines.count < appendedLines.count else { return nil }
    return appendedLines[index - eventLines.count][...]
  }

  /// An event's line as a JSON object, as recorded.
  func rawObject(id: String) -> JSONObject? {
    // A log read whole finds the line by id; a log of some lines (``LogSubset``) holds no such
    // table, and keeps the lines it read in the order of its events.
    let position = lineByID[id].map { $0 - 2 } ?? events.firstIndex { $0.id == id }
    guard let position, let bytes = lineBytes(ofEventAt: position) else { return nil }
    return EventLog.object(bytes)
  }

  /// An amended event's line with its errata merged in, as a JSON object.
  func amendedObject(id: String) -> JSONObject? {
    amendedLines[id].flatMap { EventLog.object($0[...]) }
  }

  private static func object(_ bytes: ArraySlice<UInt8>) -> JSONObject? {
    guard case .object(let object)? = try? JSONParser.parse(bytes) else { return nil }
    return object
  }

  /// The events with errata applied: voided events dropped and amended ones replaced.
  ///
  /// Errata apply at every as-of: they say this log recorded something wrongly.
  public var effectiveEvents: [Event] {
    if amendments.isEmpty && voided.isEmpty { return events }
    let inPlace = effectiveEventsInPlace
    return (0..<inPlace.count).map(inPlace.event(at:))
  }

  /// The events with errata applied, as ``effectiveEvents`` gives them, read where they lie:
  /// ``events`` and the amended events, with where each effective event is, rather than a copy.
  var effectiveEventsInPlace: EffectiveEvents {
    if amendments.isEmpty && voided.isEmpty { return EffectiveEvents(events) }
    // The few corrected events are found by their lines, rather than every id looked up in the
    // errata's tables (which a log not read from a file needs).
    return EffectiveEvents(
      events, corrected: correctedPositions() ?? correctedPositionsByScanning(),
      amendments: amendments)
  }

  /// The events with errata applied, made from ``events`` in place and handed over: the log is
  /// left without events, everything else as it was. When nothing else holds the events, this
  /// saves a second copy of every one of them.
  public mutating func takeEffectiveEvents() -> [Event] {
    if amendments.isEmpty && voided.isEmpty {
      defer { events = [] }
      return events
    }
    let corrected = correctedPositions() ?? correctedPositionsByScanning()
    var taken: [Event] = []
    swap(&taken, &events)
    guard let placeholder = taken.first else { return taken }
    var voidedPositions: [Int] = []
    taken.withUnsafeMutableBufferPointer { buffer in
      for correction in corrected {
        if let amendment = correction.amendment {
          buffer[correction.position] = amendments.values[amendment]
        } else {
          voidedPositions.append(correction.position)
        }
      }
      buffer.removeAscending(voidedPositions, leaving: placeholder)
    }
    taken.removeLast(voidedPositions.count)
    return taken
  }

  /// The positions of the voided and amended events in ``events``, ascending, found by looking
  /// every event up: for a log whose ``lineByID`` does not give positions in ``events`` (a
  /// subset of a log's lines, or a scenario's events). Each comes with where its amended form is
  /// (`nil` when voided, which wins), as ``effectiveEvents`` takes it.
  private func correctedPositionsByScanning() -> [Correction] {
    correctedPositionsByScanning(count: events.count) { events[$0].id }
  }

  /// ``correctedPositionsByScanning()`` for a list of `count` events whose ids `id` gives.
  func correctedPositionsByScanning(count: Int, id: (Int) -> String) -> [Correction] {
    var corrected: [Correction] = []
    for position in 0..<count {
      let id = id(position)
      if voided.contains(id) {
        corrected.append(Correction(position: position, amendment: nil))
      } else if let amendment = amendments.index(forKey: id) {
        corrected.append(Correction(position: position, amendment: amendment))
      }
    }
    return corrected
  }

  /// The positions of the voided and amended events in ``events``, ascending, each with where
  /// its amended form is (`nil` when voided, which wins); `nil` when an event is not where its line
  /// (the amended event's own, a voided one's in ``lineByID``) says (a log not read from a
  /// file).
  private func correctedPositions() -> [Correction]? {
    correctedPositions(count: events.count) { events[$0].id }
  }

  /// ``correctedPositions()`` for a list of `count` events whose ids `id` gives.
  func correctedPositions(count: Int, id eventID: (Int) -> String) -> [Correction]? {
    func position(of id: String, line: Int?) -> Int? {
      guard let line, (0..<count).contains(line - 2), eventID(line - 2) == id else { return nil }
      return line - 2
    }
    // Each id is at one position, and each position holds one id: the list needs no table.
    // Positions are sorted with the amendments' indexes beside them, not with the amended
    // events: sorting moved every event back and forth (about 80 ms at 1M, 60,000 errata).
    var order: [Correction] = []
    order.reserveCapacity(amendments.count + voided.count)
    // An amended event keeps its line (the one it was read from), so its place needs no lookup.
    for index in amendments.indices where !voided.contains(amendments[index].key) {
      let id = amendments.keys[index]
      guard let position = position(of: id, line: amendments.values[index].line) else {
        return nil
      }
      order.append(Correction(position: position, amendment: index))
    }
    for id in voided {
      guard let position = position(of: id, line: lineByID[id]) else { return nil }
      order.append(Correction(position: position, amendment: nil))
    }
    order.sort { $0.position < $1.position }
    return order
  }

  /// Where errata change a list of events: a voided event's position, or an amended one's with
  /// where its amended form is in ``amendments`` (read there, not copied: an event is 240 bytes,
  /// with a dozen references to retain and release). Valid until ``amendments`` changes.
  struct Correction {
    /// The event's position in the list.
    var position: Int
    /// Where its amended form is in ``EventLog/amendments``; `nil` when it is voided.
    var amendment: Dictionary<String, Event>.Index?
  }
}
