/// A ``Timeline`` as one self-contained HTML page: an SVG chart, a cursor that lists what was in
/// force at a moment, and the events and sources behind every bar and marker.
///
/// The page loads nothing: its style sheet, SVG and script are inline, and it uses local fonts.
/// It is also well-formed XML (XHTML), so tests can parse it. The data it shows is embedded as
/// JSON in `<script type="application/json" id="truce-data">`: the `truce.timeline/1` document
/// (see ``TimelineJSON``), the same stretches in seconds, the events, and the cursor's stops
/// with their local labels. The script only compares the cursor with those embedded intervals.
///
/// Every text from the log is escaped with ``HTMLEscaping``.
public struct TimelineHTML: Sendable {
  /// The timeline to draw.
  public var timeline: Timeline
  /// The log's areas, for names.
  public var areas: AreaRegistry
  /// The zone local times are shown in.
  public var zone: Zone
  /// The page's title, such as the log's title.
  public var title: String

  /// Creates a page renderer.
  ///
  /// - Parameters:
  ///   - timeline: The timeline to draw.
  ///   - areas: The log's areas, for their names.
  ///   - zone: The zone for the axis and every local time shown.
  ///   - title: The page's title.
  public init(timeline: Timeline, areas: AreaRegistry, zone: Zone, title: String) {
    self.timeline = timeline
    self.areas = areas
    self.zone = zone
    self.title = title
  }

  /// The page, ending with a newline.
  public func render() -> String {
    let layout = TimelineHTMLLayout(timeline: timeline, zone: zone)
    let formatter = TimeFormatter(zone: zone)
    let data = TimelineHTMLData(timeline: timeline, areas: areas, formatter: formatter)
    let stops = layout.stops(formatter: formatter)
    let initial = layout.initialStop(stops)
    var page = Markup()
    page.raw("<!DOCTYPE html>\n")
    page.open("html", ["xmlns": "http://www.w3.org/1999/xhtml", "lang": "en", "xml:lang": "en"])
    page.open("head")
    page.empty("meta", ["charset": "utf-8"])
    page.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
    page.element("title", text: "Timeline: \(title)")
    page.open("style")
    page.raw("\n" + Self.styleSheet)
    page.close("style")
    page.close("head")
    page.newline()
    page.open("body")
    header(&page, layout: layout, formatter: formatter)
    page.open("figure", ["class": "chart-figure"])
    page.raw(TimelineHTMLSVG(layout: layout, data: data).render(cursorX: stops[initial].x))
    page.close("figure")
    page.newline()
    controls(&page, layout: layout, stops: stops, initial: initial)
    panels(&page)
    page.element(
      "footer",
      text: """
        Made by truce timeline --html. Stretches come from the reports' boundaries; daily hours \
        and suspensions are not drawn: truce at answers for a moment.
        """)
    page.newline()
    let embedded = data.value(layout: layout, stops: stops, initialStop: initial)
    page.open("script", ["type": "application/json", "id": "truce-data"])
    page.raw(HTMLEscaping.scriptJSON(embedded))
    page.close("script")
    page.newline()
    page.open("script")
    page.raw("\n" + Self.script + "\n")
    page.close("script")
    page.newline()
    page.close("body")
    page.close("html")
    return page.output + "\n"
  }

  /// Writes the page to a file atomically: a temporary file beside it, then a rename.
  ///
  /// - Parameter path: The file to write or replace.
  /// - Throws: ``FileIOError`` when the file cannot be written or renamed.
  public func write(toFile path: String) throws(FileIOError) {
    try FileIO.replaceAtomically(path: path, with: Array(render().utf8))
  }

  private func header(_ page: inout Markup, layout: TimelineHTMLLayout, formatter: TimeFormatter) {
    let first = zone.civil(at: timeline.from).date
    let last = zone.civil(at: timeline.to.adding(seconds: -1)).date
    var offsets = "UTC\(formatOffset(zone.offset(at: timeline.from)))"
    for transition in layout.transitions() {
      offsets +=
        ", then UTC\(formatOffset(transition.after)) from \(formatter.instant(transition.at))"
    }
    let count = timeline.rows.count
    page.open("header")
    page.element("h1", text: "Timeline: \(title)")
    page.element(
      "p",
      text: """
        \(first) → \(last) · local time in \(zone) (\(offsets)) · \(count) \
        row\(count == 1 ? "" : "s")
        """)
    page.close("header")
    page.newline()
  }

  private func controls(
    _ page: inout Markup, layout: TimelineHTMLLayout, stops: [TimelineHTMLLayout.Stop],
    initial: Int
  ) {
    // The slider spans the plot, so its ends sit under the chart's first and last instants.
    let width = TimelineHTMLLayout.width
    let left = svgNumber(layout.plotLeft / width * 100)
    let right = svgNumber((width - layout.plotRight) / width * 100)
    page.open("div", ["class": "controls", "style": "padding-right: \(right)%"])
    page.element(
      "label", ["for": "cursor-range", "style": "width: \(left)%"], text: "Pick a moment")
    page.empty(
      "input",
      [
        "type": "range", "id": "cursor-range", "min": "0", "max": String(stops.count - 1),
        "step": "1", "value": String(initial), "aria-describedby": "cursor-time",
      ])
    page.close("div")
    page.newline()
  }

  private func panels(_ page: inout Markup) {
    page.open("div", ["class": "panels"])
    page.open("section", ["class": "panel"])
    page.open("h2")
    page.text("In force at ")
    page.element("span", ["id": "cursor-time", "class": "moment"], text: "")
    page.close("h2")
    page.element("h3", text: "\u{25CF} Certainly")
    page.element("ul", ["id": "certainly"], text: "")
    page.element(
      "h3", text: "\u{25D0} Possibly (a boundary known only to a day or a range, or disputed)")
    page.element("ul", ["id": "possibly"], text: "")
    page.close("section")
    page.open("section", ["class": "panel"])
    page.element("h2", text: "Events and sources")
    page.open("div", ["id": "details-body"])
    page.element(
      "p", ["class": "hint"],
      text: "Hover over or click a bar, a row's name or an announcement marker.")
    page.close("div")
    page.close("section")
    page.close("div")
    page.newline()
  }
}
