extension AtQuery {
  /// The answer drawn from the index beside the log, reading only the lines of the items it
  /// lists; `nil` when the index cannot give exactly the answer reading the whole log gives.
  ///
  /// Items whose time in force cannot reach the moment are sorted out from the index alone: they
  /// are counted as not yet or no longer in force, and only the nearest of them are read. Every
  /// other item of the area is read and classified as ``answer(from:)`` classifies it, from a
  /// log of just the lines it rests on. Lines appended since the index was built are folded
  /// beside those, and the items they touch are read whatever the index says of them
  /// (``TailOverlay``).
  ///
  /// With an as-of moment, the items whose lines were only partly announced by then are read
  /// too, and those none of whose lines had been are left out (see ``AtIndexSelection``); the
  /// lines read are folded with the same knowledge as the whole log.
  ///
  /// - Returns: `nil` for a question asking for every item, or one that needs an item whose
  ///   lines alone do not fold as the whole log does.
  func answer(
    from index: AtIndex, file: String, header: LogHeader, reader: LogLineReader,
    tail: TailOverlay = TailOverlay()
  ) throws(IndexMismatch) -> AtAnswer? {
    guard let limit = contextLimit else { return nil }
    let first: Instant
    let last: Instant
    switch moment {
    case .instant(let instant, _): (first, last) = (instant, instant)
    case .day(_, let start, let nextStart): (first, last) = (start, nextStart.adding(seconds: -1))
    }
    // The bounds are those ``Presence`` and ``DayPresence`` test: an item whose earliest start
    // is after the moment's last second is not yet in force; one whose latest end is before its
    // first second (and that may have started by then) is no longer. Anything at the bounds
    // themselves is read and classified by the fold.
    let related = header.areas.areas.map { candidate in
      area.map { header.areas.relation(of: candidate.id, to: $0.id) != nil } ?? true
    }
    let selection = try AtIndexSelection(
      from: index,
      bounds: AtIndexSelection.Bounds(
        lower: first.secondsSinceEpoch, upper: last.secondsSinceEpoch,
        cutoff: moment.asOfInstant.secondsSinceEpoch,
        asOf: asOf?.asOfInstant.secondsSinceEpoch),
      related: related, touched: tail.touched, limit: limit)
    var lines = tail.lines
    var kept = Kept(items: tail.newItems, proposals: tail.proposals)
    // Names the whole log does not list, read because they may be listed as of the as-of
    // moment (a corridor whose opening is retracted only later).
    var unlisted: Set<String> = []
    for position in selection.positions {
      guard let item = index.item(position), item.answersAlone else { return nil }
      guard let id = index.name(of: item), index.appendLines(of: item, to: &lines) else {
        throw IndexMismatch(reason: "the index is damaged")
      }
      if item.kind == .proposal { kept.proposals.insert(id) } else { kept.items.insert(id) }
      if item.kind == .unlisted { unlisted.insert(id) }
    }
    var log = try LogSubset.log(
      file: file, header: header, lines: LogSubset.inLogOrder(lines), reader: reader)
    if asOf != nil { Self.keepRetractedProposals(of: log, unlisted: unlisted, kept: &kept) }
    var answer = self.answer(consuming: &log, keeping: kept)
    for (section, nearest) in [
      (ItemStatus.Section.notYet, selection.notYet), (.noLonger, selection.noLonger),
    ]
    where nearest.offered > nearest.kept.count {
      answer.omitted[section, default: 0] += nearest.offered - nearest.kept.count
    }
    answer.omittedProposals += selection.proposals.offered - selection.proposals.kept.count
    return answer
  }

  /// Keeps, for an answer with an as-of moment, the proposals the whole log does not list
  /// because a retraction among the lines read withdraws them, under the proposal ids read (a
  /// name the whole log does not list, or the id of a proposal read): before the retraction
  /// was announced they are listed. (A proposal the whole log lists is an item of its own, read
  /// or counted as such.)
  private static func keepRetractedProposals(
    of log: EventLog, unlisted: Set<String>, kept: inout Kept
  ) {
    var retracted: Set<String> = []
    var proposalIDs = unlisted
    for event in log.events {
      if case .retraction(let target) = event.payload { retracted.insert(target) }
      if kept.proposals.contains(event.id) {
        for version in [event, log.amendments[event.id]].compactMap({ $0 }) {
          if let subject = version.subject { proposalIDs.insert(subject) }
        }
      }
    }
    guard !retracted.isEmpty, !proposalIDs.isEmpty else { return }
    for event in log.events where event.type == .proposal && retracted.contains(event.id) {
      // As the line says it, or as an erratum makes it.
      let subjects = [event.subject, log.amendments[event.id]?.subject].compactMap { $0 }
      if subjects.contains(where: proposalIDs.contains) { kept.proposals.insert(event.id) }
    }
  }
}
