import Foundation

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
  /// Every event, in file order, as recorded.
  public var events: [Event]
  /// Events as amended by errata, by the id of the event amended.
  public var amendments: [String: Event]
  /// Ids of events voided by errata.
  public var voided: Set<String>

  /// The areas the log declares.
  public var areas: AreaRegistry { header.areas }

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
  /// What the log has declared, for checking an event appended after it.
  var declared: DeclaredIDs
  /// Each event's line as a JSON object, as recorded, by id.
  var rawByID: [String: JSONObject]
  /// The line of each event, by id.
  var lineByID: [String: Int] = [:]
  /// The lines of events amended by errata, with the amendments merged in, by id.
  var amendedRaw: [String: JSONObject] = [:]

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
    let bytes: [UInt8]
    do { bytes = try FileIO.readAll(path: path) } catch {
      throw LogError(file: path, line: nil, problem: .unreadable(error.description))
    }
    return try parse(bytes, file: path, options: options)
  }

  /// Reads and checks a log from its bytes.
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
    var lines = LineSplitter(bytes)
    guard let first = lines.next() else {
      throw LogError(file: file, line: 1, problem: .missingHeader)
    }
    if !first.terminated { throw LogError(file: file, line: 1, problem: .tornLastLine) }
    let headerValue = try parseJSON(first, file: file)
    let header: LogHeader
    do {
      header = try LogHeader.decode(headerValue)
    } catch {
      throw LogError(file: file, line: 1, field: error.field, problem: error.problem)
    }
    var log = EventLog(
      file: file, header: header, events: [], amendments: [:], voided: [], torn: nil,
      isChained: false, lastLineHash: SHA256.hash(first.bytes), completeLength: first.end,
      declared: DeclaredIDs(), rawByID: [:])
    log.headerLine = Array(first.bytes)
    var previousLine = first.bytes
    var previousHash: SHA256Digest? = options.chain == .full ? log.lastLineHash : nil
    // The last complete line ends just past the file's last newline (a torn line may follow).
    let lastCompleteEnd = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    while let line = lines.next() {
      if !line.terminated {
        guard options.toleratesTornTail else {
          throw LogError(file: file, line: line.number, problem: .tornLastLine)
        }
        log.torn = TornTail(line: line.number, offset: log.completeLength, bytes: line.bytes)
        break
      }
      let isLast = line.end == lastCompleteEnd
      let expectedPrev: SHA256Digest? =
        options.chain == .full
        ? previousHash : (options.chain == .tail && isLast ? SHA256.hash(previousLine) : nil)
      try log.append(line, expectedPrev: expectedPrev)
      if options.chain == .full { previousHash = SHA256.hash(line.bytes) }
      previousLine = line.bytes
      log.completeLength = line.end
    }
    log.lastLineHash = previousHash ?? SHA256.hash(previousLine)
    return log
  }

  /// Checks one more line as if it were appended, and adds its event: what `truce append` does
  /// before writing the line.
  mutating func appendLine(_ bytes: [UInt8], number: Int, expectedPrev: SHA256Digest)
    throws(LogError)
  {
    let line = LineSplitter.Line(
      number: number, bytes: bytes[...], terminated: true, end: completeLength + bytes.count + 1)
    try append(line, expectedPrev: expectedPrev)
    completeLength = line.end
    lastLineHash = SHA256.hash(bytes)
  }

  /// Decodes one complete event line and adds it, checking sequence, id and chain.
  private mutating func append(_ line: LineSplitter.Line, expectedPrev: SHA256Digest?)
    throws(LogError)
  {
    let value = try parseJSON(line, file: file)
    guard case .object(let object) = value else {
      throw LogError(
        file: file, line: line.number,
        problem: .wrongType(expected: "an event object", found: value.typeName))
    }
    let decoder = EventDecoder(areas: header.areas, known: declared)
    let event: Event
    do { event = try decoder.decode(object, line: line.number) } catch {
      throw LogError(file: file, line: line.number, field: error.field, problem: error.problem)
    }
    guard event.seq == events.count + 1 else {
      throw LogError(
        file: file, line: line.number, field: "seq",
        problem: .outOfSequence(expected: events.count + 1, found: event.seq))
    }
    guard !declared.events.contains(event.id) else {
      throw LogError(file: file, line: line.number, field: "id", problem: .duplicateID(event.id))
    }
    try checkChain(event, line: line.number, expectedPrev: expectedPrev)
    if case .erratum(let target, let void) = event.payload {
      try applyErratum(
        target: target, void: void, set: object["set"], decoder: decoder, line: line.number)
    }
    declared.register(event)
    rawByID[event.id] = object
    lineByID[event.id] = line.number
    events.append(event)
  }

  /// Every event carries `prev`, or none does; a carried `prev` must match when checked.
  private mutating func checkChain(_ event: Event, line: Int, expectedPrev: SHA256Digest?)
    throws(LogError)
  {
    if events.isEmpty { isChained = event.prev != nil }
    guard let prev = event.prev else {
      if isChained {
        throw LogError(
          file: file, line: line, field: "prev",
          problem: .brokenChain(
            "missing, but the log is hash-chained (its first event carries 'prev')"))
      }
      return
    }
    guard isChained else {
      throw LogError(
        file: file, line: line, field: "prev",
        problem: .brokenChain("present, but the log's first event carries none"))
    }
    guard let digest = SHA256Digest(hex: prev) else {
      throw LogError(
        file: file, line: line, field: "prev",
        problem: .brokenChain("'\(prev)' is not a SHA-256 hash (64 hexadecimal digits)"))
    }
    if let expectedPrev, digest != expectedPrev {
      throw LogError(
        file: file, line: line, field: "prev",
        problem: .brokenChain(
          "does not match the line before it (expected \(expectedPrev.hex), found \(prev)): "
            + "a line before it was changed, removed or inserted"))
    }
  }

  private mutating func applyErratum(
    target: String, void: Bool, set: JSONValue?, decoder: EventDecoder, line: Int
  ) throws(LogError) {
    if void {
      voided.insert(target)
      return
    }
    guard case .object(let changes)? = set, var merged = amendedRaw[target] ?? rawByID[target]
    else {
      throw LogError(
        file: file, line: line, field: "set",
        problem: .wrongType(expected: "an object", found: set?.typeName ?? "nothing"))
    }
    for (key, value) in changes {
      guard !["seq", "id", "type", "prev"].contains(key) else {
        throw LogError(
          file: file, line: line, field: "set.\(key)",
          problem: .invalidValue("an erratum cannot change '\(key)'"))
      }
      merged[key] = value
    }
    do {
      var amended = try decoder.decode(merged, line: line)
      amended.line = amendments[target]?.line ?? lineByID[target] ?? line
      amendments[target] = amended
      amendedRaw[target] = merged
    } catch {
      throw LogError(
        file: file, line: line, field: error.field.map { "set.\($0)" }, problem: error.problem)
    }
  }

  /// The events with errata applied: voided events dropped and amended ones replaced.
  ///
  /// Errata apply at every as-of: they say this log recorded something wrongly.
  public var effectiveEvents: [Event] {
    events.compactMap { event in
      if voided.contains(event.id) { return nil }
      return amendments[event.id] ?? event
    }
  }
}

private func parseJSON(_ line: LineSplitter.Line, file: String) throws(LogError) -> JSONValue {
  if line.bytes.isEmpty { throw LogError(file: file, line: line.number, problem: .emptyLine) }
  do {
    return try JSONParser.parse(line.bytes)
  } catch {
    if case .invalidUTF8 = error.reason {
      throw LogError(file: file, line: line.number, column: error.column, problem: .invalidUTF8)
    }
    throw LogError(
      file: file, line: line.number, column: error.column, problem: .syntax(error.description))
  }
}
