/// The fast decoder's second stage: takes decoded lines in line order and applies the rules
/// that depend on earlier lines, in the order the reference decoder applies them.
///
/// For each line: the recorded ``ContextCheck``s that come before the line's own first problem,
/// then that problem, then the sequence number, the id's uniqueness, the hash chain, and an
/// erratum's changes; then the event is added to the log.
struct LogState {
  var log: EventLog
  /// Events before those in ``log``: when one line is checked against an index rather than the
  /// whole log (see ``IndexedLineCheck``), the log holds none of them.
  var precedingEvents = 0

  var file: String { log.file }

  /// Applies one decoded line.
  ///
  /// - Parameters:
  ///   - outcome: What ``LineDecoder`` gave for the line, read where it lies. Its event is moved
  ///     into the log's events; when the log holds records instead (``EventLog/records``), the
  ///     event's record is written and the event left in the outcome, for the caller to let go
  ///     where it likes (freeing an event's strings and boxes costs about as much as writing its
  ///     record).
  ///   - checks: The checks it recorded for the line, in order.
  ///   - line: The line number.
  ///   - range: Where the line is in the log's storage (`nil` for a line being appended).
  ///   - content: The line's bytes.
  ///   - expectedPrev: The hash its `prev` must equal, when the chain is checked here.
  ///   - decoder: For re-reading an event with an erratum's changes merged in.
  mutating func accept(
    _ outcome: inout LineDecoder.Outcome, checks: ArraySlice<ContextCheck>, line: Int,
    range: Range<Int>?, content: UnsafeRawBufferPointer, expectedPrev: SHA256Digest?,
    decoder: inout LineDecoder
  ) throws(LogError) {
    // Each check read where it is: iterating the slice copied each one, retaining its strings.
    try checks.withUnsafeBufferPointer { checks throws(LogError) in
      for index in 0..<outcome.checksBeforeFailure {
        do throws(FieldError) { try log.known.run(checks[index]) } catch {
          throw LogError(file: file, line: line, field: error.field, problem: error.problem)
        }
      }
    }
    if let failure = outcome.failure { throw error(failure, line: line, content: content) }
    // Moved out, not copied: a copy retains every string and box of the event.
    guard let event = outcome.event.take() else {
      preconditionFailure("a line decoded without a failure has an event")
    }
    let expectedSeq = precedingEvents + log.eventCount + 1
    guard event.seq == expectedSeq else {
      throw LogError(
        file: file, line: line, field: "seq",
        problem: .outOfSequence(expected: expectedSeq, found: event.seq))
    }
    // The id is entered as it is checked (one lookup in a table of every id, not two), and
    // taken out again when the line is refused after all: a log appended to stays as it was.
    guard log.known.enter(event.id, line: event.line) else {
      throw LogError(file: file, line: line, field: "id", problem: .duplicateID(event.id))
    }
    do throws(LogError) {
      try checkChain(event, line: line, expectedPrev: expectedPrev)
      if case .erratum(let target, let void) = event.payload {
        if void {
          log.voided.insert(target)
        } else {
          // The changes are read against the lines before the erratum, as the reference
          // reads them: without its own id.
          log.known.events[event.id] = nil
          try amend(target, set: outcome.set, content: content, line: line, decoder: &decoder)
          log.known.events[event.id] = event.line
        }
      }
    } catch {
      log.known.events[event.id] = nil
      throw error
    }
    log.known.register(event)
    if let range { log.eventLines.append(range) }
    if log.records != nil {
      // Written in place (through an optional's binding, the store would be copied); the event
      // is moved back where it was.
      log.records?.append(event)
      outcome.event = consume event
      return
    }
    log.events.append(event)
  }

  /// The error for a problem the first stage found.
  private func error(_ failure: LineDecoder.LineFailure, line: Int, content: UnsafeRawBufferPointer)
    -> LogError
  {
    switch failure {
    case .emptyLine:
      return LogError(file: file, line: line, problem: .emptyLine)
    case .syntax(let syntax):
      // The line is known to be bad; the full parser words the diagnostic best.
      do { _ = try JSONParser.parse(content) } catch {
        if case .invalidUTF8 = error.reason {
          return LogError(file: file, line: line, column: error.column, problem: .invalidUTF8)
        }
        return LogError(
          file: file, line: line, column: error.column, problem: .syntax(error.description))
      }
      return LogError(
        file: file, line: line, column: syntax.column(in: content),
        problem: syntax.isInvalidUTF8 ? .invalidUTF8 : .syntax(syntax.message))
    case .notAnObject(let found):
      return LogError(
        file: file, line: line, problem: .wrongType(expected: "an event object", found: found))
    case .field(let field):
      return LogError(file: file, line: line, field: field.field, problem: field.problem)
    }
  }

  /// Every event carries `prev`, or none does; a carried `prev` must match when checked.
  private mutating func checkChain(_ event: Event, line: Int, expectedPrev: SHA256Digest?)
    throws(LogError)
  {
    if precedingEvents == 0 && log.eventCount == 0 { log.isChained = event.link != nil }
    guard let link = event.link else {
      guard !log.isChained else {
        throw chainError(
          line, "missing, but the log is hash-chained (its first event carries 'prev')")
      }
      return
    }
    guard log.isChained else {
      throw chainError(line, "present, but the log's first event carries none")
    }
    guard let digest = link.digest else {
      throw chainError(line, "'\(event.prev ?? "")' is not a SHA-256 hash (64 hexadecimal digits)")
    }
    if let expectedPrev, digest != expectedPrev {
      throw chainError(
        line,
        "does not match the line before it (expected \(expectedPrev.hex), found \(event.prev ?? "")): "
          + "a line before it was changed, removed or inserted")
    }
  }

  private func chainError(_ line: Int, _ message: String) -> LogError {
    LogError(file: file, line: line, field: "prev", problem: .brokenChain(message))
  }

  /// Merges an erratum's `set` into the corrected event's line (as amended so far) and reads
  /// the result as the event's amended form.
  private mutating func amend(
    _ target: String, set: (range: Range<Int>, kind: LineTape.Kind)?,
    content: UnsafeRawBufferPointer, line: Int, decoder: inout LineDecoder
  ) throws(LogError) {
    guard let set, set.kind == .object, let targetLine = log.lineByID[target] else {
      let found = set?.kind.typeName ?? "nothing"
      throw LogError(
        file: file, line: line, field: "set",
        problem: .wrongType(expected: "an object", found: found))
    }
    guard
      let original = log.amendedLines[target]
        ?? log.lineBytes(ofEventAt: targetLine - 2).map(Array.init)
    else {
      throw LogError(
        file: file, line: targetLine,
        problem: .unreadable(
          "the line can no longer be read: the file got shorter while it was read"))
    }
    let merged: [UInt8]
    do {
      merged = try ErratumMerge.merge(
        UnsafeRawBufferPointer(rebasing: content[set.range]), into: original)
    } catch {
      throw LogError(
        file: file, line: line, field: "set.\(error.key)",
        problem: .invalidValue("an erratum cannot change '\(error.key)'"))
    }
    var checks: [ContextCheck] = []
    let outcome = merged.withUnsafeBytes { decoder.decode($0, number: line, checks: &checks) }
    do throws(FieldError) {
      for check in checks.prefix(outcome.checksBeforeFailure) { try log.known.run(check) }
      if case .field(let failure) = outcome.failure { throw failure }
    } catch {
      throw LogError(
        file: file, line: line, field: error.field.map { "set.\($0)" }, problem: error.problem)
    }
    guard var amended = outcome.event else {
      preconditionFailure("a merged erratum is valid JSON and an object")
    }
    amended.line = log.amendments[target]?.line ?? targetLine
    log.amendments[target] = amended
    log.amendedLines[target] = merged
    if let count = log.records?.count {
      // The amended event's record takes its place now, while its names are fresh (records are
      // written for every line from the second, the header's next); the erratum's record is the
      // next one written.
      let position = amended.line - 2
      precondition(
        (0..<count).contains(position) && log.records?.id(at: position) == target,
        "an amended event's record is at its line's place")
      log.records?.replace(at: position, with: amended)
      log.amendingErrata[target, default: []].append(UInt32(truncatingIfNeeded: count))
    }
  }
}
