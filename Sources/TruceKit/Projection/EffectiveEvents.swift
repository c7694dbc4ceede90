/// Decoded events as a fold reads them: a list as given, or a log's events with its errata
/// applied where they lie (what ``EventLog/effectiveEvents`` gives, without the copy).
///
/// A copy of a log's events with its errata applied holds every event again (240 bytes each,
/// a quarter of a gigabyte at a million events, each string and box retained once more). Held
/// in place, the list keeps beside the log's events where each effective event is (8 bytes an
/// event) and the amended events.
struct EffectiveEvents: FoldEvents {
  /// The events as given; for a log's events, its errata and the events they void too.
  private let events: [Event]
  /// Whether ``places`` says where the effective events are (otherwise they are ``events``).
  private let placed: Bool
  /// Where each effective event is: at `n` in ``events`` for `n >= 0`, else the amended event
  /// at `-1 - n` in ``amended``.
  private let places: [Int]
  /// The amended events.
  private let amended: [Event]

  /// The events of a list as given.
  init(_ events: [Event]) {
    self.init(events: events, placed: false, places: [], amended: [])
  }

  private init(events: [Event], placed: Bool, places: [Int], amended: [Event]) {
    self.events = events
    self.placed = placed
    self.places = places
    self.amended = amended
  }

  /// A log's `events` with its errata applied: the events at the positions `corrected` names
  /// (ascending) amended (their amended forms in `amendments`), or voided when they come with no
  /// amended event.
  init(
    _ events: [Event], corrected: [EventLog.Correction], amendments: [String: Event]
  ) {
    guard !corrected.isEmpty else {
      self.init(events)
      return
    }
    var places: [Int] = []
    places.reserveCapacity(events.count)
    var amended: [Event] = []
    var next = 0
    for position in events.indices {
      guard next < corrected.count, corrected[next].position == position else {
        places.append(position)
        continue
      }
      if let amendment = corrected[next].amendment {
        places.append(-1 - amended.count)
        amended.append(amendments.values[amendment])
      }
      next += 1
    }
    self.init(events: events, placed: true, places: places, amended: amended)
  }

  /// How many effective events there are.
  var count: Int { placed ? places.count : events.count }

  /// Calls `body` with the effective event at `position`, read in place (a field read from a
  /// copy retains every string and box of the event first).
  func withEvent<Result>(at position: Int, _ body: (borrowing Event) -> Result) -> Result {
    guard placed else { return events.withUnsafeBufferPointer { body($0[position]) } }
    let place = places[position]
    if place >= 0 { return events.withUnsafeBufferPointer { body($0[place]) } }
    return amended.withUnsafeBufferPointer { body($0[-1 - place]) }
  }

  /// The effective event at `position`, whole.
  func event(at position: Int) -> Event {
    withEvent(at: position) { copy $0 }
  }

  func id(at position: Int) -> String { withEvent(at: position) { $0.id } }

  func type(at position: Int) -> EventType { withEvent(at: position) { $0.type } }

  func area(at position: Int) -> String { withEvent(at: position) { $0.area } }

  func announced(at position: Int) -> Stamp { withEvent(at: position) { $0.announced } }

  func payload(at position: Int) -> EventPayload { withEvent(at: position) { $0.payload } }

  func citation(at position: Int) -> String {
    // The source alone taken out (one reference): asked of the event in place, the citation
    // (not inlined) was read from a copy of the whole event.
    let source = withEvent(at: position) { $0.source }
    return source.citation
  }

  func words(at position: Int) -> String? {
    withEvent(at: position) { $0.source.quote ?? $0.note }
  }

  func subject(at position: Int) -> String? { withEvent(at: position) { $0.subject } }

  func disputes(at position: Int) -> [String] { withEvent(at: position) { $0.disputes } }

  func sameAnnouncementAs(at position: Int) -> [String] {
    withEvent(at: position) { $0.sameAnnouncementAs }
  }
}
