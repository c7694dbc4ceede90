/// Writes the rows that describe one pause, corridor group or offensive, and remembers which
/// sources were cited so the answer can list them.
struct ItemDetails {
  let answer: AtAnswer
  let time: TimeFormatter
  let areas: AreaRegistry
  private(set) var citedSources: [(String, Source)] = []
  /// The labels in ``citedSources``, so that each citation is looked up once, not in a list.
  private var citedLabels: Set<String> = []

  init(answer: AtAnswer, time: TimeFormatter, areas: AreaRegistry) {
    self.answer = answer
    self.time = time
    self.areas = areas
  }

  private var projection: Projection { answer.projection }

  mutating func add(_ item: ItemStatus, full: Bool, to block: inout TextBlock) {
    let areaName = areas[item.area]?.name ?? item.area
    var title = "  \(item.kind.rawValue) \(item.id) · \(areaName)"
    if item.hypothetical {
      title = "  \(item.kind.rawValue) \(item.id) · \(areaName) · HYPOTHETICAL"
    }
    if let relation = item.areaRelation, relation != .same, let asked = answer.area {
      title += relation == .inside ? " (inside \(asked.name))" : " (around \(asked.name))"
    }
    switch item.kind {
    case .pause:
      guard let pause = projection.pause(item.id) else { return }
      block.line(title)
      addStatusRows(item, start: pause.start, end: pause.end, full: full, to: &block)
      guard full else { return }
      block.item(
        "kind",
        pause.kinds.map { "\($0.value.rawValue) (\(cite($0.eventIDs)))" }.joined(separator: "; "),
        "")
      if !pause.parties.isEmpty { block.item("parties", pause.parties.joined(separator: ", "), "") }
      for hours in pause.dailyHours {
        block.item("daily", "\(hours.value) local", cite(hours.eventIDs))
      }
      let cutoff = answer.moment.asOfInstant
      for condition in pause.conditions {
        // A condition stated after the moment was not attached yet.
        let stated = condition.eventIDs.contains { id in
          projection.event(id)?.announced.range.isPossibly(atOrBefore: cutoff) ?? false
        }
        guard stated else { continue }
        block.item("condition", condition.value, cite(condition.eventIDs))
      }
      addStatements(about: item.id, to: &block)
    case .corridors:
      guard let corridor = projection.corridor(item.id) else { return }
      block.line(title + " · pause \(corridor.pause)")
      addStatusRows(item, start: corridor.start, end: corridor.end, full: full, to: &block)
      guard full else { return }
      for count in corridor.counts {
        block.item(
          "count", "\(count.value) corridor\(count.value == 1 ? "" : "s")", cite(count.eventIDs))
      }
      block.item("for", corridor.users.map(\.phrase).joined(separator: ", "), "")
      for route in corridor.routes { block.item("route", route.value, cite(route.eventIDs)) }
      for hours in corridor.dailyHours {
        block.item("daily", "\(hours.value) local", cite(hours.eventIDs))
      }
    case .offensive:
      guard let offensive = projection.offensive(item.id) else { return }
      block.line(title)
      addStatusRows(item, start: offensive.start, end: offensive.end, full: full, to: &block)
      guard full else { return }
      if !offensive.parties.isEmpty {
        block.item("by", offensive.parties.joined(separator: ", "), "")
      }
      for aim in offensive.aims { block.item("aim", aim, "") }
      if let phase = item.phase {
        let when = time.stamp(phase.at.spec ?? .range(from: nil, to: nil), range: phase.at.range)
        let text = "\(phase.change == .scaledBack ? "scaled back" : "intensified") since \(when)"
        block.item(
          "phase", item.phaseIsUncertain ? text + " (possibly not yet)" : text,
          cite([phase.at.eventID]))
      }
      addStatements(about: item.id, to: &block)
    }
    for dispute in answer.disputes
    where dispute.subject == item.id && full && dispute.aspect != "start" && dispute.aspect != "end"
    {
      block.item("disputed", dispute.aspect, "")
      for version in dispute.versions { block.item("", version.says, cite(version.eventIDs)) }
    }
  }

  private mutating func addStatusRows(
    _ item: ItemStatus, start: Boundary, end: Boundary, full: Bool, to block: inout TextBlock
  ) {
    if let day = item.day, day.kind == .partOfDay {
      for (index, stretch) in day.certainly.enumerated() {
        let text = "certainly from \(time.instant(stretch.start)) to \(time.instant(stretch.end))"
        block.item(index == 0 ? "in force" : "", text, "")
      }
    }
    if let day = item.day, day.kind == .notApplying {
      block.item("but", "suspended or outside its daily hours throughout the day", "")
    }
    if let qualifier = item.qualifier { block.item("but", qualifier, "") }
    if [.possibly, .partOfDay].contains(item.section) {
      for uncertainty in item.uncertainties {
        let side = uncertainty.boundary == .start ? "its start" : "its end"
        let why =
          uncertainty.disputed
          ? "the reports disagree on \(side)" : "\(side) is known only to the day or a range"
        block.item("why", why + " (below)", "")
      }
    }
    if item.possiblyKnown, let asOf = answer.asOf {
      block.item("known?", "rests on announcements only possibly made by \(time.moment(asOf))", "")
    }
    if full || item.section == .notYet {
      addBoundary("from", start, open: "start not reported", to: &block)
    }
    if full || item.section == .noLonger {
      addBoundary("until", end, open: "no end reported (open)", to: &block)
    }
  }

  private mutating func addBoundary(
    _ label: String, _ boundary: Boundary, open: String, to block: inout TextBlock
  ) {
    if boundary.reports.isEmpty {
      block.item(label, open, "")
      return
    }
    var first = true
    if boundary.isDisputed {
      block.item(label, "DISPUTED between the reports:", "")
      first = false
    }
    var groups: [(text: String, eventIDs: [String])] = []
    for report in boundary.reports {
      let text = reportText(report)
      if let index = groups.firstIndex(where: { $0.text == text }) {
        groups[index].eventIDs.append(report.eventID)
      } else {
        groups.append((text, [report.eventID]))
      }
    }
    for group in groups {
      block.item(first ? label : "", group.text, cite(group.eventIDs))
      first = false
    }
  }

  /// A report as shown: the time as given, or the derived range and how it was derived.
  private func reportText(_ report: BoundaryReport) -> String {
    guard let spec = report.spec else { return "\(time.range(report.range)) (derived)" }
    let text = time.stamp(spec, range: report.range)
    return report.derivation == nil ? text : "\(text) (derived: with its pause)"
  }

  private mutating func addStatements(about subject: String, to block: inout TextBlock) {
    let cutoff = answer.moment.asOfInstant
    for statement in projection.statements(about: subject) {
      guard case .statement(let kind, _) = statement.payload, kind != .condition,
        statement.announced.range.isPossibly(atOrBefore: cutoff)
      else { continue }
      block.item(kind.rawValue, summary(of: statement), cite([statement.id]))
    }
  }

  /// A one-line summary of a statement or proposal: who, and the quote or note.
  mutating func summary(of event: Event) -> String {
    let who = event.announcedBy.joined(separator: ", ")
    let what = event.source.quote.map { "\"\($0)\"" } ?? event.note ?? event.type.rawValue
    return "\(who): \(what)"
  }

  /// The citations of these events, noting events possibly not yet announced.
  mutating func cite(_ eventIDs: [String]) -> String {
    var labels: [String] = []
    for id in eventIDs {
      guard let source = projection.source(ofEvent: id) else { continue }
      let label = source.citation
      if citedLabels.insert(label).inserted { citedSources.append((label, source)) }
      if !labels.contains(label) { labels.append(label) }
    }
    return labels.sorted().joined(separator: ", ")
  }

}
