/// The events a fold reads, in the form a log held them: decoded events (a list, or a log's
/// events with its errata applied where they lie: ``EffectiveEvents``), or records whose events
/// are read again from their lines when an answer shows them (``RecordedEvents``).
enum FoldedList: Sendable {
  case events(EffectiveEvents)
  case records(RecordedEvents)

  /// How many events the list holds.
  var count: Int {
    switch self {
    case .events(let events): events.count
    case .records(let records): records.count
    }
  }

  /// The event at `position`, whole.
  func event(at position: Int) -> Event {
    switch self {
    case .events(let events): events.event(at: position)
    case .records(let records): records.event(at: position)
    }
  }

  /// The id of the event at `position`.
  func id(at position: Int) -> String {
    switch self {
    case .events(let events): events.id(at: position)
    case .records(let records): records.records.id(at: position)
    }
  }

  /// The area of the event at `position`.
  func area(at position: Int) -> String {
    switch self {
    case .events(let events): events.area(at: position)
    case .records(let records): records.records.area(at: position)
    }
  }

  /// When the event at `position` was announced.
  func announced(at position: Int) -> Stamp {
    switch self {
    case .events(let events): events.announced(at: position)
    case .records(let records): records.records.announced(at: position)
    }
  }

  /// The payload of the event at `position`.
  func payload(at position: Int) -> EventPayload {
    switch self {
    case .events(let events): events.payload(at: position)
    case .records(let records): records.records.payload(at: position)
    }
  }

  /// The first line of a log that could not be read again to show its event, if any.
  var rereadFailure: LogError? {
    switch self {
    case .events: nil
    case .records(let records): records.rereadFailure
    }
  }
}
