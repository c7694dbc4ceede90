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
      var result = [String: Event](minimumCapacity: count - skipped.count)
      var next = 0
      for position in 0..<count {
        if next < skipped.count && skipped[next] == position {
          next += 1
          continue
        }
        let event = events[position]
        if let earlier = result.updateValue(event, forKey: event.id) {
          result[event.id] = earlier
        }
      }
      return result
    }
  }
}
