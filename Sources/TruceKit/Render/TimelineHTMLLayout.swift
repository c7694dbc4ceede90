/// The geometry of the page's SVG: where an instant falls, where each row sits, the axis ticks,
/// the zone's offset changes, and the moments the cursor can stop at.
///
/// Everything the page's script needs about time is computed here and embedded; the script
/// only compares the cursor's stop with embedded intervals.
struct TimelineHTMLLayout {
  /// The drawing's width in SVG units (the page scales it to the window).
  static let width = 1240.0
  /// The column of row labels.
  static let labelWidth = 290.0
  /// Room right of the plot for open-end arrows.
  static let rightMargin = 26.0
  /// The strip of announcements that concern no row.
  static let stripHeight = 24.0
  /// The date axis.
  static let axisHeight = 30.0
  /// One row.
  static let rowHeight = 36.0
  /// The legend below the rows.
  static let legendHeight = 74.0
  /// The most stops the cursor gets from the regular grid (segment edges come on top).
  static let maximumGridStops = 1500

  let timeline: Timeline
  let zone: Zone

  var plotLeft: Double { Self.labelWidth }
  var plotRight: Double { Self.width - Self.rightMargin }
  var plotWidth: Double { plotRight - plotLeft }
  var axisTop: Double { Self.stripHeight }
  var rowsTop: Double { Self.stripHeight + Self.axisHeight }
  var rowsBottom: Double { rowsTop + Double(max(timeline.rows.count, 1)) * Self.rowHeight }
  var height: Double { rowsBottom + Self.legendHeight }

  private var span: Int64 { timeline.to.secondsSinceEpoch - timeline.from.secondsSinceEpoch }

  /// The x coordinate of an instant, clamped to the plot.
  func x(_ instant: Instant) -> Double {
    let offset = instant.secondsSinceEpoch - timeline.from.secondsSinceEpoch
    let fraction = min(max(Double(offset) / Double(max(span, 1)), 0), 1)
    return plotLeft + fraction * plotWidth
  }

  /// The top of a row's band.
  func rowTop(_ index: Int) -> Double {
    rowsTop + Double(index) * Self.rowHeight
  }

  /// A mark on the date axis.
  struct Tick {
    var x: Double
    var label: String?
    var isMajor: Bool
  }

  /// Months (for windows over 45 days) or days as major ticks, labelled where there is room;
  /// days or hours as minor ticks when they are at least a few units apart. Local time.
  func ticks() -> [Tick] {
    let pixelsPerDay = plotWidth * 86_400 / Double(max(span, 1))
    var ticks: [Tick] = []
    var lastLabel = -Double.infinity
    let byMonth = span > 45 * 86_400
    for date in localDates() {
      let instant = zone.startOfDay(date)
      guard instant >= timeline.from, instant < timeline.to else { continue }
      let position = x(instant)
      let isMajor = byMonth ? date.day == 1 : true
      guard isMajor || pixelsPerDay >= 3 else { continue }
      var label: String?
      if isMajor && position - lastLabel >= 52 {
        label = byMonth ? String(date.description.prefix(7)) : String(date.description.suffix(5))
        lastLabel = position
      }
      ticks.append(Tick(x: position, label: label, isMajor: isMajor))
    }
    guard !byMonth else { return ticks }
    let hours = [1, 2, 3, 6, 12].first { pixelsPerDay * Double($0) / 24 >= 10 }
    if let hours {
      let labelled = pixelsPerDay * Double(hours) / 24 >= 40
      for instant in localInstants(everyHours: hours) {
        let wall = zone.civil(at: instant)
        guard wall.hour != 0 || wall.minute != 0 else { continue }
        ticks.append(Tick(x: x(instant), label: labelled ? wall.timeOfDay : nil, isMajor: false))
      }
    }
    return ticks
  }

  /// A change of the zone's UTC offset within the window.
  struct Transition {
    var at: Instant
    var before: Int
    var after: Int
  }

  /// The zone's offset changes within the window.
  func transitions() -> [Transition] {
    var result: [Transition] = []
    var cursor = timeline.from
    while let next = zone.nextTransition(after: cursor), next > cursor, next < timeline.to {
      let before = zone.offset(at: next.adding(seconds: -1))
      let after = zone.offset(at: next)
      if before != after { result.append(Transition(at: next, before: before, after: after)) }
      cursor = next
    }
    return result
  }

  /// A moment the cursor can stop at: the instant, its x and its local label.
  struct Stop {
    var instant: Instant
    var x: Double
    var label: String
  }

  /// Local hours on a regular grid, plus every segment's edges so each stretch can be picked.
  func stops(formatter: TimeFormatter) -> [Stop] {
    let hours = [1, 2, 3, 6, 12, 24].first { span / Int64($0 * 3600) <= Self.maximumGridStops }
    var instants = Set(localInstants(everyHours: hours ?? 24))
    instants.insert(timeline.from)
    for row in timeline.rows {
      for segment in row.segments {
        instants.insert(segment.start)
        instants.insert(segment.end)
      }
    }
    return instants.filter { $0 >= timeline.from && $0 < timeline.to }.sorted().map { instant in
      Stop(instant: instant, x: x(instant), label: formatter.instant(instant))
    }
  }

  /// The certainty of the row's stretch covering an instant, or `nil` when none does.
  static func certainty(of row: TimelineRow, at instant: Instant) -> TimelineSegment.Certainty? {
    row.segments.first { $0.start <= instant && instant < $0.end }?.certainty
  }

  /// Where the cursor starts: the first stop at which the most rows are certainly or possibly
  /// in force, so the page opens on something to read.
  func initialStop(_ stops: [Stop]) -> Int {
    var best = (index: 0, count: -1)
    for (index, stop) in stops.enumerated() {
      let count = timeline.rows.filter { Self.certainty(of: $0, at: stop.instant) != nil }.count
      if count > best.count { best = (index, count) }
    }
    return best.index
  }

  /// The local dates the window touches.
  private func localDates() -> [CivilDate] {
    let first = zone.civil(at: timeline.from).date
    let last = zone.civil(at: timeline.to.adding(seconds: -1)).date
    var dates: [CivilDate] = []
    var date = first
    while date <= last {
      dates.append(date)
      date = date.adding(days: 1)
    }
    return dates
  }

  /// Local wall times on the hour every `hours` hours from midnight, within the window.
  private func localInstants(everyHours hours: Int) -> [Instant] {
    var result: [Instant] = []
    for date in localDates() {
      for hour in stride(from: 0, to: 24, by: hours) {
        guard let wall = CivilDateTime(date: date, hour: hour, minute: 0) else { continue }
        switch zone.resolve(wall) {
        case .unique(let instant), .ambiguous(let instant, _):
          if instant >= timeline.from && instant < timeline.to { result.append(instant) }
        case .nonexistent: continue
        }
      }
    }
    return result
  }
}
