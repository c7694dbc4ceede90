/// One step of a replay: an announcement and what it changed in the projected state.
public struct ReplayStep: Sendable {
  /// The position of the step among those shown, from 1.
  public var number: Int
  /// The number of steps shown.
  public var total: Int
  /// The event announced.
  public var event: Event
  /// Where the event sits on the announcement axis, and why.
  public var placement: AnnouncementOrder.Placement
  /// What it changed, in words; "no change in force" is an empty list.
  public var changes: [Change]
  /// The state after the step.
  public var state: Projection
}

/// One change a step made to the projected state.
public struct Change: Hashable, Sendable {
  /// The pause, corridor group or offensive changed, if any.
  public var subject: String?
  /// What kind of change.
  public var kind: Kind
  /// The change in words: "pause P extended: end 2 Nov 19:00 → 4 Nov 19:00 (UTC+2)".
  public var text: String

  /// Kinds of change.
  public enum Kind: String, Hashable, Sendable {
    /// Something new came onto the record.
    case added
    /// A start, end, count or phase changed.
    case changed
    /// A report now disputes another.
    case disputed
    /// Something left the record (a retraction).
    case removed
  }
}
