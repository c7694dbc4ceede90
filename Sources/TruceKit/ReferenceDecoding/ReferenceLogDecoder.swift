/// The plain reference decoder of the log: every line parsed into a JSON tree by ``JSONParser``
/// and read field by field with ``FieldReader``.
///
/// It is slow and simple on purpose, and shares no code with the fast decoder
/// (``FastLogDecoder``), which the tools use. The tests and the benchmark decode the bundled
/// history, generated logs and damaged lines with both and require the same events and the
/// same errors (kind, line and field). Only the header line is read by the same code
/// (``LogHeader``) in both.
public enum ReferenceLogDecoder {
  /// Reads and checks a log from its bytes.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - file: The name to use in errors.
  ///   - options: How much of the hash chain to check, and whether a torn last line is
  ///     tolerated.
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  public static func parse(_ bytes: [UInt8], file: String, options: ReadOptions = .reading)
    throws(LogError) -> EventLog
  {
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
    var state = ReferenceState(
      log: EventLog.empty(
        file: file, header: header, headerLine: Array(first.bytes), headerEnd: first.end,
        storage: LogBytes(bytes)))
    var previousLine = first.bytes
    var previousHash: SHA256Digest? = options.chain == .full ? state.log.lastLineHash : nil
    // The last complete line ends just past the file's last newline (a torn line may follow).
    let lastCompleteEnd = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
    while let line = lines.next() {
      if !line.terminated {
        guard options.toleratesTornTail else {
          throw LogError(file: file, line: line.number, problem: .tornLastLine)
        }
        state.log.torn = TornTail(
          line: line.number, offset: state.log.completeLength, bytes: line.bytes)
        break
      }
      let isLast = line.end == lastCompleteEnd
      let expectedPrev: SHA256Digest? =
        options.chain == .full
        ? previousHash : (options.chain == .tail && isLast ? SHA256.hash(previousLine) : nil)
      try state.append(line, expectedPrev: expectedPrev)
      if options.chain == .full { previousHash = SHA256.hash(line.bytes) }
      previousLine = line.bytes
      state.log.completeLength = line.end
    }
    state.log.lastLineHash = previousHash ?? SHA256.hash(previousLine)
    return state.log
  }
}

/// The reference decoder's state while it reads a log.
private struct ReferenceState {
  var log: EventLog
  var declared = DeclaredIDs()
  var rawByID: [String: JSONObject] = [:]
  var amendedRaw: [String: JSONObject] = [:]

  var file: String { log.file }

  init(log: EventLog) { self.log = log }

  /// Decodes one complete event line and adds it, checking sequence, id and chain.
  mutating func append(_ line: LineSplitter.Line, expectedPrev: SHA256Digest?) throws(LogError) {
    let value = try parseJSON(line, file: file)
    guard case .object(let object) = value else {
      throw LogError(
        file: file, line: line.number,
        problem: .wrongType(expected: "an event object", found: value.typeName))
    }
    let decoder = EventDecoder(areas: log.header.areas, known: declared)
    let event: Event
    do { event = try decoder.decode(object, line: line.number) } catch {
      throw LogError(file: file, line: line.number, field: error.field, problem: error.problem)
    }
    guard event.seq == log.events.count + 1 else {
      throw LogError(
        file: file, line: line.number, field: "seq",
        problem: .outOfSequence(expected: log.events.count + 1, found: event.seq))
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
    log.lineByID[event.id] = line.number
    log.eventLines.append(line.bytes.startIndex..<line.bytes.endIndex)
    log.events.append(event)
  }

  /// Every event carries `prev`, or none does; a carried `prev` must match when checked.
  private mutating func checkChain(_ event: Event, line: Int, expectedPrev: SHA256Digest?)
    throws(LogError)
  {
    if log.events.isEmpty { log.isChained = event.prev != nil }
    guard let prev = event.prev else {
      if log.isChained {
        throw LogError(
          file: file, line: line, field: "prev",
          problem: .brokenChain(
            "missing, but the log is hash-chained (its first event carries 'prev')"))
      }
      return
    }
    guard log.isChained else {
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
      log.voided.insert(target)
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
      amended.line = log.amendments[target]?.line ?? log.lineByID[target] ?? line
      log.amendments[target] = amended
      amendedRaw[target] = merged
      log.amendedLines[target] = Array(JSONValue.object(merged).serialized().utf8)
    } catch {
      throw LogError(
        file: file, line: line, field: error.field.map { "set.\($0)" }, problem: error.problem)
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
