import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the machine offers.
enum System {
  /// The cores this process may use, quotas included, asked once (Foundation reads them from the
  /// control groups, which takes a while: for work that runs long).
  static let activeCores = ProcessInfo.processInfo.activeProcessorCount

  /// The processors online, asked of the system at once: for deciding, in a short-lived
  /// process, whether a second thread can help at all.
  static var onlineProcessors: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
