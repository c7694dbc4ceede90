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

  /// Reads and checks a log file.
  ///
  /// - Parameter path: The file to read.
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  public static func read(path: String) throws(LogError) -> EventLog {
    guard let data = FileManager.default.contents(atPath: path) else {
      let reason =
        FileManager.default.fileExists(atPath: path)
        ? "permission denied or not a file" : "no such file"
      throw LogError(file: path, line: nil, problem: .unreadable(reason))
    }
    return try parse([UInt8](data), file: path)
  }

  /// Reads and checks a log from its bytes.
  ///
  /// - Parameters:
  ///   - bytes: The whole file.
  ///   - file: The name to use in errors.
  /// - Throws: ``LogError`` naming the file, line and field of the first problem.
  public static func parse(_ bytes: [UInt8], file: String) throws(LogError) -> EventLog {
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
    var log = EventLog(file: file, header: header, events: [], amendments: [:], voided: [])
    var known = DeclaredIDs()
    var rawByID: [String: JSONObject] = [:]
    while let line = lines.next() {
      if !line.terminated { throw LogError(file: file, line: line.number, problem: .tornLastLine) }
      let value = try parseJSON(line, file: file)
      guard case .object(let object) = value else {
        throw LogError(
          file: file, line: line.number,
          problem: .wrongType(expected: "an event object", found: value.typeName))
      }
      let decoder = EventDecoder(areas: header.areas, known: known)
      let event: Event
      do { event = try decoder.decode(object, line: line.number) } catch {
        throw LogError(file: file, line: line.number, field: error.field, problem: error.problem)
      }
      guard event.seq == log.events.count + 1 else {
        throw LogError(
          file: file, line: line.number, field: "seq",
          problem: .outOfSequence(expected: log.events.count + 1, found: event.seq))
      }
      guard !known.events.contains(event.id) else {
        throw LogError(file: file, line: line.number, field: "id", problem: .duplicateID(event.id))
      }
      if case .erratum(let target, let void) = event.payload {
        try log.applyErratum(
          target: target, void: void, set: object["set"], rawByID: &rawByID, decoder: decoder,
          line: line.number)
      }
      known.register(event)
      rawByID[event.id] = object
      log.events.append(event)
    }
    return log
  }

  private mutating func applyErratum(
    target: String, void: Bool, set: JSONValue?, rawByID: inout [String: JSONObject],
    decoder: EventDecoder, line: Int
  ) throws(LogError) {
    if void {
      voided.insert(target)
      return
    }
    guard case .object(let changes)? = set, var merged = rawByID[target] else {
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
      amended.line = amendments[target]?.line ?? events.first { $0.id == target }?.line ?? line
      amendments[target] = amended
      rawByID[target] = merged
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
