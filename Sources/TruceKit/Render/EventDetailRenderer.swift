/// Writes one event in full, with everything linked to it: the item it belongs to and that
/// item's other events, the reports that dispute it or report the same announcement, and the
/// corrections of it.
public struct EventDetailRenderer: Sendable {
  /// The schema of the JSON document.
  public static let schema = "truce.show/1"
  /// The log.
  public let log: EventLog
  /// Times for people.
  public var time: TimeFormatter

  /// The disputes the projection of the log finds, among which are the reports an event
  /// contradicts: folded once, for every link drawn.
  private let disputes: [Dispute]

  /// Creates a renderer, folding the log once for the disputes among its reports.
  public init(log: EventLog, time: TimeFormatter) {
    self.log = log
    self.time = time
    disputes = Projection(log: log).disputes
  }

  /// The fields every event has, shown in their own rows; the rest are the type's own.
  static let commonFields: Set<String> = [
    "seq", "id", "type", "announced", "reported", "recorded", "announcedBy", "area", "source",
    "note",
    "prev",
  ]

  /// The events linked to one, by how they are linked.
  public func links(of event: Event) -> [(relation: String, events: [Event])] {
    let others = log.events.filter { $0.id != event.id }
    var links: [(String, [Event])] = []
    if let subject = event.subject {
      links.append(
        ("also about \(subject)", others.filter { $0.subject == subject && $0.type != .statement }))
      links.append(
        (
          "statements about \(subject)",
          others.filter { other in
            if case .statement(_, let about) = other.payload { return about.contains(subject) }
            return false
          }
        ))
    }
    if case .corridorOpened(let opening) = event.payload {
      links.append(
        (
          "its pause, \(opening.pause)",
          others.filter { $0.subject == opening.pause && $0.type != .statement }
        ))
    }
    links.append(("it disputes", others.filter { event.disputes.contains($0.id) }))
    // Reports it contradicts on a fact (a start, an end, a count…), as the projection weighs them,
    // and reports that name it as disputed.
    let projected = disputes.filter { dispute in
      dispute.versions.contains { $0.eventIDs.contains(event.id) }
    }
    let rivals = Set(projected.flatMap { $0.versions.flatMap(\.eventIDs) })
    links.append(
      ("disputed by", others.filter { $0.disputes.contains(event.id) || rivals.contains($0.id) }))
    links.append(
      (
        "the same announcement, reported as",
        others.filter {
          event.sameAnnouncementAs.contains($0.id) || $0.sameAnnouncementAs.contains(event.id)
        }
      ))
    links.append(
      (
        "corrected by",
        others.filter { other in
          switch other.payload {
          case .erratum(let target, _), .retraction(let target): return target == event.id
          default: return false
          }
        }
      ))
    return links.filter { !$0.1.isEmpty }.map { (relation: $0.0, events: $0.1) }
  }

  /// The event and its links as text, ending with a newline.
  public func text(_ event: Event) -> String {
    var block = TextBlock()
    block.line("\(event.id) · seq \(event.seq) · line \(event.line) · \(event.type.rawValue)")
    block.row(
      "announced",
      time.stamp(event.announced.spec, range: event.announced.range)
        + " (given as \(event.announced))")
    block.row(
      "reported",
      time.stamp(event.reported.spec, range: event.reported.range) + " (given as \(event.reported))"
    )
    block.row("recorded", "\(event.recorded) by \(event.recordedBy)")
    block.row("by", event.announcedBy.joined(separator: ", "))
    block.row("area", log.areas[event.area].map { "\($0.name) (\($0.id))" } ?? event.area)
    if let subject = event.subject { block.row("about", subject) }
    let source = event.source
    for (label, value) in [
      ("publication", source.publication), ("headline", source.headline), ("seed", source.seed),
      ("quote", source.quote.map { "\"\($0)\"" }), ("url", source.url),
    ] {
      if let value { block.row(label, value) }
    }
    if let note = event.note { block.row("note", note) }
    if let raw = log.rawObject(id: event.id) {
      for (key, value) in raw where !EventDetailRenderer.commonFields.contains(key) {
        block.row(key, value.stringValue ?? value.serialized())
      }
    }
    for retraction in log.events {
      if case .retraction(let target) = retraction.payload, target == event.id {
        block.row("RETRACTED", "by \(retraction.id), from \(retraction.announced) on")
      }
    }
    if log.voided.contains(event.id) {
      block.row("VOIDED", "an erratum strikes this event from the record")
    }
    if let amended = log.amendments[event.id], amended != event {
      block.row("AMENDED", "an erratum corrects this event; the record uses the corrected version")
    }
    var linked = TextBlock()
    let links = links(of: event)
    for link in links {
      linked.blank()
      linked.line(link.relation.uppercased())
      for other in link.events {
        linked.item(
          other.id, "\(other.type.rawValue), announced \(other.announced)", other.source.citation)
      }
    }
    return block.rendered() + (links.isEmpty ? "" : linked.rendered())
  }

  /// The event and its links as JSON.
  public func json(_ event: Event) -> String {
    let links = self.links(of: event).map { link -> JSONValue in
      .object([
        "relation": .string(link.relation), "events": .array(link.events.map { .string($0.id) }),
      ])
    }
    let raw = log.rawObject(id: event.id).map { JSONValue.object($0) } ?? .null
    return JSONValue.object([
      "schema": .string(Self.schema), "event": raw, "line": .int(event.line),
      "voided": .bool(log.voided.contains(event.id)),
      "amended": log.amendedObject(id: event.id).map { .object($0) } ?? .null,
      "links": .array(links),
    ]).serialized(pretty: true) + "\n"
  }
}
