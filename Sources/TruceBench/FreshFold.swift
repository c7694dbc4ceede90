import Foundation
import TruceKit

#if canImport(Glibc)
  import Glibc
#endif

/// The fold timed in a fresh process, where every page it writes is new to the process.
///
/// A fold writes a few hundred megabytes at a million events. In a fresh process (a `truce at`
/// with no index) each of those pages is new and the kernel clears it on first touch; in a process
/// that freed memory before (the benchmark, after decoding and the reference decoder), the fold
/// reuses freed pages, and its speed depends on what ran before. So the benchmark starts a fresh
/// copy of itself (`--fold-once`), which reads the log, folds it once and prints the seconds the
/// fold took.
enum FreshFold {
  /// The argument that makes the benchmark fold one log once and print the seconds.
  static let helperFlag = "--fold-once"

  /// The argument after ``helperFlag`` that folds the log's events held as records (as a cold
  /// `truce at` does) rather than decoded.
  static let recordsFlag = "--records"

  /// The seconds one fold of the log at `path` takes in a fresh process, the best of `runs`
  /// processes, of its events decoded or (`records`) held as records; `nil` when a helper failed.
  ///
  /// Best of several: a fold at 1M touches about 58,000 pages new to its process, and on this
  /// project's virtual machine their faults took from 0.16 to 0.65 s of system time from run to
  /// run (most, it seems, when the host had just taken back memory another process freed).
  static func seconds(ofLogAt path: String, records: Bool = false, runs: Int = 3) -> Double? {
    var best: Double?
    for _ in 0..<max(1, runs) {
      let output = Measure.output(
        SelfPath.executable(), [helperFlag] + (records ? [recordsFlag] : []) + [path])
      guard let seconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
        return nil
      }
      best = min(best ?? seconds, seconds)
    }
    return best
  }

  /// In the helper: reads the log and applies its errata (not timed), folds it once (timed) and
  /// prints the seconds; after ``recordsFlag``, the log is read as records and they are folded.
  /// The allocator is set up as `truce` sets it up. A log that cannot be read is an error on
  /// standard error (exit 1), with nothing on standard output; no log given, a usage error
  /// (exit 64).
  static func runAsHelper(_ arguments: [String]) -> Never {
    AllocatorArenas.limitToOnePerProcessor()
    let records = arguments.first == recordsFlag
    guard let path = arguments.dropFirst(records ? 1 : 0).first else {
      SelfPath.exitMissing("<log>", after: helperFlag)
    }
    var log: EventLog
    do { log = try EventLog.read(path: path, options: records ? .readingRecords : .reading) } catch
    {
      FileHandle.standardError.write(Data("truce-bench --fold-once: \(error.description)\n".utf8))
      exit(1)
    }
    let taken = records ? log.takeEffectiveRecords() : nil
    let events = records ? [] : log.takeEffectiveEvents()
    let start = DispatchTime.now().uptimeNanoseconds
    let projection = taken.map { Projection(records: $0) } ?? Projection(events: events)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    // Kept until the time is taken, so that freeing it is not counted.
    withExtendedLifetime(projection) { print(seconds) }
    exit(0)
  }
}
