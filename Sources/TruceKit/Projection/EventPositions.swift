/// Where each folded event is in its list, found by id: an open-addressing table of five bytes a
/// slot (a tag and a position) that compares ids against the list itself.
///
/// An answer looks up the few events it cites (their sources, their announcement); a dictionary
/// of every id would copy a million strings into a table of 50 MB or more and take about half a
/// second to build. This holds no strings: a slot's id is the event's, read in place.
struct EventPositions: Sendable {
  /// A slot's tag: 0 when empty, else the hash's top seven bits with the high bit set.
  private var tags: [UInt8]
  /// A slot's event, as a position in the list.
  private var positions: [UInt32]

  /// The positions of the selected events; when ids repeat, the first is kept.
  init(_ selection: FoldInput.Selection) {
    var slotCount = 16
    while slotCount * 3 < (selection.count - selection.skipped.count) * 4 { slotCount *= 2 }
    tags = [UInt8](repeating: 0, count: slotCount)
    positions = [UInt32](repeating: 0, count: slotCount)
    selection.events.withUnsafeBufferPointer { events in
      selection.forEachSelected { position, id in
        let hash = NameHash.of(id)
        let (found, empty) = find(id, hash: hash, in: events)
        guard found == nil else { return }
        tags[empty] = EventPositions.tag(hash)
        positions[empty] = UInt32(truncatingIfNeeded: position)
      }
    }
  }

  /// Where the event with `id` is in `events` (the list this was built from), or `nil`.
  func position(of id: String, in events: [Event]) -> Int? {
    events.withUnsafeBufferPointer { events in
      find(id, hash: NameHash.of(id), in: events).found.map { Int(positions[$0]) }
    }
  }

  /// The slot holding `id`, if any, and the slot where the probe for it stopped.
  private func find(_ id: String, hash: UInt64, in events: UnsafeBufferPointer<Event>)
    -> (found: Int?, empty: Int)
  {
    let mask = tags.count - 1
    let tag = EventPositions.tag(hash)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let stored = tags[slot]
      if stored == 0 { return (nil, slot) }
      if stored == tag && events[Int(positions[slot])].id == id { return (slot, slot) }
      slot = (slot + 1) & mask
    }
  }

  private static func tag(_ hash: UInt64) -> UInt8 { 0x80 | UInt8(truncatingIfNeeded: hash >> 57) }
}
