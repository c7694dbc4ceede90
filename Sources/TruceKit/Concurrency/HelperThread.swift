#if canImport(Glibc)
  import Glibc
#endif

/// A thread of its own for one piece of work, started at once and waited for.
///
/// Dispatch's pool starts its threads on demand, and on Linux a `concurrentPerform` of a few
/// milliseconds often runs every iteration on the calling thread before a pool thread wakes;
/// a thread started here runs within about a tenth of a millisecond. Where threads are not
/// started this way (other than Linux), the work runs on the caller, in order.
final class HelperThread {
  #if canImport(Glibc)
    private var thread: pthread_t?
  #endif

  /// Starts `work` on a new thread; when no thread can be started, runs it here and now.
  init(_ work: @escaping @Sendable () -> Void) {
    #if canImport(Glibc)
      let box = Unmanaged.passRetained(WorkBox(work))
      var created = pthread_t()
      let status = pthread_create(
        &created, nil,
        { argument in
          guard let argument else { return nil }
          Unmanaged<WorkBox>.fromOpaque(argument).takeRetainedValue().work()
          return nil
        }, box.toOpaque())
      guard status == 0 else {
        box.takeRetainedValue().work()
        return
      }
      thread = created
    #else
      work()
    #endif
  }

  /// Waits for the work to finish.
  func join() {
    #if canImport(Glibc)
      guard let thread else { return }
      pthread_join(thread, nil)
      self.thread = nil
    #endif
  }

  deinit { join() }
}

/// The work handed to a new thread.
private final class WorkBox: Sendable {
  let work: @Sendable () -> Void
  init(_ work: @escaping @Sendable () -> Void) { self.work = work }
}
