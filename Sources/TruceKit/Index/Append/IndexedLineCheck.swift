/// Checks a line as if appended after the lines an index covers: by the same rules, in the same
/// order and with the same errors as when the whole log is read (``FastLogDecoder``), but
/// reading only the earlier lines the index points to.
///
/// It decodes the line once to learn which ids the rules will ask about, gathers what the log
/// has declared about those ids into a ``KnownSubjects``, and then runs the decoder's own
/// append step (``EventLog/appendLine(_:number:expectedPrev:precedingEvents:)``) against a log
/// that holds only that.
struct IndexedLineCheck {
  /// Why a line was not taken.
  enum Failure: Error {
    /// The line breaks a rule of the log.
    case invalid(LogError)
    /// The index cannot say: the whole log must be read instead.
    case unusable(IndexMismatch)
  }

  var lookup: IndexLookup
  /// The log's name, for errors.
  let file: String
  let header: LogHeader
  private var decoder: LineDecoder

  init(lookup: IndexLookup, file: String, header: LogHeader) {
    self.lookup = lookup
    self.file = file
    self.header = header
    self.decoder = LineDecoder(areas: header.areas)
  }

  /// Checks a line that would follow `precedingEvents` events, the last line hashing to
  /// `expectedPrev`; returns its event.
  mutating func check(
    _ line: [UInt8], precedingEvents: Int, expectedPrev: SHA256Digest, isChained: Bool
  ) throws(Failure) -> Event {
    let number = precedingEvents + 2
    var shell = EventLog.empty(
      file: file, header: header, headerLine: [], headerEnd: 0, storage: LogBytes([]))
    shell.isChained = isChained
    shell.lastLineHash = expectedPrev
    do {
      var names = Set<String>()
      var checks: [ContextCheck] = []
      let outcome = line.withUnsafeBytes { decoder.decode($0, number: number, checks: &checks) }
      if let event = outcome.event {
        names.insert(event.id)
        if case .erratum(let target, false) = event.payload, let set = outcome.set,
          set.kind == .object, let (targetLine, amended) = try lookup.amendedLine(of: target)
        {
          shell.lineByID[target] = targetLine
          shell.amendedLines[target] = amended
          // The merged event's own references are checked too.
          let merged = try? line.withUnsafeBytes { bytes throws(ErratumMerge.ForbiddenKey) in
            try ErratumMerge.merge(
              UnsafeRawBufferPointer(rebasing: bytes[set.range]), into: amended)
          }
          if let merged {
            _ = merged.withUnsafeBytes { decoder.decode($0, number: number, checks: &checks) }
          }
        }
      }
      for check in checks { names.formUnion(check.names) }
      shell.known = try lookup.knownSubjects(for: names)
    } catch {
      throw .unusable(error)
    }
    do {
      try shell.appendLine(
        line, number: number, expectedPrev: expectedPrev, precedingEvents: precedingEvents)
    } catch {
      throw .invalid(error)
    }
    guard let event = shell.events.last else {
      preconditionFailure("an appended line that was accepted has an event")
    }
    // The earliest announcements the check compares with, read first: a damaged record
    // leaves the line to the whole log.
    var firsts: [String: Instant??] = [:]
    do {
      for reference in AnnouncementConsistency.references(of: event) {
        firsts[reference] = try lookup.firstAnnounced(reference)
      }
    } catch {
      throw .unusable(error)
    }
    do {
      try AnnouncementConsistency.check(event, file: file) { firsts[$0] ?? nil }
    } catch {
      throw .invalid(error)
    }
    return event
  }
}
