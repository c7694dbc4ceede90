/// The legend under the page's chart: what each fill, mark and line means.
struct TimelineHTMLLegend {
  /// The legend's top edge in SVG units.
  let top: Double

  private enum Swatch {
    case certainty(TimelineSegment.Certainty)
    case kind(String)
    case arrow
    case announcement
    case cursor
    case transition

    var isCursor: Bool {
      if case .cursor = self { return true }
      return false
    }
  }

  private static let lines: [[(Swatch, String)]] = [
    [
      (.certainty(.certain), "in force"),
      (.certainty(.uncertain), "possibly: a boundary known only to a day or a range"),
      (.certainty(.disputed), "possibly: the reports disagree on a boundary"),
      (.arrow, "no end reported"),
    ],
    [
      (.kind("pause"), "pause"), (.kind("corridors"), "corridors"),
      (.kind("offensive"), "offensive"),
      (.announcement, "announcement, at the earliest time it can have been made"),
      (.transition, "UTC offset change"), (.cursor, "cursor"),
    ],
  ]

  /// Draws the legend.
  func render(_ svg: inout Markup) {
    svg.open("g", ["class": "legend"])
    for (number, line) in Self.lines.enumerated() {
      var x = 24.0
      let y = top + Double(number) * 22
      for (swatch, label) in line {
        draw(swatch, x: x, y: y, to: &svg)
        svg.element(
          "text", ["class": "legend-label", "x": svgNumber(x + 34), "y": svgNumber(y + 10)],
          text: label)
        // Wide enough for the label at the legend's font size, with a gap.
        x += 34 + Double(label.count) * 7 + 26
      }
    }
    svg.close("g")
    svg.newline()
  }

  private func draw(_ swatch: Swatch, x: Double, y: Double, to svg: inout Markup) {
    let left = svgNumber(x)
    switch swatch {
    case .certainty(let certainty):
      var attributes: [(key: String, value: String)] = [
        ("class", "seg-key \(certainty.rawValue)"), ("x", left), ("y", svgNumber(y)),
        ("width", "26"), ("height", "12"),
      ]
      for (name, value) in TimelineHTMLSVG.style(certainty, kind: "key") {
        attributes.append((key: name, value: value))
      }
      svg.open("rect", attributes: attributes)
      svg.close("rect")
    case .kind(let kind):
      svg.empty(
        "rect",
        [
          "x": svgNumber(x + 9), "y": svgNumber(y), "width": "8", "height": "12",
          "fill": TimelineHTMLSVG.color(kind),
        ])
    case .arrow:
      svg.empty(
        "path",
        ["class": "open-end", "fill": "#4d4d4d", "d": "M\(left) \(svgNumber(y - 1))l11 7l-11 7z"])
    case .announcement:
      svg.empty(
        "path", ["class": "ann-key", "d": "M\(svgNumber(x + 8)) \(svgNumber(y + 1))h9l-4.5 8z"])
    case .transition, .cursor:
      let middle = svgNumber(x + 13)
      svg.open("g", ["class": swatch.isCursor ? "cursor-key" : "transition"])
      svg.empty(
        "line", ["x1": middle, "x2": middle, "y1": svgNumber(y - 3), "y2": svgNumber(y + 15)])
      svg.close("g")
    }
  }
}
