/// The fold of a replay, one announcement at a time: each event is folded once into a running
/// state, and each described step says which pauses, corridor groups, offensives and statements
/// it touched, with their state just before.
///
/// Steps not described are folded without being settled: what they touch is reconciled once,
/// when the next described step comes (or ``settlePending()`` is called), however many of them
/// touched it; a pause with a hundred reports is reconciled once rather than a hundred times.
/// The tally of disputes on record is brought up to date at the same time. Settling after many
/// steps gives what settling after each would because:
/// - an item's settled state depends only on what was folded into it, on its pause's for a
///   corridor group, and on which of the events it looks up are on record (a statement's
///   disputed events, the other reports of a re-characterized announcement); every step that
///   brings one of those onto or off the record touches the items that look it up
///   (``touchWatchers(of:)``), so a lookup added without such a touch would break this;
/// - folding never sets a track's start or end (only settling does), and a withdrawal folds the
///   item again from an empty track, so an item's disputes, listed again only when its start or
///   end changed since it was last settled, are those of its state;
/// - the tally counts disputes, so taking out those before a stretch and adding those after it
///   leaves the counts that doing it step by step leaves.
///
/// The running state is what ``Projection/init(events:knowledge:hypothetical:)`` would make of
/// the events so far, kept per item: a retraction withdraws its target by folding the target's
/// item again from its remaining events. Item order (the order a projection lists them in) is
/// the position of an item's first event still on record.
///
/// Items live in arrays, found by id through one lookup in a ``NameMap``, and change in place.
/// Event ids must be unique (as in any ``EventLog``).
struct ReplayFold {
  /// The events to fold, in replay order.
  let events: [Event]
  /// Where each event is, by id.
  private let positions: [String: Int]
  /// How many events are folded so far.
  private(set) var count = 0
  /// Ids withdrawn by a retraction folded so far (certainly announced by the as-of moment).
  private var retracted: Set<String> = []
  /// Which ids were only possibly announced by the as-of moment.
  private let possiblyKnown: Set<String>

  private var pauseSlots = NameMap<Int>()
  private(set) var pauses: [PauseItem] = []
  private var corridorSlots = NameMap<Int>()
  private(set) var corridors: [CorridorItem] = []
  private var offensiveSlots = NameMap<Int>()
  private(set) var offensives: [OffensiveItem] = []
  /// The dispute each statement on record makes, by the statement's position.
  private(set) var claims: [Int: Dispute] = [:]
  /// Corridor groups (slots) by the pause their first report names.
  private var corridorsByPause: [String: Set<Int>] = [:]
  /// Who looks up an id: statements (their disputed events) and pauses (other reports of a
  /// re-characterized announcement). They change when that id comes onto or leaves the record.
  private var watchers: [String: [Owner]] = [:]

  /// What the steps not yet settled touched, and how it was before them.
  private(set) var touched = Touched()
  /// Whether the snapshots keep the tracks as they were, to describe the step.
  private var keepsTracks = false
  /// Every dispute on record as of the last settling (kept up to date by
  /// ``changes(describer:)``).
  var tally = DisputeTally()

  /// Prepares to fold `events`, in that order.
  ///
  /// - Parameters:
  ///   - events: The events, without those certainly unknown at the as-of moment.
  ///   - knowledge: The as-of moment.
  /// - Returns: `nil` when ids repeat.
  init?(events: [Event], knowledge: Knowledge) {
    var positions: [String: Int] = [:]
    positions.reserveCapacity(events.count)
    var possiblyKnown: Set<String> = []
    // Read field by field: iterating the array would copy every event.
    for position in 0..<events.count {
      let id = events.id(at: position)
      guard positions.updateValue(position, forKey: id) == nil else { return nil }
      if knowledge.asOf != nil
        && knowledge.status(ofAnnounced: events.announcedRange(at: position)) == .possiblyKnown
      {
        possiblyKnown.insert(id)
      }
    }
    self.events = events
    self.positions = positions
    self.possiblyKnown = possiblyKnown
  }

  /// Folds the next event and says what it changed, in the words and order of
  /// ``ChangeDescriber/changes(from:to:)`` applied to the projections before and after it.
  ///
  /// What the steps before it left unsettled is settled first.
  mutating func foldNext(describedBy describer: ChangeDescriber) -> [Change] {
    settlePending()
    keepsTracks = true
    foldEvent()
    settle()
    let changes = changes(describer: describer)
    touched.removeAll()
    keepsTracks = false
    return changes
  }

  /// Folds the next event without describing it; what it touches is settled later (see
  /// ``settlePending()``). The touched items' snapshots keep no track (keeping one would make
  /// the next change to the track copy its lists), only what the tally of disputes needs.
  mutating func foldNextUndescribed() {
    foldEvent()
  }

  /// Settles what the steps folded without being described touched, and brings the tally of
  /// disputes up to date; the running state is then the projection of everything folded.
  mutating func settlePending() {
    guard !touched.isEmpty else { return }
    settle()
    _ = changes(describer: nil)
    touched.removeAll()
  }

  /// Folds the next event into its items, recording what it touches.
  private mutating func foldEvent() {
    let position = count
    count += 1
    let id = events.id(at: position)
    // A retraction withdraws its target even when it is itself withdrawn, as in a projection.
    if case .retraction(let target) = events.payload(at: position), !possiblyKnown.contains(id),
      retracted.insert(target).inserted, let withdrawn = positions[target], withdrawn < position
    {
      unfold(withdrawn)
      touchWatchers(of: target)
    }
    if !retracted.contains(id) {
      fold(position)
      touchWatchers(of: id)
    }
  }

  /// Whether one of the events to fold bears `id`.
  func holds(_ id: String) -> Bool {
    positions[id] != nil
  }

  // MARK: - Folding and withdrawing

  private mutating func fold(_ position: Int) {
    switch FoldRoute(events.payload(at: position)) {
    case .pause(let pause):
      let slot = pauseSlot(pause)
      touch(.pause(slot))
      pauses[slot].members.append(position)
      pauses[slot].apply(position, in: events)
      if case .pauseDeclared = events.payload(at: position) {
        for other in events.sameAnnouncementAs(at: position) {
          watchers[other, default: []].append(.pause(slot))
        }
      }
    case .corridorOpened(let corridor):
      let slot = corridorSlot(corridor)
      touch(.corridor(slot))
      corridors[slot].members.append(position)
      corridors[slot].apply(position, in: events)
    case .corridorClosed(let corridor):
      guard let slot = corridorSlots[corridor], corridors[slot].isOnRecord else { return }
      touch(.corridor(slot))
      corridors[slot].members.append(position)
      corridors[slot].apply(position, in: events)
    case .offensive(let offensive):
      let slot = offensiveSlot(offensive)
      touch(.offensive(slot))
      offensives[slot].members.append(position)
      offensives[slot].apply(position, in: events)
    case .statement(let isCondition):
      if isCondition, case .statement(_, let about) = events.payload(at: position) {
        for pause in Set(about) {
          guard let slot = pauseSlots[pause], pauses[slot].isOnRecord else { continue }
          touch(.pause(slot))
          pauses[slot].members.append(position)
          pauses[slot].apply(position, in: events)
        }
      }
      for target in events.disputes(at: position) {
        watchers[target, default: []].append(.claim(position))
      }
      touch(.claim(position))
    case .proposal, .violation, .correction:
      break
    }
  }

  /// Takes a folded event off the record: its item is folded again from the rest.
  private mutating func unfold(_ position: Int) {
    switch FoldRoute(events.payload(at: position)) {
    case .pause(let pause):
      guard let slot = pauseSlots[pause] else { return }
      touch(.pause(slot))
      pauses[slot].remove(position, in: events)
    case .corridorOpened(let corridor), .corridorClosed(let corridor):
      guard let slot = corridorSlots[corridor], corridors[slot].members.contains(position) else {
        return
      }
      touch(.corridor(slot))
      corridors[slot].remove(position, in: events)
    case .offensive(let offensive):
      guard let slot = offensiveSlots[offensive] else { return }
      touch(.offensive(slot))
      offensives[slot].remove(position, in: events)
    case .statement:
      if case .statement(_, let about) = events.payload(at: position) {
        for pause in Set(about) {
          guard let slot = pauseSlots[pause], pauses[slot].members.contains(position) else {
            continue
          }
          touch(.pause(slot))
          pauses[slot].remove(position, in: events)
        }
      }
      touch(.claim(position))
    case .proposal, .violation, .correction:
      break
    }
  }

  private mutating func touchWatchers(of id: String) {
    for owner in watchers[id] ?? [] { touch(owner) }
  }

  /// Records an owner as touched, with its state before the steps not yet settled, the first
  /// time.
  private mutating func touch(_ owner: Owner) {
    guard touched.owners.insert(owner).inserted else { return }
    switch owner {
    case .pause(let slot): touched.pauses.append(pauseSnapshot(slot))
    case .corridor(let slot): touched.corridors.append(corridorSnapshot(slot))
    case .offensive(let slot): touched.offensives.append(offensiveSnapshot(slot))
    case .claim(let position):
      touched.claims.append(Touched.Claim(position: position, before: claims[position]))
    }
  }

  /// Brings every touched item up to date: tracks reconciled, disputes listed again; corridor
  /// groups follow their pause.
  private mutating func settle() {
    let folded = FoldedLookup(positions: positions, count: count, retracted: retracted)
    // Touched items are reached by index: iterating would copy their snapshots.
    for index in touched.pauses.indices {
      let slot = touched.pauses[index].slot
      pauses[slot].settle(in: events, folded: folded.position(of:))
      // Its corridor groups follow it; in steps not described, only when what they take from
      // it changed since before them (otherwise they come out as they were, disputes and all).
      guard keepsTracks || pauseFacts(slot) != touched.pauses[index].facts else { continue }
      for corridor in corridorsByPause[pauses[slot].id] ?? [] { touch(.corridor(corridor)) }
    }
    for index in touched.corridors.indices {
      let slot = touched.corridors[index].slot
      let named = corridors[slot].isOnRecord ? corridors[slot].track.pauses.first?.value : nil
      // Not `flatMap(pauseFacts)`: a method taken as a closure copies the whole fold.
      var pause: CorridorDraft.PauseFacts?
      if let named, let pauseSlot = pauseSlots[named] { pause = pauseFacts(pauseSlot) }
      corridors[slot].settle(pause: pause, in: events)
      let registered = corridors[slot].registeredPause
      if named != registered {
        if let registered { corridorsByPause[registered]?.remove(slot) }
        if let named { corridorsByPause[named, default: []].insert(slot) }
        corridors[slot].registeredPause = named
      }
    }
    for index in touched.offensives.indices { offensives[touched.offensives[index].slot].settle() }
    for index in touched.claims.indices {
      let position = touched.claims[index].position
      let onRecord = !retracted.contains(events.id(at: position))
      claims[position] =
        onRecord ? DisputeRules.claim(position, in: events, folded: folded.position(of:)) : nil
    }
  }

  // Items are read field by field: reading a whole item out of its array would copy it.

  private func pauseSnapshot(_ slot: Int) -> PauseItem.Snapshot {
    PauseItem.Snapshot(
      slot: slot, isOnRecord: pauses[slot].isOnRecord,
      track: keepsTracks ? pauses[slot].track : nil,
      order: pauses[slot].order, disputes: pauses[slot].disputes,
      dailyHours: pauses[slot].dailyHours, facts: keepsTracks ? nil : pauseFacts(slot))
  }

  private func corridorSnapshot(_ slot: Int) -> CorridorItem.Snapshot {
    CorridorItem.Snapshot(
      slot: slot, isOnRecord: corridors[slot].isOnRecord,
      track: keepsTracks ? corridors[slot].track : nil,
      order: corridors[slot].order, disputes: corridors[slot].disputes)
  }

  private func offensiveSnapshot(_ slot: Int) -> OffensiveItem.Snapshot {
    OffensiveItem.Snapshot(
      slot: slot, isOnRecord: offensives[slot].isOnRecord,
      track: keepsTracks ? offensives[slot].track : nil,
      order: offensives[slot].order, disputes: offensives[slot].disputes)
  }

  /// What a corridor group takes from its pause, if the pause is on record.
  private func pauseFacts(_ slot: Int) -> CorridorDraft.PauseFacts? {
    guard pauses[slot].isOnRecord else { return nil }
    return CorridorDraft.PauseFacts(
      start: pauses[slot].track.start.possibleRange, endReports: pauses[slot].track.end.reports,
      applicability: Applicability(
        dailyHours: pauses[slot].track.dailyHours, suspensions: pauses[slot].track.suspensions))
  }

  private mutating func pauseSlot(_ id: String) -> Int {
    Self.slot(of: id, in: &pauseSlots, items: &pauses, making: PauseItem.init(id:))
  }

  private mutating func corridorSlot(_ id: String) -> Int {
    Self.slot(of: id, in: &corridorSlots, items: &corridors, making: CorridorItem.init(id:))
  }

  private mutating func offensiveSlot(_ id: String) -> Int {
    Self.slot(of: id, in: &offensiveSlots, items: &offensives, making: OffensiveItem.init(id:))
  }

  /// The slot of an item's id, with a new item appended when the id has none yet; one lookup.
  private static func slot<Item>(
    of id: String, in slots: inout NameMap<Int>, items: inout [Item], making make: (String) -> Item
  ) -> Int {
    let slot = slots.value(of: id, enteringIfAbsent: items.count)
    if slot == items.count { items.append(make(id)) }
    return slot
  }
}

/// Which events are on record at a moment of the replay.
private struct FoldedLookup {
  let positions: [String: Int]
  let count: Int
  let retracted: Set<String>

  func position(of id: String) -> Int? {
    guard let position = positions[id], position < count, !retracted.contains(id) else {
      return nil
    }
    return position
  }
}

extension ReplayFold {
  /// Something whose state a step can change.
  enum Owner: Hashable {
    /// The pause in this slot.
    case pause(Int)
    /// The corridor group in this slot.
    case corridor(Int)
    /// The offensive in this slot.
    case offensive(Int)
    /// The statement at this position.
    case claim(Int)
  }

  /// The items the steps not yet settled touched, each with its state just before them.
  struct Touched {
    /// Every owner touched, for finding one at once.
    var owners: Set<Owner> = []
    var pauses: [PauseItem.Snapshot] = []
    var corridors: [CorridorItem.Snapshot] = []
    var offensives: [OffensiveItem.Snapshot] = []
    var claims: [Claim] = []

    /// A statement's dispute before the step; `nil` when it disputed nothing on record.
    struct Claim {
      var position: Int
      var before: Dispute?
    }

    var isEmpty: Bool {
      pauses.isEmpty && corridors.isEmpty && offensives.isEmpty && claims.isEmpty
    }

    /// Empties the lists, keeping their room for the next step.
    mutating func removeAll() {
      owners.removeAll(keepingCapacity: true)
      pauses.removeAll(keepingCapacity: true)
      corridors.removeAll(keepingCapacity: true)
      offensives.removeAll(keepingCapacity: true)
      claims.removeAll(keepingCapacity: true)
    }
  }
}
