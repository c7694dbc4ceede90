/// What to fold: the first `count` events of a list, as known by an as-of moment.
struct FoldInput: Sendable {
  var events: [Event]
  var count: Int
  var knowledge: Knowledge
  var hypothetical: Set<String>

  /// Some of the first `count` events of a list: all but the positions `skipped` (ascending).
  struct Selection: Sendable {
    var events: [Event]
    var count: Int
    var skipped: [Int]

    /// The selected events by id; when ids repeat, the first is kept.
    func byID() -> [String: Event] {
      positionsByID().mapValues { events[$0] }
    }

    /// Where the selected events are in ``events``, by id; when ids repeat, the first is kept.
    func positionsByID() -> [String: Int] {
      var result = [String: Int](minimumCapacity: count - skipped.count)
      forEachSelected { position, id in
        if result[id] == nil { result[id] = position }
      }
      return result
    }

    /// Calls `body` with each selected position, in order, and its event's id, read in place:
    /// passing the whole event copied it, with a retain of each of its strings and boxes (about
    /// a third of a second at 1M).
    func forEachSelected(_ body: (Int, borrowing String) -> Void) {
      var next = 0
      events.withUnsafeBufferPointer { events in
        for position in 0..<count {
          if next < skipped.count && skipped[next] == position {
            next += 1
            continue
          }
          body(position, events[position].id)
        }
      }
    }
  }
}
