/// Decodes one event line from its bytes, without looking at earlier lines: the stage of the
/// fast decoder that can run on several cores at once.
///
/// Fields are read in the order the log's rules check them, so the first problem found is the
/// one the reference decoder reports. Rules that depend on earlier lines are not checked here
/// but recorded, in that same order, as ``ContextCheck``s for ``LogState`` to run.
struct LineDecoder {
  /// The tape, reused from line to line.
  private var tape = LineTape()
  /// Areas, cached zone rules and shared strings.
  private var context: EventReader

  init(areas: AreaRegistry) { context = EventReader(areas: areas) }

  /// What decoding one line gave.
  struct Outcome {
    /// The event, when every rule that does not depend on earlier lines holds.
    var event: Event?
    /// The first problem found by this stage, if any.
    var failure: LineFailure?
    /// How many of the checks recorded for this line come before that problem (all when none).
    var checksBeforeFailure: Int
    /// For an erratum that sets fields: where its `set` value is in the line, and its kind.
    var set: (range: Range<Int>, kind: LineTape.Kind)?
  }

  /// A problem this stage found in a line.
  enum LineFailure: Error {
    case emptyLine
    case syntax(TapeSyntaxError)
    case notAnObject(found: String)
    case field(FieldError)
  }

  /// Decodes one line (without its newline), appending its context checks to `checks`.
  ///
  /// - Parameters:
  ///   - bytes: The line.
  ///   - number: Its line number, kept on the event.
  ///   - checks: Where the checks that depend on earlier lines are recorded, in order.
  mutating func decode(
    _ bytes: UnsafeRawBufferPointer, number: Int, checks: inout [ContextCheck]
  ) -> Outcome {
    let first = checks.count
    if bytes.isEmpty {
      return Outcome(event: nil, failure: .emptyLine, checksBeforeFailure: 0, set: nil)
    }
    do {
      try tape.tokenize(bytes)
    } catch {
      return Outcome(event: nil, failure: .syntax(error), checksBeforeFailure: 0, set: nil)
    }
    let root = tape.entries[0]
    guard root.kind == .object else {
      return Outcome(
        event: nil, failure: .notAnObject(found: root.kind.typeName), checksBeforeFailure: 0,
        set: nil)
    }
    let scanner = TapeScanner(bytes: bytes)
    swap(&checks, &context.checks)
    defer { swap(&checks, &context.checks) }
    do {
      let present = tape.rootKeysPresent
      let entries = tape.entries
      var fields = TapeFields(
        entries: entries, scanner: scanner, object: 0,
        keys: TapeFields.KnownKeys(entries: tape.rootKeys, present: present))
      let event = try context.event(&fields, line: number)
      var set: (range: Range<Int>, kind: LineTape.Kind)?
      if case .erratum(_, false) = event.payload, let index = fields.find(.set) {
        set = (Int(entries[index].start)..<Int(entries[index].end), entries[index].kind)
      }
      return Outcome(
        event: event, failure: nil, checksBeforeFailure: context.checks.count - first, set: set)
    } catch {
      return Outcome(
        event: nil, failure: .field(error), checksBeforeFailure: context.checks.count - first,
        set: nil)
    }
  }
}
