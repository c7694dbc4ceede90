/// The record drawn as rows across time: one row per pause, corridor group and offensive, each
/// a series of stretches that are certainly in force, or only possibly (a boundary known only to
/// a day or range, or disputed between reports).
///
/// Every stretch comes from the projection's boundaries; renderers only draw them.
public struct Timeline: Sendable {
  /// The first instant shown.
  public var from: Instant
  /// The instant just after the last one shown.
  public var to: Instant
  /// The rows, pauses first, then corridor groups, then offensives.
  public var rows: [TimelineRow]
  /// Announcements made within the window, for markers.
  public var announcements: [Announcement]
  /// The projection the rows come from.
  public var projection: Projection

  /// An announcement on the time axis.
  public struct Announcement: Hashable, Sendable {
    /// Where it is placed (see ``AnnouncementOrder``).
    public var at: Instant
    /// The event.
    public var eventID: String
    /// The pause, corridor group or offensive it concerns, if any.
    public var subject: String?
  }
}

/// One pause, corridor group or offensive on the timeline.
public struct TimelineRow: Hashable, Sendable {
  /// What it is.
  public var kind: ItemKind
  /// Its id.
  public var id: String
  /// Its area's id.
  public var area: String
  /// When it came into force, as the reports give it.
  public var start: Boundary
  /// When it went out of force; not reported means open.
  public var end: Boundary
  /// The stretches to draw, in time order, clipped to the window.
  public var segments: [TimelineSegment]
  /// The events behind it.
  public var eventIDs: [String]
  /// In a comparison, which side the row shows: "record" or "scenario"; `nil` otherwise.
  public var variant: String?
}

/// A stretch of a row.
public struct TimelineSegment: Hashable, Sendable {
  /// Its first instant.
  public var start: Instant
  /// The instant after its last.
  public var end: Instant
  /// How sure the record is that the item was in force.
  public var certainty: Certainty
  /// Whether it runs on past the window because no end is reported.
  public var isOpen: Bool

  /// How sure the record is.
  public enum Certainty: String, Hashable, Sendable {
    /// In force on every reading of the reports.
    case certain
    /// Possibly in force: a boundary is known only to a day, week, month or range.
    case uncertain
    /// Possibly in force: reports disagree on a boundary.
    case disputed
  }
}

extension Timeline {
  /// The shortest window a timeline draws, in seconds: a later end is taken when the one given
  /// is closer to the start.
  public static let shortestWindow: Int64 = 3600

  /// The window a timeline given both ends draws: from `from` to the later of `to` and an hour
  /// after `from` (``shortestWindow``).
  public static func window(from: Instant, to: Instant) -> Span {
    Span(start: from, end: max(to, from.adding(seconds: shortestWindow)))
  }

  /// The end of the window that draws `last` too (the moment `--to` gives): the second after it.
  public static func end(through last: Instant) -> Instant { last.adding(seconds: 1) }

  /// Builds the timeline of a projection over a window.
  ///
  /// - Parameters:
  ///   - projection: The folded log.
  ///   - from: The window's first instant; by default a day before the earliest known start.
  ///   - to: The window's end; by default a day after the latest known boundary.
  ///   - area: Only items in this area, inside it or around it.
  ///   - areas: The log's areas.
  ///   - only: Only the items of these ids, when given: a log read for a span of time through
  ///     the index (``IndexedLogReader/log(forTimelineFrom:to:area:)``) holds others in part.
  public init(
    projection: Projection, from: Instant? = nil, to: Instant? = nil, area: Area? = nil,
    areas: AreaRegistry, only: Set<String>? = nil
  ) {
    let items = Timeline.items(of: projection, area: area, areas: areas, only: only)
    // The items' bounds, for a window not given: the first and last instants they may reach.
    let bounds = from == nil || to == nil ? Timeline.bounds(of: items) : nil
    let (first, last) = Timeline.fitted(from: from, to: to, bounds: bounds)
    self.from = first
    self.to = last
    self.projection = projection
    // Items with nothing in the window are left out.
    rows = items.compactMap { item in
      var row = item
      row.segments = Timeline.segments(start: item.start, end: item.end, from: first, to: last)
      return row.segments.isEmpty ? nil : row
    }
    // The announcements about the rows' items, and those about no item (errata, statements
    // naming none) made in the areas asked about.
    let itemIDs = Set(items.map(\.id))
    let events = projection.events { event in
      let instant = AnnouncementOrder.placement(of: event).instant
      guard instant >= first, instant < last else { return false }
      if let subject = event.subject { return itemIDs.contains(subject) }
      return area.map { areas.areRelated(event.area, $0.id) } ?? true
    }
    announcements = AnnouncementOrder.sorted(events).map { event in
      Announcement(
        at: AnnouncementOrder.placement(of: event).instant, eventID: event.id,
        subject: event.subject)
    }
  }

  /// Every item of a projection a timeline draws (of `area`, among `only`), as a row would
  /// draw it before a window clips it.
  static func items(
    of projection: Projection, area: Area?, areas: AreaRegistry, only: Set<String>?
  ) -> [TimelineRow] {
    var items =
      projection.pauses.map {
        TimelineRow(
          kind: .pause, id: $0.id, area: $0.area, start: $0.start, end: $0.end,
          segments: [], eventIDs: $0.eventIDs)
      }
      + projection.corridors.map {
        TimelineRow(
          kind: .corridors, id: $0.id, area: $0.area, start: $0.start, end: $0.end,
          segments: [], eventIDs: $0.eventIDs)
      }
      + projection.offensives.map {
        TimelineRow(
          kind: .offensive, id: $0.id, area: $0.area, start: $0.start, end: $0.end,
          segments: [], eventIDs: $0.eventIDs)
      }
    if let area { items = items.filter { areas.areRelated($0.area, area.id) } }
    if let only { items = items.filter { only.contains($0.id) } }
    return items
  }

  /// The first and last instants these items may reach (``reach(start:end:)``, over all of
  /// them): what a window not given is fitted to; `nil` when none names one.
  static func bounds(of items: [TimelineRow]) -> (first: Instant, last: Instant)? {
    var bounds: (first: Instant, last: Instant)? = nil
    for item in items {
      guard let reach = Timeline.reach(start: item.start, end: item.end) else { continue }
      bounds = (
        min(bounds?.first ?? reach.first, reach.first), max(bounds?.last ?? reach.last, reach.last)
      )
    }
    return bounds
  }

  /// The first and last instants an item's start and end may name (what a window not given is
  /// fitted to); `nil` when neither names one.
  static func reach(start: Boundary, end: Boundary) -> (first: Instant, last: Instant)? {
    var reach: (first: Instant, last: Instant)? = nil
    for range in [start.possibleRange, end.possibleRange] {
      for instant in [range?.earliest, range?.latest] {
        guard let instant else { continue }
        reach = (min(reach?.first ?? instant, instant), max(reach?.last ?? instant, instant))
      }
    }
    return reach
  }

  /// The first and last instants of the window a timeline fits to its items when `from` or
  /// `to` is not given, from the first and last instants its items may reach
  /// (``reach(start:end:)``, over every item drawn): a day before and after them. An end given
  /// before every item still ends the window: it then starts a day before that end.
  static func fitted(from: Instant?, to: Instant?, bounds: (first: Instant, last: Instant)?)
    -> (first: Instant, last: Instant)
  {
    let day: Int64 = 86_400
    let fittedFirst = (bounds?.first ?? to ?? Instant(secondsSinceEpoch: 0)).adding(seconds: -day)
    let first = from ?? to.map { min(fittedFirst, $0.adding(seconds: -day)) } ?? fittedFirst
    let last = max(
      to ?? (bounds?.last ?? first).adding(seconds: day),
      first.adding(seconds: Timeline.shortestWindow))
    return (first, last)
  }

  /// The stretches of one item: possibly in force from its earliest possible start to its
  /// latest, certainly from its latest possible start to its earliest possible end, possibly again
  /// to its latest possible end.
  static func segments(start: Boundary, end: Boundary, from: Instant, to: Instant)
    -> [TimelineSegment]
  {
    let window = Span(start: from, end: to)
    let startRange = start.possibleRange ?? UncertainInstant(earliest: nil, latest: nil)
    let endRange = end.possibleRange
    let possibleStart = startRange.earliest ?? from
    let certainStart = start.possibleRange == nil ? to : (start.latestExclusive ?? to)
    let certainEnd = endRange.map { $0.earliest ?? possibleStart } ?? to
    let possibleEnd = endRange == nil ? to : (end.latestExclusive ?? to)
    let isOpen = endRange == nil
    let startKind: TimelineSegment.Certainty = start.isDisputed ? .disputed : .uncertain
    let endKind: TimelineSegment.Certainty = end.isDisputed ? .disputed : .uncertain
    var pieces: [(Span, TimelineSegment.Certainty)] = []
    if certainStart < certainEnd {
      pieces.append((Span(start: possibleStart, end: certainStart), startKind))
      pieces.append((Span(start: certainStart, end: certainEnd), .certain))
      pieces.append((Span(start: certainEnd, end: possibleEnd), endKind))
    } else {
      let kind: TimelineSegment.Certainty =
        start.isDisputed || end.isDisputed ? .disputed : .uncertain
      pieces.append((Span(start: possibleStart, end: possibleEnd), kind))
    }
    return pieces.compactMap { span, certainty in
      guard let clipped = span.intersection(window) else { return nil }
      return TimelineSegment(
        start: clipped.start, end: clipped.end, certainty: certainty,
        isOpen: isOpen && span.end >= to)
    }
  }
}

extension Timeline {
  /// The record and a scenario row by row: each item's record row, then its scenario row.
  ///
  /// - Parameters:
  ///   - record: The base log's projection.
  ///   - scenario: The projection of the log with the scenarios applied.
  ///   - from: The window's first instant (default: the earlier of the two defaults).
  ///   - to: The window's end (default: the later of the two defaults).
  ///   - area: Only items in this area, inside it or around it.
  ///   - areas: The log's areas.
  public static func comparing(
    record: Projection, scenario: Projection, from: Instant? = nil, to: Instant? = nil,
    area: Area? = nil, areas: AreaRegistry
  ) -> Timeline {
    let recordDefault = Timeline(projection: record, from: from, to: to, area: area, areas: areas)
    let scenarioDefault = Timeline(
      projection: scenario, from: from, to: to, area: area, areas: areas)
    let first = from ?? min(recordDefault.from, scenarioDefault.from)
    let last = to ?? max(recordDefault.to, scenarioDefault.to)
    let recordRows = Timeline(projection: record, from: first, to: last, area: area, areas: areas)
      .rows
    var combined = Timeline(projection: scenario, from: first, to: last, area: area, areas: areas)
    let scenarioRows = combined.rows
    var ids: [String] = []
    var seen = Set<String>()
    for row in recordRows + scenarioRows where seen.insert(row.id).inserted { ids.append(row.id) }
    // The first row of each id on each side, as a search from the front finds it.
    let recordByID = Dictionary(recordRows.map { ($0.id, $0) }) { first, _ in first }
    let scenarioByID = Dictionary(scenarioRows.map { ($0.id, $0) }) { first, _ in first }
    combined.rows = ids.flatMap { id -> [TimelineRow] in
      var rows: [TimelineRow] = []
      if var row = recordByID[id] {
        row.variant = "record"
        rows.append(row)
      }
      if var row = scenarioByID[id] {
        row.variant = "scenario"
        rows.append(row)
      }
      return rows
    }
    // Events left out by the scenario are still needed to explain the record's rows.
    combined.projection.events.merge(record.events) { scenarioEvent, _ in scenarioEvent }
    return combined
  }
}
