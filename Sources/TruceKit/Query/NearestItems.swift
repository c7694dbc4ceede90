/// The items nearest to a moment among those that cannot reach it, as ``AtQuery`` lists them:
/// the soonest to start (or the latest to end), ties in the order the projection lists them.
struct NearestItems {
  let limit: Int
  let soonestFirst: Bool
  /// How many were offered.
  private(set) var offered = 0
  /// The best so far, best first.
  private var best: [(key: Int64, position: Int)] = []

  init(limit: Int, soonestFirst: Bool) {
    self.limit = limit
    self.soonestFirst = soonestFirst
  }

  /// Counts items as offered without offering them: when items come best first and the list
  /// is full, those after cannot be kept.
  mutating func countUnoffered(_ count: Int) { offered += count }

  /// The positions of the items kept.
  var kept: [Int] { best.map(\.position) }

  /// Offers the item at `position`, ordered by `key`.
  mutating func offer(key: Int64, position: Int) {
    offered += 1
    func before(_ a: (key: Int64, position: Int), _ b: (key: Int64, position: Int)) -> Bool {
      if a.key != b.key { return soonestFirst ? a.key < b.key : a.key > b.key }
      return a.position < b.position
    }
    if best.count == limit, let worst = best.last, !before((key, position), worst) { return }
    let index = best.firstIndex { !before($0, (key, position)) } ?? best.count
    best.insert((key, position), at: index)
    if best.count > limit { best.removeLast() }
  }
}
