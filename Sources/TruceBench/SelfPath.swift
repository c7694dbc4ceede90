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
}
