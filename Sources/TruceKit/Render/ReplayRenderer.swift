/// Writes replay steps: a block of text each for people, one JSON object per line for scripts.
public struct ReplayRenderer: Sendable {
  /// The schema of each JSON line.
  public static let schema = "truce.replay/1"
  /// The log's areas, for names.
  public var areas: AreaRegistry
  /// Times for people.
  public var time: TimeFormatter

  /// Creates a renderer.
  public init(areas: AreaRegistry, time: TimeFormatter) {
    self.areas = areas
    self.time = time
  }

  /// One step as text, ending with a newline.
  public func text(_ step: ReplayStep) -> String {
    let event = step.event
    var lines: [String] = []
    var when = time.stamp(event.announced.spec, range: event.announced.range)
    if step.placement.rule != .exact { when += "; \(step.placement.rule.explanation)" }
    let hypothetical = step.state.hypothetical.contains(event.id) ? " · HYPOTHETICAL" : ""
    lines.append("step \(step.number) of \(step.total) · announced \(when)\(hypothetical)")
    let area = areas[event.area]?.name ?? event.area
    lines.append(
      "  \(event.id) · \(event.type.rawValue)\(event.subject.map { " \($0)" } ?? "") · \(area) · by "
        + event.announcedBy.joined(separator: ", "))
    var source = "  source \(event.source.citation)"
    let names = [event.source.publication, event.source.headline.map { "\"\($0)\"" }].compactMap {
      $0
    }
    .filter { $0 != event.source.citation }
    if !names.isEmpty { source += " (\(names.joined(separator: ", ")))" }
    if let quote = event.source.quote { source += ": \"\(quote)\"" }
    lines.append(source)
    if step.changes.isEmpty {
      lines.append("  → no change in force" + noChangeReason(event))
    } else {
      for change in step.changes { lines.append("  → \(change.text)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One step as a single line of JSON (no newline).
  public func json(_ step: ReplayStep) -> String {
    let changes = step.changes.map { change -> JSONValue in
      .object([
        "subject": change.subject.map { .string($0) } ?? .null,
        "kind": .string(change.kind.rawValue),
        "text": .string(change.text),
      ])
    }
    let object: JSONValue = [
      "schema": .string(ReplayRenderer.schema), "step": .int(step.number), "of": .int(step.total),
      "placedAt": .string(step.placement.instant.iso8601),
      "placement": .string(step.placement.rule.rawValue),
      "event": EventJSON.summary(step.event), "changes": .array(changes),
      "hypothetical": .bool(step.state.hypothetical.contains(step.event.id)),
    ]
    return object.serialized()
  }

  private func noChangeReason(_ event: Event) -> String {
    switch event.payload {
    case .statement(let kind, _): return " (a \(kind.rawValue))"
    case .proposal(_, let kind, _, _): return " (a \(kind.rawValue): never in force by itself)"
    case .violationReported: return " (a violation report)"
    case .erratum:
      return " (an erratum: it applies throughout, so the corrected event is replayed as corrected)"
    default: return " (it repeats what earlier reports say)"
    }
  }
}

extension ReplayRenderer {
  /// The schema of each calendar JSON line.
  public static let calendarSchema = "truce.calendar/1"

  /// One calendar entry as text, ending with a newline.
  public func text(_ entry: CalendarEntry, number: Int, of total: Int) -> String {
    let describer = ChangeDescriber(time: time)
    let what: String
    switch (entry.kind, entry.change) {
    case (.corridors, .begins): what = "open"
    case (.corridors, .ends): what = "close"
    case (_, .begins): what = entry.kind == .offensive ? "begins" : "comes into force"
    case (_, .ends): what = entry.kind == .offensive ? "ends" : "goes out of force"
    case (_, .scaledBack): what = "is scaled back"
    case (_, .intensified): what = "intensifies"
    }
    var lines = [
      "\(number) of \(total) · \(describer.describe(entry.boundary))",
      "  \(entry.kind.rawValue) \(entry.subject) \(what)",
    ]
    for event in entry.events {
      lines.append(
        "  announced \(time.stamp(event.announced.spec, range: event.announced.range)) by "
          + "\(event.announcedBy.joined(separator: ", ")) (\(event.id), source \(event.source.citation))"
      )
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One calendar entry as a single line of JSON (no newline).
  public func json(_ entry: CalendarEntry, number: Int, of total: Int) -> String {
    JSONValue.object([
      "schema": .string(Self.calendarSchema), "entry": .int(number), "of": .int(total),
      "subject": .string(entry.subject), "kind": .string(entry.kind.rawValue),
      "change": .string(entry.change.rawValue),
      "placedAt": .string(entry.placedAt.iso8601), "boundary": EventJSON.boundary(entry.boundary),
      "events": .array(entry.events.map(EventJSON.summary)),
    ]).serialized()
  }
}
