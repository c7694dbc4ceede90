extension IndexedLogReader {
  /// A log of only the lines a walk of the calendar over a span of time rests on, and the items
  /// among them read whole, which walk that span as the whole log does
  /// (``CalendarReplay/entries(_:filter:areas:only:)`` with those items): what `replay
  /// --calendar` with `--from` or `--to` (without `--area` or `--as-of`) reads instead of the
  /// whole log.
  ///
  /// It holds the lines of every pause, corridor group and offensive an entry of which may fall
  /// within the span (the index keeps, for each, the first and last instants its start, end and
  /// phases may be at, ``CalendarReplay/extent(start:end:phases:)``), the corridor groups that
  /// share a line with a pause taken, and the lines appended since the index was built
  /// (``TailOverlay``) with every item they touch. An item is taken whole, so that it folds as
  /// in the whole log, or the whole log is read; the lines of an item taken may hold part of
  /// another, which the walk leaves out.
  ///
  /// - Parameters:
  ///   - from: The span's first instant (``EventFilter/from``), if any.
  ///   - to: The span's last instant (``EventFilter/to``), if any.
  /// - Returns: `nil` when neither bound is given, or when the index cannot vouch for the lines
  ///   or they would be too many (more than three in ten of the log's, and more than 50,000),
  ///   and the whole log must be read: an item whose lines alone were not found to fold as the
  ///   whole log does, appended lines the overlay does not take, or an index that does not
  ///   match the log.
  public func log(forCalendarFrom from: Instant?, to: Instant?) -> WindowLog? {
    vouched(
      log(
        forCalendarFrom: from, to: to,
        lineLimit: lineLimit(share: IndexedLogReader.windowLineShare)))
  }

  /// ``log(forCalendarFrom:to:)`` reading at most `lineLimit` lines.
  func log(forCalendarFrom from: Instant?, to: Instant?, lineLimit: Int) -> WindowLog? {
    guard from != nil || to != nil else { return nil }
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    return
      (try? calendarLog(
        first: from?.secondsSinceEpoch ?? Int64.min, last: to?.secondsSinceEpoch ?? Int64.max,
        overlay: overlay, limit: lineLimit)) ?? nil
  }

  private func calendarLog(first: Int64, last: Int64, overlay: TailOverlay, limit: Int)
    throws(IndexMismatch) -> WindowLog?
  {
    let takenLimit = IndexedLogReader.takenLimit(limit)
    var selection = IndexSelection(index: index, overlay: overlay)
    guard try selection.includeTouched(by: overlay) else { return nil }
    for position in 0..<index.count where !selection.included.contains(position) {
      let item = index.summary(position)
      guard let kind = item.kind else { throw IndexMismatch(reason: "the index is damaged") }
      guard kind == .pause || kind == .corridors || kind == .offensive,
        item.calendarFirst <= last, item.calendarLast >= first
      else { continue }
      guard try selection.include(position), selection.lines.count <= takenLimit else {
        return nil
      }
    }
    guard try selection.includeCorridorGroups() else { return nil }
    let lines = LogSubset.inLogOrder(selection.lines)
    guard lines.count <= limit else { return nil }
    let log = try LogSubset.log(file: file, header: header, lines: lines, reader: reader)
    return WindowLog(log: log, items: selection.names)
  }
}
