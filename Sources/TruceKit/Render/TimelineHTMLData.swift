/// The data the page embeds for its script: the `truce.timeline/1` document itself, the same
/// stretches in seconds with their descriptions, the events behind every row and marker, and
/// the cursor's stops with their local labels.
///
/// The script reads nothing else: every interval, certainty and time label here is the tool's.
struct TimelineHTMLData {
  let timeline: Timeline
  let areas: AreaRegistry
  let formatter: TimeFormatter

  /// The schema name of the embedded document.
  static let schema = "truce.timeline-page/1"

  /// The embedded document.
  func value(layout: TimelineHTMLLayout, stops: [TimelineHTMLLayout.Stop], initialStop: Int)
    -> JSONValue
  {
    .object([
      "schema": .string(Self.schema),
      "zone": .string(formatter.zone.identifier),
      "timeline": TimelineJSON.value(timeline),
      "view": .object([
        "rows": .array(timeline.rows.map(row)),
        "announcements": .array(timeline.announcements.map(announcement)),
      ]),
      "events": .object(JSONObject(eventIDs().compactMap(event))),
      "cursor": .object([
        "stops": .array(
          stops.map { stop in
            .array([
              .number(String(stop.instant.secondsSinceEpoch)), .number(svgNumber(stop.x)),
              .string(stop.label),
            ])
          }),
        "initial": .int(initialStop),
        "plot": .object([
          "left": .number(svgNumber(layout.plotLeft)),
          "right": .number(svgNumber(layout.plotRight)),
        ]),
      ]),
    ])
  }

  /// The label of a row: its area's name, or its id when the log does not declare it.
  func areaName(_ row: TimelineRow) -> String {
    areas[row.area]?.name ?? row.area
  }

  /// A boundary as a person reads it.
  func describe(_ boundary: Boundary) -> String {
    switch boundary.state {
    case .notReported: return "not reported (open)"
    case .agreed(let range): return formatter.range(range)
    case .disputed:
      let versions = boundary.versions.map { version in
        "\(version.text) (\(version.citations.joined(separator: ", ")))"
      }
      return "disputed: " + versions.joined(separator: "; ")
    }
  }

  /// The stretch as a sentence, with why it is only possibly in force.
  func describe(_ segment: TimelineSegment, of row: TimelineRow) -> (text: String, why: String?) {
    let verb = segment.certainty == .certain ? "In force" : "Possibly in force"
    let until = segment.isOpen ? "beyond the window" : "until \(formatter.instant(segment.end))"
    let text = "\(verb) from \(formatter.instant(segment.start)) \(until)"
    guard segment.certainty != .certain else { return (text, nil) }
    // Which boundary makes it uncertain: the stretch before the latest possible start is the
    // start's, the one after the earliest possible end is the end's; otherwise both.
    let certainStart = row.start.possibleRange?.latest
    let certainEnd = row.end.possibleRange?.earliest
    var reasons: [String] = []
    if certainStart.map({ segment.start < $0 }) ?? true {
      reasons.append(reason(row.start, side: "start"))
    }
    if certainEnd.map({ segment.end > $0 }) ?? false {
      reasons.append(reason(row.end, side: "end"))
    }
    return (text, reasons.joined(separator: "; "))
  }

  private func reason(_ boundary: Boundary, side: String) -> String {
    boundary.isDisputed
      ? "the reports disagree on its \(side)"
      : "its \(side) is known only to a day or a range"
  }

  private func row(_ row: TimelineRow) -> JSONValue {
    .object([
      "label": .string("\(row.kind.rawValue) \(row.id)" + (row.variant.map { " (\($0))" } ?? "")),
      "areaName": .string(areaName(row)),
      "start": .string(describe(row.start)),
      "end": .string(describe(row.end)),
      "startReports": .array(row.start.reports.map(report)),
      "endReports": .array(row.end.reports.map(report)),
      "segments": .array(
        row.segments.map { segment in
          let description = describe(segment, of: row)
          return .object([
            "from": .number(String(segment.start.secondsSinceEpoch)),
            "until": .number(String(segment.end.secondsSinceEpoch)),
            "text": .string(description.text),
            "why": description.why.map { .string($0) } ?? .null,
          ])
        }),
    ])
  }

  private func report(_ report: BoundaryReport) -> JSONValue {
    .string(report.spec.map { formatter.stamp($0, range: report.range) } ?? "derived")
  }

  private func announcement(_ announcement: Timeline.Announcement) -> JSONValue {
    let rule = timeline.projection.event(announcement.eventID).map {
      AnnouncementOrder.placement(of: $0).rule
    }
    return .object([
      "at": .string(formatter.instant(announcement.at)),
      "placement": rule.flatMap { $0 == .exact ? nil : .string($0.rawValue) } ?? .null,
    ])
  }

  /// Every event behind a row or a marker, once, in the order first met.
  private func eventIDs() -> [String] {
    var seen: Set<String> = []
    var ids: [String] = []
    let all = timeline.rows.flatMap(\.eventIDs) + timeline.announcements.map(\.eventID)
    for id in all where seen.insert(id).inserted { ids.append(id) }
    return ids
  }

  private func event(_ id: String) -> (String, JSONValue)? {
    guard let event = timeline.projection.event(id) else { return nil }
    guard case .object(var object) = EventJSON.summary(event) else { return nil }
    object["citation"] = .string(event.source.citation)
    object["areaName"] = .string(areas[event.area]?.name ?? event.area)
    return (id, .object(object))
  }
}
