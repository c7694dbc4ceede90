/// Draws the page's SVG: a row per item with its stretches, the date axis, announcement
/// markers, offset changes, the cursor line and the legend.
///
/// Certainty is told by fill and outline, not colour alone, so it survives greyscale printing:
/// solid in force, hatched possibly (a boundary known only to a day or range), dotted with a
/// dashed outline possibly (the reports disagree).
struct TimelineHTMLSVG {
  let layout: TimelineHTMLLayout
  let data: TimelineHTMLData

  /// Fill colours by item kind, plus a neutral one for the legend.
  static let palette: [(name: String, color: String)] = [
    ("pause", "#2166ac"), ("corridors", "#1b7837"), ("offensive", "#b2182b"), ("key", "#4d4d4d"),
  ]

  private var timeline: Timeline { layout.timeline }
  private var formatter: TimeFormatter { data.formatter }

  /// The SVG element, with the cursor line at `cursorX`.
  func render(cursorX: Double) -> String {
    var svg = Markup()
    let size = (svgNumber(TimelineHTMLLayout.width), svgNumber(layout.height))
    svg.open(
      "svg",
      [
        "xmlns": "http://www.w3.org/2000/svg", "id": "chart", "class": "chart",
        "viewBox": "0 0 \(size.0) \(size.1)", "width": size.0, "height": size.1,
        "role": "img", "aria-labelledby": "chart-title",
      ])
    svg.element("title", ["id": "chart-title"], text: "Timeline, local time in \(formatter.zone)")
    definitions(&svg)
    axis(&svg)
    for (index, row) in timeline.rows.enumerated() { self.row(row, index: index, to: &svg) }
    if timeline.rows.isEmpty {
      svg.element(
        "text",
        ["class": "empty", "x": svgNumber(layout.plotLeft), "y": svgNumber(layout.rowsTop + 22)],
        text: "Nothing on the record in this window.")
    }
    strip(&svg)
    transitions(&svg)
    svg.empty(
      "line",
      [
        "id": "cursor-line", "class": "cursor-line", "x1": svgNumber(cursorX),
        "x2": svgNumber(cursorX), "y1": svgNumber(layout.axisTop),
        "y2": svgNumber(layout.rowsBottom),
      ])
    TimelineHTMLLegend(top: layout.rowsBottom + 26).render(&svg)
    svg.close("svg")
    return svg.output
  }

  static func color(_ kind: String) -> String {
    palette.first { $0.name == kind }?.color ?? "#4d4d4d"
  }

  /// The fill and outline of a stretch of this certainty, for an item kind.
  static func style(_ certainty: TimelineSegment.Certainty, kind: String)
    -> KeyValuePairs<String, String>
  {
    let color = color(kind)
    switch certainty {
    case .certain:
      return ["fill": color, "stroke": color, "stroke-width": "1"]
    case .uncertain:
      return ["fill": "url(#hatch-\(kind))", "stroke": color, "stroke-width": "1"]
    case .disputed:
      return [
        "fill": "url(#dots-\(kind))", "stroke": color, "stroke-width": "1.6",
        "stroke-dasharray": "4 2",
      ]
    }
  }

  private func definitions(_ svg: inout Markup) {
    svg.open("defs")
    for (name, color) in Self.palette {
      svg.open(
        "pattern",
        [
          "id": "hatch-\(name)", "width": "6", "height": "6", "patternUnits": "userSpaceOnUse",
          "patternTransform": "rotate(45)",
        ])
      svg.empty("rect", ["width": "6", "height": "6", "fill": "#ffffff"])
      svg.empty("rect", ["width": "2.5", "height": "6", "fill": color])
      svg.close("pattern")
      svg.open(
        "pattern",
        ["id": "dots-\(name)", "width": "5", "height": "5", "patternUnits": "userSpaceOnUse"])
      svg.empty("rect", ["width": "5", "height": "5", "fill": "#ffffff"])
      svg.empty("circle", ["cx": "2.5", "cy": "2.5", "r": "1.3", "fill": color])
      svg.close("pattern")
    }
    svg.close("defs")
    svg.newline()
  }

  private func axis(_ svg: inout Markup) {
    let base = layout.rowsTop - 1
    svg.open("g", ["class": "axis"])
    svg.element(
      "text", ["class": "caption", "x": "8", "y": svgNumber(layout.axisTop + 18)],
      text: "local time, \(formatter.zone)")
    for tick in layout.ticks() {
      let x = svgNumber(tick.x)
      let top = tick.isMajor ? base - 9 : base - 4
      let bottom = tick.isMajor ? layout.rowsBottom : base
      svg.empty(
        "line",
        [
          "class": tick.isMajor ? "grid-major" : "grid-minor", "x1": x, "x2": x,
          "y1": svgNumber(top), "y2": svgNumber(bottom),
        ])
      if let label = tick.label {
        svg.element(
          "text",
          ["class": "tick-label", "x": svgNumber(tick.x + 3), "y": svgNumber(layout.axisTop + 17)],
          text: label)
      }
    }
    svg.empty(
      "line",
      [
        "class": "axis-line", "x1": svgNumber(layout.plotLeft), "x2": svgNumber(layout.plotRight),
        "y1": svgNumber(base), "y2": svgNumber(base),
      ])
    svg.close("g")
    svg.newline()
  }

  private func row(_ row: TimelineRow, index: Int, to svg: inout Markup) {
    let top = layout.rowTop(index)
    let kind = row.kind.rawValue
    let color = Self.color(kind)
    svg.open("g", ["class": "row kind-\(kind)", "data-row": String(index)])
    svg.empty(
      "rect",
      [
        "class": index % 2 == 0 ? "band" : "band odd", "x": "0", "y": svgNumber(top),
        "width": svgNumber(TimelineHTMLLayout.width),
        "height": svgNumber(TimelineHTMLLayout.rowHeight),
      ])
    svg.open("g", ["class": "row-label", "tabindex": "0"])
    svg.element("title", text: "\(kind) \(row.id) · \(data.areaName(row))")
    svg.empty(
      "rect", ["x": "8", "y": svgNumber(top + 10), "width": "8", "height": "16", "fill": color])
    svg.element(
      "text", ["class": "row-id", "x": "24", "y": svgNumber(top + 16)], text: clip(row.id, 32))
    svg.element(
      "text", ["class": "row-meta", "x": "24", "y": svgNumber(top + 30)],
      text: clip(
        "\(kind) · \(data.areaName(row))" + (row.variant.map { " · \($0)" } ?? "")
          + (data.timeline.projection.restsOnHypothetical(row.eventIDs) ? " · hypothetical" : ""),
        48))
    svg.close("g")
    svg.element(
      "text",
      ["class": "now-mark", "x": svgNumber(layout.plotLeft - 8), "y": svgNumber(top + 24)],
      text: "")
    for (number, segment) in row.segments.enumerated() {
      let x = layout.x(segment.start)
      let width = max(layout.x(segment.end) - x, 3)
      var attributes: [(key: String, value: String)] = [
        ("class", "seg \(segment.certainty.rawValue)"), ("data-segment", String(number)),
        ("tabindex", "0"), ("x", svgNumber(x)), ("y", svgNumber(top + 13)),
        ("width", svgNumber(width)), ("height", "16"),
      ]
      for (name, value) in Self.style(segment.certainty, kind: kind) {
        attributes.append((key: name, value: value))
      }
      svg.open("rect", attributes: attributes)
      svg.element("title", text: "\(kind) \(row.id): " + data.describe(segment, of: row).text)
      svg.close("rect")
    }
    if let last = row.segments.last, last.isOpen {
      let x = layout.x(last.end) + 2
      let middle = top + 21
      svg.open("path", ["class": "open-end", "fill": color, "d": arrow(x: x, y: middle)])
      svg.element("title", text: "No end reported: still in force at the window's end")
      svg.close("path")
    }
    for (number, announcement) in timeline.announcements.enumerated()
    where announcement.subject == row.id {
      marker(announcement, number: number, top: top + 2, to: &svg)
    }
    svg.close("g")
    svg.newline()
  }

  /// Announcements about no row (statements, aid convoys, items outside the area) on a strip.
  private func strip(_ svg: inout Markup) {
    let rowIDs = Set(timeline.rows.map(\.id))
    svg.open("g", ["class": "strip"])
    svg.element("text", ["class": "caption", "x": "8", "y": "15"], text: "other announcements")
    for (number, announcement) in timeline.announcements.enumerated()
    where !(announcement.subject.map(rowIDs.contains) ?? false) {
      marker(announcement, number: number, top: 4, to: &svg)
    }
    svg.close("g")
    svg.newline()
  }

  private func marker(
    _ announcement: Timeline.Announcement, number: Int, top: Double, to svg: inout Markup
  ) {
    let x = layout.x(announcement.at)
    let path = "M\(svgNumber(x - 4.5)) \(svgNumber(top))h9l-4.5 8z"
    svg.open(
      "path",
      ["class": "ann", "tabindex": "0", "data-announcement": String(number), "d": path])
    svg.element(
      "title",
      text: "Announcement \(announcement.eventID), placed at \(formatter.instant(announcement.at))")
    svg.close("path")
  }

  private func transitions(_ svg: inout Markup) {
    for transition in layout.transitions() {
      let x = svgNumber(layout.x(transition.at))
      svg.open("g", ["class": "transition"])
      svg.empty(
        "line",
        [
          "x1": x, "x2": x, "y1": svgNumber(layout.axisTop + 4), "y2": svgNumber(layout.rowsBottom),
        ])
      let change = "\(formatOffset(transition.before)) → \(formatOffset(transition.after))"
      svg.element(
        "text",
        ["class": "transition-label", "x": x, "y": svgNumber(layout.rowsBottom + 13)],
        text: "clocks \(change)")
      svg.element(
        "title", text: "UTC offset \(change) from \(formatter.instant(transition.at))")
      svg.close("g")
    }
  }

  private func arrow(x: Double, y: Double) -> String {
    "M\(svgNumber(x)) \(svgNumber(y - 7))l11 7l-11 7z"
  }

  private func clip(_ text: String, _ limit: Int) -> String {
    text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
  }
}
