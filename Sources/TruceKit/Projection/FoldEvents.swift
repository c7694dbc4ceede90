/// What a fold reads of the events it folds, each by its position in the list: the narrow
/// interface through which a projection's fold, its drafts, the rules of disputes and the
/// replay's items see events.
///
/// Nothing here hands out a whole ``Event``: a fold needs about a third of an event's fields
/// (not when it was reported or recorded, nor by whom, nor its sequence number or line), so a
/// list that holds events in another form (records with names as numbers: ``CompactEvents``)
/// can be folded without building them. A list of ``Event``s conforms by reading each field in
/// place.
///
/// Positions run from 0 to `count - 1`; reading outside them is a programming error.
protocol FoldEvents: Sendable {
  /// How many events the list holds.
  var count: Int { get }
  /// The id of the event at `position`.
  func id(at position: Int) -> String
  /// The type of the event at `position`.
  func type(at position: Int) -> EventType
  /// The area of the event at `position`.
  func area(at position: Int) -> String
  /// When the event at `position` was announced, as written and as a range.
  func announced(at position: Int) -> Stamp
  /// The type-specific body of the event at `position`.
  func payload(at position: Int) -> EventPayload
  /// What the event at `position` changes, when it is a change (``ItemChange/isChange(_:)``);
  /// `nil` otherwise. The same as ``ItemChange/init(_:)`` of its payload, which is how a list
  /// gives it unless it can without building the payload.
  func itemChange(at position: Int) -> ItemChange?
  /// The short label of the source of the event at `position` (``Source/citation``).
  func citation(at position: Int) -> String
  /// What the event at `position` says in words: its source's quote, else its note (a
  /// condition's text, a disputed claim's words).
  func words(at position: Int) -> String?
  /// What the event at `position` is about (``Event/subject``).
  func subject(at position: Int) -> String?
  /// The ids of the events the event at `position` disputes.
  func disputes(at position: Int) -> [String]
  /// The ids of the events that report the same announcement as the event at `position`.
  func sameAnnouncementAs(at position: Int) -> [String]
  /// The lanes of a fold that take the event at `position` (``FoldLane/bits(of:)``).
  func lanes(at position: Int) -> UInt8
}

extension FoldEvents {
  /// When the event at `position` was announced, as a range.
  func announcedRange(at position: Int) -> UncertainInstant {
    announced(at: position).range
  }

  func lanes(at position: Int) -> UInt8 {
    FoldLane.bits(of: payload(at: position))
  }

  func itemChange(at position: Int) -> ItemChange? {
    ItemChange(payload(at: position))
  }
}

/// A list of events is folded field by field, each read in place: reading a field of an array's
/// element copies the element's body first (every string and box retained, then released).
extension Array: FoldEvents where Element == Event {
  func id(at position: Int) -> String {
    withUnsafeBufferPointer { $0[position].id }
  }

  func type(at position: Int) -> EventType {
    withUnsafeBufferPointer { $0[position].type }
  }

  func area(at position: Int) -> String {
    withUnsafeBufferPointer { $0[position].area }
  }

  func announced(at position: Int) -> Stamp {
    withUnsafeBufferPointer { $0[position].announced }
  }

  func payload(at position: Int) -> EventPayload {
    withUnsafeBufferPointer { $0[position].payload }
  }

  func citation(at position: Int) -> String {
    withUnsafeBufferPointer { $0[position].source.citation }
  }

  func words(at position: Int) -> String? {
    withUnsafeBufferPointer { $0[position].source.quote ?? $0[position].note }
  }

  func subject(at position: Int) -> String? {
    withUnsafeBufferPointer { $0[position].subject }
  }

  func disputes(at position: Int) -> [String] {
    withUnsafeBufferPointer { $0[position].disputes }
  }

  func sameAnnouncementAs(at position: Int) -> [String] {
    withUnsafeBufferPointer { $0[position].sameAnnouncementAs }
  }
}
