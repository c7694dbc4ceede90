/// How a fold goes through a list (of events, pauses or corridor groups): all in one pass, or
/// the two halves apart, their results put together in the order one pass gives.
enum SlotSplit {
  /// One pass over the whole list.
  case whole
  /// The halves apart: at once on two threads, or one after the other.
  case halves(atOnce: Bool)

  /// Runs `work` over the positions `0..<count`: whole, or over each half (the second on a
  /// helper thread when at once); returns the results in the order of the positions.
  ///
  /// At once, the two calls of `work` run together: they must not change anything the other
  /// reads or changes (disjoint parts of a buffer are fine).
  func run<Part: Sendable>(over count: Int, _ work: @escaping @Sendable (Range<Int>) -> Part)
    -> [Part]
  {
    guard case .halves(let atOnce) = self else { return [work(0..<count)] }
    let middle = count / 2
    let halves = TwoWay.run(
      parallel: atOnce, helper: { work(middle..<count) }, caller: { work(0..<middle) })
    return [halves.called, halves.helped]
  }
}
