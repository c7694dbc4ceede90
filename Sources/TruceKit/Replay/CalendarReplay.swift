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
  /// The instant it is placed at: its earliest possible time (its latest when only that is known).
  public var placedAt: Instant
  /// The events behind the entry, with when each was announced.
  public var events: [Event]
}

/// Builds the calendar of a projection.
public enum CalendarReplay {
  /// Every boundary of every item, in time order; boundaries not reported (an open end) are left
  /// out.
  public static func entries(_ projection: Projection, filter: EventFilter, areas: AreaRegistry)
    -> [CalendarEntry]
  {
    var entries: [CalendarEntry] = []
    func add(
      _ subject: String, _ kind: ItemKind, _ area: String, _ change: CalendarEntry.Change,
      _ boundary: Boundary
    ) {
      guard let range = boundary.possibleRange, let placed = range.earliest ?? range.latest else {
        return
      }
      if let wanted = filter.area, !areas.areRelated(wanted.id, area) { return }
      if let from = filter.from, let latest = range.latest, latest < from { return }
      if let to = filter.to, let earliest = range.earliest, earliest > to { return }
      let events = boundary.reports.compactMap { projection.events[$0.eventID] }
      entries.append(
        CalendarEntry(
          subject: subject, kind: kind, change: change, boundary: boundary, placedAt: placed,
          events: events))
    }
    for pause in projection.pauses {
      add(pause.id, .pause, pause.area, .begins, pause.start)
      add(pause.id, .pause, pause.area, .ends, pause.end)
    }
    for corridor in projection.corridors {
      add(corridor.id, .corridors, corridor.area, .begins, corridor.start)
      add(corridor.id, .corridors, corridor.area, .ends, corridor.end)
    }
    for offensive in projection.offensives {
      add(offensive.id, .offensive, offensive.area, .begins, offensive.start)
      for phase in offensive.phases {
        add(
          offensive.id, .offensive, offensive.area,
          phase.change == .scaledBack ? .scaledBack : .intensified,
          Boundary(reports: [phase.at]))
      }
      add(offensive.id, .offensive, offensive.area, .ends, offensive.end)
    }
    return entries.enumerated().sorted { lhs, rhs in
      (lhs.element.placedAt, lhs.offset) < (rhs.element.placedAt, rhs.offset)
    }.map(\.element)
  }
}
