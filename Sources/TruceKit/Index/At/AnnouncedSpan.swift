/// When the events of an item's lines may have been announced, in seconds since the epoch. An
/// index keeps it for every item so that a question with an as-of moment tells, without reading
/// the item, whether its lines fold as they do with everything known, not at all, or otherwise.
///
/// `Int64.min` and `Int64.max` stand for announcements unbounded in the past or the future, as
/// in ``UncertainInstant``.
struct AnnouncedSpan: Equatable, Sendable {
  /// The earliest any of the events may have been announced (`Int64.max` for no events).
  var earliest = Int64.max
  /// The latest any of them may have been announced (`Int64.min` for no events).
  var latest = Int64.min
  /// From when every one of them may have been announced: the latest of their earliest
  /// announcements (`Int64.min` for no events).
  var allPossibly = Int64.min
  /// The latest any retraction among them may have been announced (`Int64.min` for none).
  var retractionsLatest = Int64.min

  /// How far the events had been announced by an as-of moment, all of them together, and
  /// what that makes of their fold (``ProjectionFold``, which weighs each event by
  /// ``TruceKit/Knowledge/status(of:)``).
  enum Knowledge: Equatable {
    /// Every one was certainly announced by then: they fold as with everything known.
    case known
    /// Every one may have been, and every retraction among them certainly was: they fold as
    /// with everything known but for the marks on what rests on the possibly known (a
    /// retraction only possibly announced would not retract).
    case possibly
    /// None had possibly been: they fold into nothing.
    case unknown
    /// Some certainly had not been, or a retraction only possibly: only the fold can tell.
    case partly
  }

  init() {}

  init(earliest: Int64, latest: Int64, allPossibly: Int64, retractionsLatest: Int64) {
    self.earliest = earliest
    self.latest = latest
    self.allPossibly = allPossibly
    self.retractionsLatest = retractionsLatest
  }

  /// Takes in one more event's announcement; `retraction` says whether the event is one.
  mutating func take(_ announced: UncertainInstant, retraction: Bool) {
    let lower = announced.earliest?.secondsSinceEpoch ?? Int64.min
    let upper = announced.latest?.secondsSinceEpoch ?? Int64.max
    earliest = min(earliest, lower)
    latest = max(latest, upper)
    allPossibly = max(allPossibly, lower)
    if retraction { retractionsLatest = max(retractionsLatest, upper) }
  }

  /// What is known of the events by `asOf` (seconds since the epoch), by the same tests
  /// ``TruceKit/Knowledge/status(of:)`` makes of each event.
  func knowledge(asOf: Int64) -> Knowledge {
    // Certainly announced by then: a latest announcement, at or before it.
    if latest != Int64.max && latest <= asOf { return .known }
    // Certainly not: an earliest announcement, after it.
    if earliest != Int64.min && earliest > asOf { return .unknown }
    // Possibly: every earliest announcement (if bounded) at or before it, every retraction's
    // latest too.
    if allPossibly <= asOf && retractionsLatest != Int64.max && retractionsLatest <= asOf {
      return .possibly
    }
    return .partly
  }

  /// The span's size in an index record.
  static let storedSize = 32

  init(loadingFrom pointer: UnsafeRawPointer) {
    func word(_ offset: Int) -> Int64 {
      Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
    earliest = word(0)
    latest = word(8)
    allPossibly = word(16)
    retractionsLatest = word(24)
  }

  func store(to pointer: UnsafeMutableRawPointer) {
    for (offset, value) in [(0, earliest), (8, latest), (16, allPossibly), (24, retractionsLatest)]
    {
      pointer.storeBytes(of: value.littleEndian, toByteOffset: offset, as: Int64.self)
    }
  }
}
