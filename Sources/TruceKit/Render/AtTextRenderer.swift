/// Writes an ``AtAnswer`` for people: sections by status, each fact with its sources.
public struct AtTextRenderer: Sendable {
  /// The log's file name, to show.
  public var logFile: String
  /// The log's areas, for names.
  public var areas: AreaRegistry
  /// Show times in UTC only.
  public var utcOnly: Bool
  /// The titles of the scenarios applied, if any.
  public var scenarios: [String] = []

  /// Creates a renderer.
  public init(logFile: String, areas: AreaRegistry, utcOnly: Bool = false) {
    self.logFile = logFile
    self.areas = areas
    self.utcOnly = utcOnly
  }

  /// The whole answer as text, ending with a newline.
  public func render(_ answer: AtAnswer) -> String {
    let time = TimeFormatter(zone: answer.zone, utcOnly: utcOnly)
    var block = TextBlock()
    let title: String
    switch answer.moment {
    case .instant(let instant, _): title = "What was in force at \(time.instant(instant))"
    case .day(let date, _, _):
      title = "What was in force on \(date) (local day, \(answer.zone.identifier))"
    }
    block.line(title)
    block.row("log", logFile)
    for scenario in scenarios {
      block.row("scenario", "\(scenario) (hypothetical events marked HYPOTHETICAL)")
    }
    block.row(
      "area", answer.area.map { "\($0.name), with the areas inside and around it" } ?? "all areas")
    block.row(
      "knowledge",
      answer.asOf.map { "as of \(time.moment($0)): only what had been announced by then" }
        ?? "everything in the log")
    var details = ItemDetails(answer: answer, time: time, areas: areas)
    for section in ItemStatus.Section.allCases {
      let items = answer.items.filter { $0.section == section }
      guard !items.isEmpty else { continue }
      let omitted = answer.omitted[section] ?? 0
      block.blank()
      block.line(heading(section, count: items.count + omitted))
      for item in items {
        let full = [.inForce, .allDay, .partOfDay, .possibly, .notApplying].contains(section)
        details.add(item, full: full, to: &block)
      }
      if omitted > 0 {
        let nearest = section == .notYet ? "soonest to start" : "latest to end"
        block.line(
          "  … and \(omitted) more (the \(items.count) \(nearest) are listed; --all lists every one)"
        )
      }
    }
    if answer.items.isEmpty {
      block.blank()
      block.line("Nothing in the log concerns this area.")
    }
    if !answer.conflicts.isEmpty {
      block.blank()
      block.line("CONFLICTS (a pause and an offensive at once)")
      for conflict in answer.conflicts {
        block.line(
          "  pause \(conflict.pause) and offensive \(conflict.offensive): "
            + (conflict.certain ? "both in force" : "possibly both in force"))
      }
      if answer.omittedConflicts > 0 {
        block.line(
          "  … and \(answer.omittedConflicts) more possible conflicts (--all lists every one)")
      }
    }
    if !answer.proposals.isEmpty {
      block.blank()
      block.line("PROPOSALS AND CALLS (never in force by themselves)")
      for proposal in answer.proposals {
        var label = "proposal"
        if case .proposal(_, .call, _, _) = proposal.payload { label = "call" }
        let undated = proposal.announced.spec == .range(from: nil, to: nil) ? " (undated)" : ""
        block.item(label, details.summary(of: proposal) + undated, details.cite([proposal.id]))
      }
      if answer.omittedProposals > 0 {
        block.line(
          "  … and \(answer.omittedProposals) earlier proposals (the \(answer.proposals.count) "
            + "latest announced are listed; --all lists every one)")
      }
    }
    block.blank()
    block.line("SOURCES")
    for (citation, source) in details.citedSources.sorted(by: { $0.0 < $1.0 }) {
      let name = [source.publication, source.headline.map { "\"\($0)\"" }].compactMap { $0 }
        .joined(separator: ", ")
      block.row(
        citation,
        (source.seed.map { "\($0): " } ?? "")
          + (name.isEmpty ? "publication and headline not given" : name))
    }
    return block.rendered()
  }

  private func heading(_ section: ItemStatus.Section, count: Int) -> String {
    let text: String
    switch section {
    case .inForce: text = "IN FORCE"
    case .allDay: text = "IN FORCE ALL DAY"
    case .partOfDay: text = "IN FORCE FOR PART OF THE DAY"
    case .possibly: text = "POSSIBLY IN FORCE"
    case .notApplying: text = "IN ITS INTERVAL, BUT NOT APPLYING AT THIS MOMENT"
    case .notYet: text = "ANNOUNCED, NOT YET IN FORCE"
    case .noLonger: text = "ANNOUNCED, NO LONGER IN FORCE"
    }
    return "\(text) (\(count))"
  }

}
