/// Runs two pieces of work at once: one on a ``HelperThread``, the other on the caller.
enum TwoWay {
  /// Runs `helper` on a thread of its own while `caller` runs here, and returns both results
  /// once both are done; with `parallel` false, runs both here, `helper` first.
  ///
  /// The two must not change anything the other reads or changes: they share values, or
  /// disjoint parts of a buffer (as the fold's halves do).
  static func run<Helped: Sendable, Called>(
    parallel: Bool, helper: @escaping @Sendable () -> Helped, caller: () -> Called
  ) -> (helped: Helped, called: Called) {
    guard parallel else {
      let helped = helper()
      return (helped, caller())
    }
    let slot = ResultSlot<Helped>()
    let thread = HelperThread { slot.value = helper() }
    let called = caller()
    thread.join()
    guard let helped = slot.value else {
      preconditionFailure("a joined helper thread has stored its result")
    }
    return (helped, called)
  }
}

/// Where a helper thread leaves its result: written once by that thread, read only after it has
/// been joined (the join orders the write before the read).
private final class ResultSlot<Value>: @unchecked Sendable {
  var value: Value?
}
