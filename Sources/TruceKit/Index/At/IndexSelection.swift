/// The items a question through the index takes, and the lines they rest on: what
/// ``IndexedLogReader`` reads for an area (``IndexedLogReader/log(forArea:events:)``) or a span
/// of time (``IndexedLogReader/log(forTimelineFrom:to:area:)``).
struct IndexSelection {
  let index: AtIndex
  var lines: [LogSubset.Line]
  /// The ids of the pauses, corridor groups, offensives and unlisted names taken: the names
  /// events are about. (A proposal's item bears its event's id, which may be a pause's too: it
  /// is not among them.)
  var names = Set<String>()
  /// Their positions in the index.
  var included = Set<Int>()
  /// Where the lines of the pauses taken start.
  private var pauseLines = Set<Int>()
  /// How many pauses' lines the corridor groups were last checked against.
  private var pausesChecked = 0
  private var pauses = 0

  init(index: AtIndex, lines: [LogSubset.Line]) {
    self.index = index
    self.lines = lines
  }

  /// Starts from the lines appended since the index was built and the names they bring. (The
  /// tail's proposals are known by their events' ids, which are no names events are about.)
  init(index: AtIndex, overlay: TailOverlay) {
    self.init(index: index, lines: overlay.lines)
    names.formUnion(overlay.newItems)
  }

  /// Takes the items the appended lines touch; `false` when one does not fold alone.
  mutating func includeTouched(by overlay: TailOverlay) throws(IndexMismatch) -> Bool {
    for position in overlay.touched.sorted() {
      guard try include(position) else { return false }
    }
    return true
  }

  /// Takes an item's lines; `false` when they alone do not fold as the whole log does.
  mutating func include(_ position: Int) throws(IndexMismatch) -> Bool {
    guard let item = index.item(position), let name = index.name(of: item) else {
      throw IndexMismatch(reason: "the index is damaged")
    }
    guard item.answersAlone else { return false }
    let first = lines.count
    guard index.appendLines(of: item, to: &lines) else {
      throw IndexMismatch(reason: "the index is damaged")
    }
    if item.kind == .pause {
      pauseLines.formUnion(lines[first...].map(\.offset))
      pauses += 1
    }
    if item.kind != .proposal { names.insert(name) }
    included.insert(position)
    return true
  }

  /// Takes the events `takes` picks by their records, among those no erratum strikes, with the
  /// events the corrections among them correct, and every erratum and retraction of an event
  /// taken: the whole log replays an event as amended and withdrawn, wherever the correction was
  /// recorded, and without those struck.
  ///
  /// - Parameter takes: Whether to take an event, by its position among the index's events and
  ///   its record; it may throw when the record is damaged.
  /// - Returns: The positions of the events taken, among the index's events.
  @discardableResult
  mutating func includeEvents(
    where takes: (Int, AtIndexLayout.EventRecord) throws(IndexMismatch) -> Bool
  ) throws(IndexMismatch) -> Set<Int> {
    try includeEventsPicked(by: takes)
  }

  /// Takes the events at these positions among the index's events as
  /// ``includeEvents(where:)`` takes those it picks.
  ///
  /// - Returns: The positions of the events taken, with their corrections and the events those
  ///   correct.
  @discardableResult
  mutating func includeEvents(at positions: Set<Int>) throws(IndexMismatch) -> Set<Int> {
    try includeEventsPicked(by: { position, _ in positions.contains(position) })
  }

  private mutating func includeEventsPicked(
    by takes: (Int, AtIndexLayout.EventRecord) throws(IndexMismatch) -> Bool
  ) throws(IndexMismatch) -> Set<Int> {
    let types = EventType.allCases
    let erratum = types.firstIndex(of: .erratum).map(UInt8.init)
    let retraction = types.firstIndex(of: .retraction).map(UInt8.init)
    var taken = Set<Int>()
    var corrected: [Int] = []
    // Every correction, in log order: one of a correction taken is taken too.
    var corrections: [(position: Int, target: Int)] = []
    for position in 0..<Int(index.header.eventCount) {
      let record = index.event(position)
      // A correction comes after the event it corrects.
      guard Int(record.target) <= position else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      let correction = record.type == erratum || record.type == retraction
      if correction, record.target > 0 {
        corrections.append((position, Int(record.target) - 1))
      }
      guard try takes(position, record), !record.corrections.contains(.voided) else { continue }
      taken.insert(position)
      if correction, record.target > 0 { corrected.append(Int(record.target) - 1) }
    }
    taken.formUnion(corrected)
    for (position, target) in corrections where taken.contains(target) {
      taken.insert(position)
    }
    for position in taken {
      lines.append(
        LogSubset.Line(offset: Int(index.event(position).offset), number: position + 2))
    }
    return taken
  }

  /// Takes, whole, every item not yet taken that `takes` accepts (by its position in the
  /// index) among whose lines is one of these events (positions among the index's events): what
  /// those events change. `false` when one does not fold alone, or the lines taken come to more
  /// than `limit`.
  mutating func includeItems(
    holding events: Set<Int>, limit: Int, where takes: (Int) -> Bool = { _ in true }
  ) throws(IndexMismatch) -> Bool {
    let offsets = Set(events.map { Int(index.event($0).offset) })
    for position in try index.items(holdingLinesAt: offsets).sorted()
    where !included.contains(position) && takes(position) {
      guard try include(position), lines.count <= limit else { return false }
    }
    return true
  }

  /// Takes the corridor groups not yet taken that share a line with a pause taken: a group
  /// holds its pause's lines, and changes with it. `false` when one does not fold alone.
  mutating func includeCorridorGroups() throws(IndexMismatch) -> Bool {
    guard pauses > pausesChecked else { return true }
    pausesChecked = pauses
    for position in 0..<index.count where !included.contains(position) {
      guard index.summary(position).kind == .corridors, let item = index.item(position) else {
        continue
      }
      var itemLines: [LogSubset.Line] = []
      guard index.appendLines(of: item, to: &itemLines) else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      if itemLines.contains(where: { pauseLines.contains($0.offset) }) {
        guard try include(position) else { return false }
      }
    }
    return true
  }
}
