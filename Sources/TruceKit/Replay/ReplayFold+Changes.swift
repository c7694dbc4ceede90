extension ReplayFold {
  /// A dispute with where it sits in a projection's list: the part of the list (pauses' own
  /// disputes, pauses' daily hours, corridor groups, offensives, statements), the position of
  /// its item's first event, and its place among the item's disputes.
  private struct Listed {
    var part: Int
    var order: Int
    var index: Int
    var dispute: Dispute

    static func precedes(_ lhs: Listed, _ rhs: Listed) -> Bool {
      (lhs.part, lhs.order, lhs.index) < (rhs.part, rhs.order, rhs.index)
    }
  }

  /// What changed in one item: the kind of item (pauses come first, then corridor groups, then
  /// offensives) and where a projection lists it.
  private struct ItemChanges {
    var kind: Int
    var order: Int
    var changes: [Change]

    init(_ kind: Int, _ order: Int, _ changes: [Change]) {
      self.kind = kind
      self.order = order
      self.changes = changes
    }

    static func precedes(_ lhs: ItemChanges, _ rhs: ItemChanges) -> Bool {
      (lhs.kind, lhs.order) < (rhs.kind, rhs.order)
    }
  }

  /// What the steps settled last changed, in the words and order of
  /// ``ChangeDescriber/changes(from:to:)`` applied to the projections before and after them.
  ///
  /// Only touched items can have changed, and an item that did not change adds nothing; the
  /// tally of every dispute on record answers whether a dispute was on record before the
  /// steps, or still is after them. The tally is brought up to date.
  ///
  /// - Parameter describer: How to say it; `nil` when the steps are not shown (the tally is
  ///   still brought up to date).
  ///
  /// `mutating` also so that the fold is passed in place: as a plain method it was copied, with
  /// all its tables, at every step.
  mutating func changes(describer: ChangeDescriber?) -> [Change] {
    guard !touched.isEmpty else { return [] }
    var before: [Listed] = []
    var after: [Listed] = []
    var changed: [ItemChanges] = []
    var withdrawn: [ItemChanges] = []
    // An item whose disputes did not change leaves the tally as it was, and says nothing new
    // or settled about them: it is left out of both lists.
    for old in touched.pauses {
      let slot = old.slot
      let now = pauses[slot].isOnRecord
      let unchanged =
        old.isOnRecord == now && old.disputes == pauses[slot].disputes
        && old.dailyHours == pauses[slot].dailyHours
      if old.isOnRecord && !unchanged {
        before += listed(old.disputes, part: 1, order: old.order)
        before += listed(old.dailyHours, part: 2, order: old.order)
      }
      if now && !unchanged {
        after += listed(pauses[slot].disputes, part: 1, order: pauses[slot].order)
        after += listed(pauses[slot].dailyHours, part: 2, order: pauses[slot].order)
      }
      guard let describer else { continue }
      if now {
        let changes = describer.changes(
          of: pauses[slot].track, from: old.isOnRecord ? old.track : nil)
        changed.append(ItemChanges(0, pauses[slot].order, changes))
      } else if old.isOnRecord {
        withdrawn.append(ItemChanges(0, old.order, [describer.withdrawn("pause", pauses[slot].id)]))
      }
    }
    for old in touched.corridors {
      let slot = old.slot
      let now = corridors[slot].isOnRecord
      let unchanged = old.isOnRecord == now && old.disputes == corridors[slot].disputes
      if old.isOnRecord && !unchanged {
        before += listed(old.disputes, part: 3, order: old.order)
      }
      if now && !unchanged {
        after += listed(corridors[slot].disputes, part: 3, order: corridors[slot].order)
      }
      guard let describer else { continue }
      if now {
        let changes = describer.changes(
          of: corridors[slot].track, from: old.isOnRecord ? old.track : nil)
        changed.append(ItemChanges(1, corridors[slot].order, changes))
      } else if old.isOnRecord {
        withdrawn.append(
          ItemChanges(1, old.order, [describer.withdrawn("corridors", corridors[slot].id)]))
      }
    }
    for old in touched.offensives {
      let slot = old.slot
      let now = offensives[slot].isOnRecord
      let unchanged = old.isOnRecord == now && old.disputes == offensives[slot].disputes
      if old.isOnRecord && !unchanged {
        before += listed(old.disputes, part: 4, order: old.order)
      }
      if now && !unchanged {
        after += listed(offensives[slot].disputes, part: 4, order: offensives[slot].order)
      }
      guard let describer else { continue }
      if now {
        let changes = describer.changes(
          of: offensives[slot].track, from: old.isOnRecord ? old.track : nil)
        changed.append(ItemChanges(2, offensives[slot].order, changes))
      } else if old.isOnRecord {
        withdrawn.append(
          ItemChanges(2, old.order, [describer.withdrawn("offensive", offensives[slot].id)]))
      }
    }
    for claim in touched.claims where claim.before != claims[claim.position] {
      if let old = claim.before {
        before.append(Listed(part: 5, order: claim.position, index: 0, dispute: old))
      }
      if let now = claims[claim.position] {
        after.append(Listed(part: 5, order: claim.position, index: 0, dispute: now))
      }
    }
    var changes: [Change] = []
    if let describer {
      changes = changed.sorted(by: ItemChanges.precedes).flatMap(\.changes)
      for listed in after.sorted(by: Listed.precedes) where !tally.contains(listed.dispute) {
        let known = tally.containsFact(of: listed.dispute)
        if let change = describer.newDispute(listed.dispute, aspectKnownBefore: known) {
          changes.append(change)
        }
      }
    }
    for listed in before { tally.remove(listed.dispute) }
    for listed in after { tally.add(listed.dispute) }
    guard let describer else { return [] }
    changes += withdrawn.sorted(by: ItemChanges.precedes).flatMap(\.changes)
    for listed in before.sorted(by: Listed.precedes)
    where !tally.contains(listed.dispute) && !tally.containsFact(of: listed.dispute) {
      changes.append(describer.settledDispute(listed.dispute))
    }
    return changes
  }

  private func listed(_ disputes: [Dispute], part: Int, order: Int) -> [Listed] {
    disputes.enumerated().map {
      Listed(part: part, order: order, index: $0.offset, dispute: $0.element)
    }
  }
}
