import Foundation
import TruceKit

#if canImport(Glibc)
  import Glibc
#endif

/// Timing and process helpers for the benchmark.
enum Measure {
  /// Seconds taken by `body`, best of `runs`.
  static func best(runs: Int = 3, _ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, runs) {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  /// Generates a log of `size` events at `path` with `truce generate`, then waits until the
  /// file is on disk: the kernel writes a freshly written file back in the background, and a
  /// measure taken meanwhile shares the machine with that work (a fold at 1M ran 0.83 s right
  /// after generating and 0.55 s once the file was written back).
  ///
  /// - Returns: Whether the log was generated and written back.
  static func generateSettled(_ truce: String, size: Int, at path: String) -> Bool {
    let generated = run(truce, ["generate", "--events", "\(size)", "--output", path])
    guard generated.status == 0 else { return false }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    return fsync(descriptor) == 0
  }

  /// What one run of a program took.
  struct Run {
    /// Wall time, start to exit.
    var seconds: Double
    /// Exit status.
    var status: Int32
    /// Maximum resident set size in bytes (from `wait4`).
    var maxRSS: Int
  }

  /// Runs a program to completion, its standard output read (and dropped) through a pipe.
  ///
  /// `maxRSS` counts the benchmark's own memory too (see ``PeakMemory``), which measures a
  /// program's peak properly.
  static func run(_ executable: String, _ arguments: [String]) -> Run {
    run(executable, arguments, keepingOutput: nil)
  }

  /// Runs a program to completion and returns what it wrote to standard output.
  static func output(_ executable: String, _ arguments: [String]) -> String {
    var output: [UInt8] = []
    _ = run(executable, arguments, keepingOutput: &output)
    return String(decoding: output, as: UTF8.self)
  }

  private static func run(
    _ executable: String, _ arguments: [String],
    keepingOutput output: UnsafeMutablePointer<[UInt8]>?
  ) -> Run {
    var pid: pid_t = 0
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { return Run(seconds: 0, status: -1, maxRSS: 0) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let start = DispatchTime.now().uptimeNanoseconds
    func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else {
      close(pipeEnds[0])
      close(pipeEnds[1])
      return Run(seconds: 0, status: -1, maxRSS: 0)
    }
    close(pipeEnds[1])
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      output?.pointee += buffer.prefix(count)
    }
    close(pipeEnds[0])
    var status: Int32 = 0
    var usage = rusage()
    _ = wait4(pid, &status, 0, &usage)
    let seconds = elapsed()
    return Run(
      seconds: seconds, status: (status >> 8) & 0xFF,
      maxRSS: Int(usage.ru_maxrss) * 1024)
  }

  /// Seconds for one bare `write` of a ~250-byte line plus `fsync`, on the disk holding `directory`.
  static func bareWriteAndSync(in directory: String, count: Int = 50) -> Double {
    let path = directory + "/bare-fsync.bin"
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    guard descriptor >= 0 else { return .nan }
    defer {
      close(descriptor)
      unlink(path)
    }
    let line = [UInt8](repeating: UInt8(ascii: "x"), count: 249) + [10]
    let seconds = best(runs: 1) {
      for _ in 0..<count {
        _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        fsync(descriptor)
      }
    }
    return seconds / Double(count)
  }
}

/// Formats numbers for the table.
enum Format {
  static func count(_ value: Int) -> String {
    let digits = String(value)
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return String(result.reversed())
  }

  static func bytes(_ value: Double) -> String {
    value >= 1e9
      ? String(format: "%.2f GB", value / 1e9)
      : value >= 1e6
        ? String(format: "%.1f MB", value / 1e6) : String(format: "%.0f kB", value / 1e3)
  }

  static func rate(_ bytesPerSecond: Double) -> String { bytes(bytesPerSecond) + "/s" }

  static func seconds(_ value: Double) -> String {
    value.isNaN
      ? "n/a"
      : value >= 1 ? String(format: "%.2f s", value) : String(format: "%.1f ms", value * 1000)
  }

  static func perSecond(_ value: Double) -> String {
    value >= 1e6 ? String(format: "%.2f M/s", value / 1e6) : String(format: "%.0f k/s", value / 1e3)
  }
}
