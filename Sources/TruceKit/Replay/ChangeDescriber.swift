/// Compares the projected state before and after an announcement and says what changed, in
/// words a reader understands.
struct ChangeDescriber {
  let time: TimeFormatter

  /// Everything that changed between two projections, in this order: pauses, corridor groups
  /// and offensives as the later projection lists them, new disputes, then what was withdrawn.
  ///
  /// A replay computes the same list from only the items an announcement touched (see
  /// ``ReplayFold``): items that did not change add nothing to it.
  func changes(from before: Projection, to after: Projection) -> [Change] {
    var changes: [Change] = []
    for pause in after.pauses { changes += self.changes(of: pause, from: before.pause(pause.id)) }
    for corridor in after.corridors {
      changes += self.changes(of: corridor, from: before.corridor(corridor.id))
    }
    for offensive in after.offensives {
      changes += self.changes(of: offensive, from: before.offensive(offensive.id))
    }
    for dispute in after.disputes where !before.disputes.contains(dispute) {
      let known = before.disputes.contains {
        $0.subject == dispute.subject && $0.aspect == dispute.aspect
      }
      if let change = newDispute(dispute, aspectKnownBefore: known) { changes.append(change) }
    }
    for pause in before.pauses where after.pause(pause.id) == nil {
      changes.append(withdrawn("pause", pause.id))
    }
    for corridor in before.corridors
    where !after.corridors.contains(where: { $0.id == corridor.id }) {
      changes.append(withdrawn("corridors", corridor.id))
    }
    for offensive in before.offensives
    where !after.offensives.contains(where: { $0.id == offensive.id }) {
      changes.append(withdrawn("offensive", offensive.id))
    }
    for dispute in before.disputes where !after.disputes.contains(dispute) {
      let remains = after.disputes.contains {
        $0.subject == dispute.subject && $0.aspect == dispute.aspect
      }
      if !remains { changes.append(settledDispute(dispute)) }
    }
    return changes
  }

  /// What changed in a pause; `old` is `nil` when the pause is new.
  func changes(of pause: PauseTrack, from old: PauseTrack?) -> [Change] {
    guard let old else {
      let kinds = pause.kinds.map(\.value.rawValue).joined(separator: ", ")
      let how =
        kinds.isEmpty ? "first reported, before any declaration of it" : "declared (\(kinds))"
      return [
        Change(
          subject: pause.id, kind: .added,
          text: "pause \(pause.id) \(how): \(span(pause.start, pause.end))")
      ]
    }
    var changes: [Change] = []
    let newEndings = pause.endings.filter { !old.endings.contains($0) }
    if newEndings.isEmpty || pause.end.isDisputed {
      changes += boundaryChanges(
        "pause \(pause.id)", pause.id, old.start, pause.start, old.end, pause.end)
    } else {
      changes += boundaryChanges(
        "pause \(pause.id)", pause.id, old.start, pause.start, old.end, old.end)
      let how = newEndings.map(\.rawValue).joined(separator: ", ")
      changes.append(
        Change(
          subject: pause.id, kind: .changed,
          text: "pause \(pause.id) ended (\(how)): \(describe(pause.end))"))
    }
    for condition in pause.conditions
    where !old.conditions.contains(where: { $0.value == condition.value }) {
      changes.append(
        Change(
          subject: pause.id, kind: .changed,
          text: "pause \(pause.id): condition \"\(condition.value)\""))
    }
    if pause.suspensions.count != old.suspensions.count
      || pause.suspensions.last?.to.reports.count != old.suspensions.last?.to.reports.count
    {
      let text =
        pause.suspensions.last.map { suspension in
          suspension.to.reports.isEmpty
            ? "pause \(pause.id) suspended from \(describe(suspension.from))"
            : "pause \(pause.id) resumed at \(describe(suspension.to))"
        } ?? "pause \(pause.id) suspensions changed"
      changes.append(Change(subject: pause.id, kind: .changed, text: text))
    }
    return changes
  }

  /// What changed in a corridor group; `old` is `nil` when the group is new.
  func changes(of corridor: CorridorTrack, from old: CorridorTrack?) -> [Change] {
    guard let old else {
      let count = corridor.counts.map { "\($0.value)" }.joined(separator: " or ")
      let users = corridor.users.map(\.phrase).joined(separator: ", ")
      let number = count.isEmpty ? "corridors" : "\(count) corridor\(count == "1" ? "" : "s")"
      return [
        Change(
          subject: corridor.id, kind: .added,
          text: "\(number) opened for \(users) (\(corridor.id), pause \(corridor.pause)): "
            + span(corridor.start, corridor.end))
      ]
    }
    var changes: [Change] = []
    if corridor.counts.map(\.value) != old.counts.map(\.value) && corridor.counts.count > 1 {
      let versions = corridor.counts.map {
        "\($0.value) (\($0.citations.joined(separator: ", ")))"
      }
      changes.append(
        Change(
          subject: corridor.id, kind: .disputed,
          text: "corridors \(corridor.id): reports disagree on how many: "
            + versions.joined(separator: " | ")))
    }
    changes += boundaryChanges(
      "corridors \(corridor.id)", corridor.id, old.start, corridor.start, old.end, corridor.end)
    return changes
  }

  /// What changed in an offensive; `old` is `nil` when the offensive is new.
  func changes(of offensive: OffensiveTrack, from old: OffensiveTrack?) -> [Change] {
    guard let old else {
      return [
        Change(
          subject: offensive.id, kind: .added,
          text: "offensive \(offensive.id) launched: from \(describe(offensive.start))")
      ]
    }
    var changes: [Change] = []
    if old.end.reports.isEmpty && !offensive.end.reports.isEmpty {
      changes += boundaryChanges(
        "offensive \(offensive.id)", offensive.id, old.start, offensive.start, old.end, old.end)
      changes.append(
        Change(
          subject: offensive.id, kind: .changed,
          text: "offensive \(offensive.id) ended: \(describe(offensive.end))"))
    } else {
      changes += boundaryChanges(
        "offensive \(offensive.id)", offensive.id, old.start, offensive.start, old.end,
        offensive.end)
    }
    for phase in offensive.phases where !old.phases.contains(phase) {
      let verb = phase.change == .scaledBack ? "scaled back" : "intensified"
      changes.append(
        Change(
          subject: offensive.id, kind: .changed,
          text:
            "offensive \(offensive.id) \(verb) from \(time.stamp(phase.at.spec ?? .range(from: nil, to: nil), range: phase.at.range))"
        ))
    }
    return changes
  }

  /// A dispute not on record before; `nil` for a start or an end (their changes say it), or
  /// when the same fact was already disputed.
  func newDispute(_ dispute: Dispute, aspectKnownBefore: Bool) -> Change? {
    guard dispute.aspect != "start" && dispute.aspect != "end" else { return nil }
    guard !aspectKnownBefore else { return nil }
    let versions = dispute.versions.map { "\($0.says) (\($0.citations.joined(separator: ", ")))" }
    return Change(
      subject: dispute.subject, kind: .disputed,
      text: "reports disagree (\(dispute.aspect)) about \(dispute.subject): "
        + versions.joined(separator: " | "))
  }

  /// A dispute no longer on record, when nothing else disputes the same fact.
  func settledDispute(_ dispute: Dispute) -> Change {
    Change(
      subject: dispute.subject, kind: .removed,
      text:
        "no longer disputed (\(dispute.aspect)) about \(dispute.subject): a report was withdrawn"
    )
  }

  /// An item that left the record: "pause P withdrawn".
  func withdrawn(_ noun: String, _ id: String) -> Change {
    Change(subject: id, kind: .removed, text: "\(noun) \(id) withdrawn")
  }

  private func boundaryChanges(
    _ name: String, _ subject: String, _ oldStart: Boundary, _ newStart: Boundary,
    _ oldEnd: Boundary, _ newEnd: Boundary
  ) -> [Change] {
    [
      change(name, subject, "start", oldStart, newStart),
      change(name, subject, "end", oldEnd, newEnd),
    ].compactMap { $0 }
  }

  /// What happened to one boundary, judged by what the reports together say (not by the list of
  /// reports): newly disputed, moved, narrowed, or only confirmed by another source.
  private func change(
    _ name: String, _ subject: String, _ aspect: String, _ old: Boundary, _ new: Boundary
  ) -> Change? {
    guard new != old else { return nil }
    let open = "not reported"
    if new.isDisputed && !old.isDisputed {
      let earlier = Set(old.reports.map(\.citation)).sorted().joined(separator: ", ")
      return Change(
        subject: subject, kind: .disputed,
        text: "report disputes the \(aspect) time given by "
          + "\(earlier.isEmpty ? "earlier reports" : earlier) for \(name): \(describe(new, open: open))"
      )
    }
    if new.state == old.state {
      let added = Set(new.reports.map(\.citation)).subtracting(old.reports.map(\.citation)).sorted()
      guard !added.isEmpty else { return nil }
      return Change(
        subject: subject, kind: .changed,
        text:
          "\(name) \(aspect) confirmed by \(added.joined(separator: ", ")): \(describe(new, open: open))"
      )
    }
    if case .agreed(let newRange) = new.state, case .agreed(let oldRange) = old.state,
      oldRange.intersection(newRange) == newRange
    {
      return Change(
        subject: subject, kind: .changed,
        text:
          "\(name) \(aspect) narrowed: \(describe(old, open: open)) → \(describe(new, open: open))")
    }
    let verb = aspect == "end" && later(new, than: old) ? "extended" : "\(aspect) changed"
    return Change(
      subject: subject, kind: .changed,
      text: "\(name) \(verb): \(aspect) \(describe(old, open: open)) → \(describe(new, open: open))"
    )
  }

  private func later(_ new: Boundary, than old: Boundary) -> Bool {
    guard let oldRange = old.possibleRange else { return false }
    guard let newRange = new.possibleRange else { return true }
    guard let oldLatest = oldRange.latest, let newEarliest = newRange.earliest else { return false }
    return newEarliest > oldLatest
  }

  /// "from X until Y", or "from X, no end reported".
  private func span(_ start: Boundary, _ end: Boundary) -> String {
    "from \(describe(start))"
      + (end.reports.isEmpty ? ", no end reported" : " until \(describe(end))")
  }

  /// A boundary in words: the time if all reports agree on one, each version with its sources
  /// when they differ.
  func describe(_ boundary: Boundary, open: String = "not reported") -> String {
    guard !boundary.reports.isEmpty else { return open }
    var versions: [(text: String, citations: [String])] = []
    for report in boundary.reports {
      let text =
        report.spec.map { time.stamp($0, range: report.range) }
        ?? "\(time.range(report.range)) (derived)"
      if let index = versions.firstIndex(where: { $0.text == text }) {
        if !versions[index].citations.contains(report.citation) {
          versions[index].citations.append(report.citation)
        }
      } else {
        versions.append((text, [report.citation]))
      }
    }
    if versions.count == 1 { return versions[0].text }
    let joined = versions.map { "\($0.text) (\($0.citations.joined(separator: ", ")))" }
    return (boundary.isDisputed ? "disputed: " : "") + joined.joined(separator: " | ")
  }
}
