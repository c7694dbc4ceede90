import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The benchmark's own executable, which it starts again as a helper.
enum SelfPath {
  /// The path of the running executable (from `/proc/self/exe`), else the name it was run by.
  static func executable() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Ends a helper started without the argument its flag needs: says so on standard error, in
  /// the form the benchmark's other misuse takes, and exits 64 (a usage error).
  static func exitMissing(_ argument: String, after flag: String) -> Never {
    FileHandle.standardError.write(
      Data(
        """
        Error: Missing value for '\(flag) \(argument)'
        Usage: truce-bench \(flag) \(argument)
          (a helper the benchmark starts itself; see 'truce-bench --help' for the benchmark)

        """.utf8))
    exit(64)
  }
}
