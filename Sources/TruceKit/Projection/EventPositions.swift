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
    selection.events.withUnsafeBufferPointer { events in
      selection.forEachSelected { position, id in
        let hash = NameSlots.hash(id)
        let (found, empty) = find(id, hash: hash, in: events)
        guard found == nil else { return }
        tags[empty] = NameSlots.tag(hash)
        positions[empty] = UInt32(truncatingIfNeeded: position)
      }
    }
  }

  /// Where the event with `id` is in `events` (the list this was built from), or `nil`.
  func position(of id: String, in events: [Event]) -> Int? {
    events.withUnsafeBufferPointer { events in
      find(id, hash: NameSlots.hash(id), in: events).found.map { Int(positions[$0]) }
    }
  }

  /// The slot holding `id`, if any, and the slot where the probe for it stopped.
  private func find(_ id: String, hash: UInt64, in events: UnsafeBufferPointer<Event>)
    -> (found: Int?, empty: Int)
  {
    NameSlots.probe(tags, positions, hash: hash) { events[$0].id == id }
  }

}
