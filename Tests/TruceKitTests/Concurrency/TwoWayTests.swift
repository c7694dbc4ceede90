import Synchronization
import Testing

@testable import TruceKit

#if canImport(Glibc)
  import Glibc
#endif

/// Two pieces of work run at once, one on a helper thread and one on the caller.
@Suite("Two-way work")
struct TwoWayTests {
  @Test("Both results come back, at once or one after the other", arguments: [true, false])
  func bothResults(parallel: Bool) {
    let result = TwoWay.run(
      parallel: parallel, helper: { (1...1_000).reduce(0, +) }, caller: { "caller" })
    #expect(result.helped == 500_500)
    #expect(result.called == "caller")
  }

  #if canImport(Glibc)
    @Test("One after the other, the helper's work runs first, on the caller's thread")
    func sequentialOrder() {
      let order = Mutex<[String]>([])
      let caller = pthread_self()
      let result = TwoWay.run(
        parallel: false,
        helper: {
          order.withLock { $0.append("helper") }
          return pthread_equal(pthread_self(), caller) != 0
        },
        caller: { order.withLock { $0.append("caller") } })
      #expect(order.withLock { $0 } == ["helper", "caller"])
      #expect(result.helped)
    }

    @Test("At once, the helper's work runs on another thread, and the two overlap")
    func parallelThreads() {
      let caller = pthread_self()
      let meeting = Meeting()
      let result = TwoWay.run(
        parallel: true,
        helper: { (pthread_equal(pthread_self(), caller) == 0, meeting.meet()) },
        caller: { meeting.meet() })
      #expect(result.helped.0)
      #expect(result.helped.1 && result.called)
    }
  #endif
}

#if canImport(Glibc)
  /// Where two threads wait for each other: each arrives, then waits (up to five seconds) until
  /// the other has; only two pieces of work running at once both get past it.
  private final class Meeting: Sendable {
    private let arrived = Atomic<Int>(0)

    func meet() -> Bool {
      arrived.add(1, ordering: .sequentiallyConsistent)
      for _ in 0..<5_000 {
        if arrived.load(ordering: .sequentiallyConsistent) == 2 { return true }
        usleep(1_000)
      }
      return false
    }
  }
#endif
