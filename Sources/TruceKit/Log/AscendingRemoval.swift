extension UnsafeMutableBufferPointer {
  /// Removes the elements at `positions` (ascending, each once), moving the others up in order a
  /// run between two removed ones at a time (element by element, swapping copied each element's
  /// strings and boxes); the last `positions.count` slots are left holding copies of
  /// `placeholder`, for the caller to remove with the array's `removeLast(_:)`.
  ///
  /// Used for the events and the records that errata void.
  func removeAscending(_ positions: [Int], leaving placeholder: Element) {
    guard let base = baseAddress, let first = positions.first else { return }
    var kept = first
    for (index, removed) in positions.enumerated() {
      (base + removed).deinitialize(count: 1)
      let end = index + 1 < positions.count ? positions[index + 1] : count
      let moved = end - removed - 1
      if moved > 0 { (base + kept).moveInitialize(from: base + removed + 1, count: moved) }
      kept += moved
    }
    (base + kept).initialize(repeating: placeholder, count: count - kept)
  }
}
