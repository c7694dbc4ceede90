/// The timeline walked in the order things came into and went out of force: a pause begins, a
/// corridor closes, an offensive is scaled back. Each entry says since when it had been
/// announced.
public struct CalendarEntry: Sendable {
  /// What happened.
  public enum Change: String, Sendable {
    /// Came into force.
    case begins
    /// Went out of force.
    case ends
    /// An offensive scaled back.
    case scaledBack = "scaled-back"
    /// An offensive intensified.
    case intensified
  }

  /// The pause, corridor group or offensive.
  public var subject: String
  /// What it is.
  public var kind: ItemKind
  /// What happened to it.
  public var change: Change
  /// When, as every report gives it.
  public var boundary: Boundary
  /// The instant it is placed at: its earliest possible time (its latest when only that is known),
  /// and never before its item began.
  public var placedAt: Instant
  /// The events behind the entry, with when each was announced.
  public var events: [Event]
}

/// Builds the calendar of a projection.
public enum CalendarReplay {
  /// Every boundary of every item, in time order; boundaries not reported (an open end) are left
  /// out.
  ///
  /// - Parameter only: The ids of the only items to walk, if not all (a log read through the
  ///   index may hold part of an item it did not read whole).
  public static func entries(
    _ projection: Projection, filter: EventFilter, areas: AreaRegistry, only: Set<String>? = nil
  ) -> [CalendarEntry] {
    var entries: [(entry: CalendarEntry, rank: Int)] = []
    /// Adds an entry; `notBefore` keeps an end or a phase from being placed before its item began.
    func add(
      _ subject: String, _ kind: ItemKind, _ area: String, _ change: CalendarEntry.Change,
      _ boundary: Boundary, notBefore start: Instant?
    ) {
      if let only, !only.contains(subject) { return }
      guard let range = boundary.possibleRange, var placed = range.earliest ?? range.latest else {
        return
      }
      if let start { placed = max(placed, start) }
      if let wanted = filter.area, !areas.areRelated(wanted.id, area) { return }
      if let from = filter.from, let latest = range.latest, latest < from { return }
      if let to = filter.to, let earliest = range.earliest, earliest > to { return }
      let events = boundary.reports.compactMap { projection.event($0.eventID) }
      let rank = change == .begins ? 0 : change == .ends ? 2 : 1
      entries.append(
        (
          CalendarEntry(
            subject: subject, kind: kind, change: change, boundary: boundary, placedAt: placed,
            events: events), rank
        ))
    }
    func placed(_ boundary: Boundary) -> Instant? {
      boundary.possibleRange.flatMap { $0.earliest ?? $0.latest }
    }
    for pause in projection.pauses {
      add(pause.id, .pause, pause.area, .begins, pause.start, notBefore: nil)
      add(pause.id, .pause, pause.area, .ends, pause.end, notBefore: placed(pause.start))
    }
    for corridor in projection.corridors {
      add(corridor.id, .corridors, corridor.area, .begins, corridor.start, notBefore: nil)
      add(
        corridor.id, .corridors, corridor.area, .ends, corridor.end,
        notBefore: placed(corridor.start))
    }
    for offensive in projection.offensives {
      let start = placed(offensive.start)
      add(offensive.id, .offensive, offensive.area, .begins, offensive.start, notBefore: nil)
      for phase in offensive.phases {
        add(
          offensive.id, .offensive, offensive.area,
          phase.change == .scaledBack ? .scaledBack : .intensified,
          Boundary(reports: [phase.at]), notBefore: start)
      }
      add(offensive.id, .offensive, offensive.area, .ends, offensive.end, notBefore: start)
    }
    // In time order; at the same instant an item begins before it changes, and changes before it
    // ends; otherwise the order above (pauses, corridors, offensives) is kept.
    return entries.enumerated().sorted { lhs, rhs in
      (lhs.element.entry.placedAt, lhs.element.rank, lhs.offset)
        < (rhs.element.entry.placedAt, rhs.element.rank, rhs.offset)
    }.map(\.element.entry)
  }
}

extension CalendarReplay {
  /// The first and last instants (in seconds since the epoch) the calendar's entries of an item
  /// with these boundaries may be at, whatever the span asked for: an entry is listed for a span
  /// only if its boundary may fall within it, so a span outside these instants lists none of
  /// the item. `Int64.min` (or `Int64.max`) when a boundary listed is unbounded in the past (or
  /// future); `nil` when the item has no boundary the calendar lists.
  ///
  /// - Parameters:
  ///   - start: When it began.
  ///   - end: When it ended.
  ///   - phases: When an offensive was scaled back or intensified.
  static func extent(start: Boundary, end: Boundary, phases: [OffensivePhase] = [])
    -> (first: Int64, last: Int64)?
  {
    var extent: (first: Int64, last: Int64)? = nil
    let boundaries = [start, end] + phases.map { Boundary(reports: [$0.at]) }
    for boundary in boundaries {
      // The entries `entries(_:filter:areas:only:)` lists: those with an instant to place.
      guard let range = boundary.possibleRange, range.earliest ?? range.latest != nil else {
        continue
      }
      let first = range.earliest?.secondsSinceEpoch ?? Int64.min
      let last = range.latest?.secondsSinceEpoch ?? Int64.max
      extent = (min(extent?.first ?? first, first), max(extent?.last ?? last, last))
    }
    return extent
  }
}
