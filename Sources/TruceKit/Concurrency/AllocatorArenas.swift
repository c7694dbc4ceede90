/// How the C allocator shares its memory between threads.
public enum AllocatorArenas {
  /// Limits glibc's allocator to one arena per online processor (it allows eight a processor).
  ///
  /// Reading a log decodes it on worker threads and folds it on helper threads; each new thread
  /// took an arena of its own, and memory freed in one arena (a run's decoded lines, once
  /// taken) could not serve the next thread's allocations, which grew fresh pages instead. At a
  /// million events that kept about 90 MB more resident at the peak, for no gain in speed on
  /// two cores (one arena a process was slower: the threads waited on its lock). Call it first,
  /// before any thread starts; it does nothing where the allocator is not glibc's.
  public static func limitToOnePerProcessor() {
    #if os(Linux) && canImport(Glibc)
      _ = setMallocOption(arenaMaxOption, Int32(clamping: max(2, System.onlineProcessors)))
    #endif
  }

  /// glibc's `M_ARENA_MAX` (`<malloc.h>`, which the Glibc module does not import).
  private static let arenaMaxOption: Int32 = -8
}

#if os(Linux) && canImport(Glibc)
  /// glibc's `int mallopt(int param, int value)`: two `Int32`s in and one out are passed alike
  /// by Swift's and C's calling conventions.
  @_silgen_name("mallopt")
  private func setMallocOption(_ parameter: Int32, _ value: Int32) -> Int32
#endif
