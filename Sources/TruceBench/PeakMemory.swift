import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The peak memory of a program run, measured so that the benchmark's own memory does not count.
///
/// A process that `posix_spawn` starts shares its parent's memory until it runs the new program,
/// and Linux keeps the larger of that memory's peak and the new program's in `ru_maxrss`: a child
/// of the benchmark, which holds a million decoded events, would report the benchmark's peak. So
/// the benchmark starts a fresh copy of itself (`--peak-memory-of`), small, which runs the
/// program and reports the peak `wait4` gives for it.
enum PeakMemory {
  /// The argument that makes the benchmark run one program and print its peak memory.
  static let helperFlag = "--peak-memory-of"

  /// The peak resident memory, in bytes, of a run of `executable` with `arguments`; 0 when it
  /// could not be measured.
  static func of(_ executable: String, _ arguments: [String]) -> Int {
    let helper = Measure.output(SelfPath.executable(), [helperFlag, executable] + arguments)
    return Int(helper.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
  }

  /// In the helper: runs the program (its output discarded) and prints its peak memory in bytes.
  static func runAsHelper(_ arguments: [String]) -> Never {
    guard let executable = arguments.first else {
      SelfPath.exitMissing("<program> [<argument> ...]", after: helperFlag)
    }
    let argv = arguments.map { strdup($0) } + [nil]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { exit(1) }
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    print(Int(usage.ru_maxrss) * 1024)
    exit(0)
  }
}
