/// Draws a ``Timeline`` in the terminal: a row per item, time running across, fitted to a width.
///
/// `█` in force, `▒` possibly (a boundary known only to a day or a range), `░` possibly (reports
/// disagree), `→` at the right edge when no end is reported. A column shows the stretch that
/// covers most of it. Daily hours and suspensions are not
/// drawn: `truce at` answers for a moment.
public struct TimelineChart: Sendable {
  /// The total width in columns.
  public var width: Int
  /// The zone for the axis.
  public var zone: Zone

  /// Creates a chart renderer; widths below 40 are raised to 40.
  public init(width: Int, zone: Zone) {
    self.width = max(width, 40)
    self.zone = zone
  }

  /// The chart as text, ending with a newline.
  public func render(_ timeline: Timeline) -> String {
    let labels = timeline.rows.map { row in
      (timeline.projection.restsOnHypothetical(row.eventIDs) ? "* " : "")
        + (row.variant.map { "\($0): " } ?? "") + "\(row.kind.rawValue) \(row.id)"
    }
    let labelWidth = min(max(labels.map(\.count).max() ?? 10, 10), max(12, width * 2 / 5))
    let columns = width - labelWidth - 3
    let step = max(
      1, (timeline.to.secondsSinceEpoch - timeline.from.secondsSinceEpoch) / Int64(columns))
    var lines: [String] = []
    let first = zone.civil(at: timeline.from).date
    let last = zone.civil(at: timeline.to.adding(seconds: -1)).date
    lines.append("TIMELINE \(first) → \(last), local time (\(zone.identifier))")
    lines.append(
      String(repeating: " ", count: labelWidth + 2) + axis(timeline, columns: columns, step: step))
    for (row, label) in zip(timeline.rows, labels) {
      var cells = [Character](repeating: " ", count: columns)
      for column in 0..<columns {
        let start = timeline.from.adding(seconds: Int64(column) * step)
        cells[column] = glyph(row, Span(start: start, end: start.adding(seconds: step)))
      }
      let open = row.segments.last?.isOpen == true
      lines.append(
        pad(truncateMiddle(label, labelWidth), labelWidth) + " |" + String(cells)
          + (open ? "→" : "|"))
    }
    if timeline.rows.isEmpty { lines.append("(nothing on the record in this window)") }
    lines.append("")
    lines.append("█ in force    ▒ possibly (known to the day or a range)")
    lines.append("░ possibly (reports disagree)    → no end reported")
    lines.append("one column ≈ \(duration(step))")
    if labels.contains(where: { $0.hasPrefix("* ") }) {
      lines.append("* rests on hypothetical events")
    }
    return lines.map { line in
      var fitted = truncate(line, width)
      while fitted.hasSuffix(" ") { fitted.removeLast() }
      return fitted
    }.joined(separator: "\n") + "\n"
  }

  /// The glyph of the segment covering most of a column.
  private func glyph(_ row: TimelineRow, _ column: Span) -> Character {
    var best: (Int64, TimelineSegment.Certainty)?
    for segment in row.segments {
      guard let overlap = Span(start: segment.start, end: segment.end).intersection(column) else {
        continue
      }
      let length = overlap.end.secondsSinceEpoch - overlap.start.secondsSinceEpoch
      if best == nil || length > (best?.0 ?? 0) { best = (length, segment.certainty) }
    }
    switch best?.1 {
    case .certain: return "█"
    case .uncertain: return "▒"
    case .disputed: return "░"
    case nil: return " "
    }
  }

  /// Date labels at the columns where months (or days, for short windows) begin.
  private func axis(_ timeline: Timeline, columns: Int, step: Int64) -> String {
    var cells = [Character](repeating: " ", count: columns)
    let span = timeline.to.secondsSinceEpoch - timeline.from.secondsSinceEpoch
    let byMonth = span > 45 * 86_400
    var date = zone.civil(at: timeline.from).date
    var next = 0
    while true {
      let tick = byMonth ? CivilDate(year: date.year, month: date.month, day: 1) ?? date : date
      let instant = zone.startOfDay(tick)
      if instant >= timeline.to { break }
      if instant >= timeline.from {
        let column = Int((instant.secondsSinceEpoch - timeline.from.secondsSinceEpoch) / step)
        // The first month label carries the year; later ones are short unless a year begins.
        let months = [
          "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ]
        let text: String =
          !byMonth
          ? String("\(tick)".suffix(5))
          : next == 0 || tick.month == 1 ? String("\(tick)".prefix(7)) : months[tick.month - 1]
        if column >= next && column + text.count <= columns {
          for (offset, character) in text.enumerated() { cells[column + offset] = character }
          next = column + text.count + 1
        }
      }
      date =
        byMonth
        ? tick.adding(days: CivilDate.daysIn(month: tick.month, year: tick.year))
        : date.adding(days: 1)
    }
    return String(cells)
  }

  private func duration(_ seconds: Int64) -> String {
    if seconds >= 86_400 {
      let tenths = seconds * 10 / 86_400
      return tenths % 10 == 0 ? "\(tenths / 10) days" : "\(tenths / 10).\(tenths % 10) days"
    }
    if seconds >= 3600 { return "\(seconds / 3600) h" }
    return "\(max(1, seconds / 60)) min"
  }

  private func truncate(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }

  /// Shortens a label in its middle, so that both the kind and the end of the id stay readable.
  private func truncateMiddle(_ text: String, _ limit: Int) -> String {
    guard text.count > limit, limit > 3 else { return truncate(text, limit) }
    let head = (limit - 1) / 2
    return String(text.prefix(head)) + "…" + String(text.suffix(limit - 1 - head))
  }

  private func pad(_ text: String, _ length: Int) -> String {
    text + String(repeating: " ", count: max(0, length - text.count))
  }
}
