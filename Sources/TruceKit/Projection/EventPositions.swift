/// Where each folded event is in its list, found by id: an open-addressing table of five bytes a
/// slot (a tag and a position, laid out as ``NameSlots`` describes) that compares ids against
/// the list itself.
///
/// An answer looks up the few events it cites (their sources, their announcement); a dictionary
/// of every id would copy a million strings into a table of 50 MB or more and take about half a
/// second to build. This holds no strings: a slot's id is the event's, read in place.
struct EventPositions: Sendable {
  /// A slot's tag (``NameSlots/tag(_:)``), 0 when empty.
  private var tags: [UInt8]
  /// A slot's event, as a position in the list.
  private var positions: [UInt32]

  /// The positions of the selected events; when ids repeat, the first is kept.
  init(_ selection: FoldInput.Selection) {
    (tags, positions) = NameSlots.empty(
      NameSlots.count(for: selection.count - selection.skipped.count))
    switch selection.list {
    case .events(let events):
      enter(selection) { position, id in events.withEvent(at: position) { $0.id == id } }
    case .records(let records):
      enter(selection) { records.records.id(at: $0) == $1 }
    }
  }

  /// Enters each selected position under its id, unless an earlier one has the same id
  /// (`matches` compares a position's id with an id).
  private mutating func enter(
    _ selection: FoldInput.Selection, matching matches: (Int, borrowing String) -> Bool
  ) {
    selection.forEachSelected { position, id in
      let hash = NameSlots.hash(id)
      let (found, empty) = find(hash: hash) { matches($0, id) }
      guard found == nil else { return }
      tags[empty] = NameSlots.tag(hash)
      positions[empty] = UInt32(truncatingIfNeeded: position)
    }
  }

  /// Where the event with `id` is in `events` (the list this was built from), or `nil`.
  func position(of id: String, in events: EffectiveEvents) -> Int? {
    find(hash: NameSlots.hash(id)) { position in events.withEvent(at: position) { $0.id == id } }
      .found.map { Int(positions[$0]) }
  }

  /// Where the event with `id` is in `list` (the list this was built from), or `nil`.
  func position(of id: String, in list: FoldedList) -> Int? {
    switch list {
    case .events(let events): position(of: id, in: events)
    case .records(let records):
      find(hash: NameSlots.hash(id)) { records.records.id(at: $0) == id }.found.map {
        Int(positions[$0])
      }
    }
  }

  /// The slot holding the id `matches` takes (given a position), if any, and the slot where the
  /// probe for it stopped.
  private func find(hash: UInt64, matching matches: (Int) -> Bool) -> (found: Int?, empty: Int) {
    NameSlots.probe(tags, positions, hash: hash, isName: matches)
  }
}
