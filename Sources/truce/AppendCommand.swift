import TruceKit

/// `truce append`: add one event to a log, the only way events are added.
enum AppendCommand {
  /// Flags that set common fields, with the field each sets.
  static let fieldFlags: [(flag: String, key: String, help: String)] = [
    ("type", "type", "The event type, such as pause.extended."),
    ("id", "id", "The event's id."),
    ("announced", "announced", "When the party announced it."),
    ("reported", "reported", "When the source reported it."),
    ("area", "area", "The area's id."),
    ("publication", "source.publication", "The source's publication, as it names itself."),
    ("headline", "source.headline", "The source's headline, as printed."),
    ("seed", "source.seed", "The source's file name in a seed collection."),
    ("quote", "source.quote", "A short verbatim quote from the source."),
    ("url", "source.url", "The source's web address."),
    ("note", "note", "A note: how dates were derived, what is uncertain."),
  ]

  static let spec = CommandSpec(
    name: "append", abstract: "Append one event to a log, checked against everything before it.",
    discussion: """
      The event comes from --file (a JSON object; - reads standard input) or from flags: the \
      common ones below, --by for each announcer, and --field KEY=VALUE for the rest (dots make \
      nested objects; a VALUE that is JSON is taken as such). seq, prev and, unless given, \
      recorded are filled in. An event whose id is already in the log with the same content is \
      accepted and nothing is written.
      """,
    options: [
      TruceCommand.logOption,
      .option("file", help: "Read the event from this JSON file (- for standard input)."),
      .option("expect-seq", help: "Fail unless the event gets this sequence number."),
      .option("recorded-by", help: "Who records the event (default: $USER, else truce)."),
    ] + fieldFlags.map { OptionSpec.option($0.flag, help: $0.help) } + [
      .option("by", help: "Who announced it (repeat for several).", isRepeatable: true),
      .option("field", help: "Any other field, as KEY=VALUE (repeatable).", isRepeatable: true),
      TruceCommand.jsonFlag,
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let path = parsed.value("log") ?? BundledLog.locate()
    var expectedSeq: Int?
    if let text = parsed.value("expect-seq") {
      guard let seq = Int(text), seq > 0 else {
        return CommandSupport.usage(
          parsed.invalidValue(text, forOption: "expect-seq", reason: "not a positive number"))
      }
      expectedSeq = seq
    }
    let event: JSONObject
    do {
      event = try readEvent(parsed)
    } catch let error as UsageError {
      return CommandSupport.usage(error)
    } catch {
      return CommandSupport.fail("\(error)")
    }
    let recordedBy =
      parsed.value("recorded-by") ?? LogAppender.defaultRecorder
    do {
      let outcome = try LogAppender(path: path, recordedBy: recordedBy).append(
        event, expectedSeq: expectedSeq, source: source(parsed))
      report(outcome, id: event["id"]?.stringValue ?? "", path: path, json: parsed.flag("json"))
      return .success
    } catch {
      return CommandSupport.fail(error.description)
    }
  }

  /// What to call the event in errors: its file, standard input, or the flags.
  private static func source(_ parsed: ParsedCommand) -> String {
    switch parsed.value("file") {
    case "-": return "standard input"
    case let file?: return file
    case nil: return "the event given by flags"
    }
  }

  private static func readEvent(_ parsed: ParsedCommand) throws -> JSONObject {
    let flagged = fieldFlags.filter { parsed.value($0.flag) != nil }
    if let file = parsed.value("file") {
      if let first = flagged.first {
        throw parsed.validationError(
          "--file gives the whole event: it cannot be combined with --\(first.flag)")
      }
      let bytes = try EventInput.bytes(ofFile: file)
      let base = try EventInput.object(json: bytes, source: file == "-" ? "standard input" : file)
      return try EventInput.object(fields: parsed.values("field"), into: base)
    }
    guard !flagged.isEmpty || !parsed.values("field").isEmpty else {
      throw parsed.validationError(
        "Give the event with --file, or with --type, --id and the other fields.")
    }
    var fields = flagged.compactMap { flag in
      parsed.value(flag.flag).map { "\(flag.key)=\(quoted($0))" }
    }
    let announcers = parsed.values("by")
    if !announcers.isEmpty {
      let list = JSONValue.array(announcers.map { .string($0) }).serialized()
      fields.append("announcedBy=\(list)")
    }
    return try EventInput.object(fields: fields + parsed.values("field"))
  }

  /// Flag values are strings, even when they look like JSON (an id of "42").
  private static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }

  private static func report(_ outcome: LogAppender.Outcome, id: String, path: String, json: Bool) {
    switch (outcome, json) {
    case (.appended(let seq, let hash), false):
      StandardStreams.writeOut(
        "Appended seq \(seq) (\(id)) to \(path); line hash \(hash.hex.prefix(12))….\n")
    case (.appendedHeadStale(let seq, let hash, let reason), false):
      StandardStreams.writeOut(
        "Appended seq \(seq) (\(id)) to \(path); line hash \(hash.hex.prefix(12))….\n")
      StandardStreams.writeError(
        "warning: the event is written, but the head could not be updated (\(reason)); "
          + "run 'truce verify --repair --log \(path)'\n")
    case (.appendedHeadStale(let seq, let hash, let reason), true):
      let object: JSONValue = [
        "schema": "truce.append/1", "outcome": "appended-head-stale", "seq": .int(seq),
        "id": .string(id), "hash": .string(hash.hex), "warning": .string(reason),
      ]
      StandardStreams.writeOut(object.serialized(pretty: true) + "\n")
    case (.alreadyPresent(let seq), false):
      StandardStreams.writeOut(
        "Already in \(path) as seq \(seq) (\(id)), with the same content: nothing written.\n")
    case (.appended(let seq, let hash), true):
      let object: JSONValue = [
        "schema": "truce.append/1", "outcome": "appended", "seq": .int(seq), "id": .string(id),
        "hash": .string(hash.hex),
      ]
      StandardStreams.writeOut(object.serialized(pretty: true) + "\n")
    case (.alreadyPresent(let seq), true):
      let object: JSONValue = [
        "schema": "truce.append/1", "outcome": "already-present", "seq": .int(seq),
        "id": .string(id),
        "hash": .null,
      ]
      StandardStreams.writeOut(object.serialized(pretty: true) + "\n")
    }
  }
}
