/// What a draft keeps of an event it folds: where the event is in the list being folded, its id
/// and the citation of its source, each read once.
struct FoldedEvent {
  let position: Int
  let id: String
  let citation: String

  init(_ position: Int, in events: some FoldEvents) {
    self.position = position
    id = events.id(at: position)
    citation = events.citation(at: position)
  }
}

extension BoundaryReport {
  /// A report taken straight from a time a folded event gives (its written time copied as it is
  /// packed: unpacking it and packing it again was a twentieth of a fold).
  init(_ stamp: Stamp, of event: FoldedEvent) {
    self.init(
      range: stamp.range, written: stamp.written, eventID: event.id, citation: event.citation)
  }
}

extension Array {
  /// Adds a value with its citation, merging with an equal value already present.
  mutating func addCited<V>(_ value: V, by event: FoldedEvent) where Element == Cited<V> {
    if let index = firstIndex(where: { $0.value == value }) {
      self[index].add(citation: event.citation, eventID: event.id)
    } else {
      append(
        Cited(
          value, citationList: SmallList(one: event.citation),
          eventIDList: SmallList(one: event.id)))
    }
  }
}
