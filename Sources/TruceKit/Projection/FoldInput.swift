/// What to fold: the first `count` events of a list, as known by an as-of moment.
struct FoldInput: Sendable {
  var list: FoldedList
  var count: Int
  var knowledge: Knowledge
  var hypothetical: Set<String>

  /// The first `count` of `list`'s events.
  init(list: FoldedList, count: Int, knowledge: Knowledge, hypothetical: Set<String>) {
    self.list = list
    self.count = count
    self.knowledge = knowledge
    self.hypothetical = hypothetical
  }

  /// The first `count` of `events`.
  init(events: [Event], count: Int, knowledge: Knowledge, hypothetical: Set<String>) {
    self.init(
      list: .events(EffectiveEvents(events)), count: count, knowledge: knowledge,
      hypothetical: hypothetical)
  }

  /// Some of the first `count` events of a list: all but the positions `skipped` (ascending).
  struct Selection: Sendable {
    var list: FoldedList
    var count: Int
    var skipped: [Int]

    /// The selected events by id; when ids repeat, the first is kept.
    func byID() -> [String: Event] {
      positionsByID().mapValues { list.event(at: $0) }
    }

    /// Where the selected events are in ``list``, by id; when ids repeat, the first is kept.
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
      switch list {
      case .events(let events):
        forEachSelectedPosition { position in
          events.withEvent(at: position) { body(position, $0.id) }
        }
      case .records(let records):
        forEachSelectedPosition { body($0, records.records.id(at: $0)) }
      }
    }

    /// Calls `body` with each selected position, in order.
    private func forEachSelectedPosition(_ body: (Int) -> Void) {
      var next = 0
      for position in 0..<count {
        if next < skipped.count && skipped[next] == position {
          next += 1
          continue
        }
        body(position)
      }
    }
  }
}
