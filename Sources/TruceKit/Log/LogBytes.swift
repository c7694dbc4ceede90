/// A log file's bytes, shared by the log and everything decoded from it without copying.
final class LogBytes: Sendable {
  /// The whole file.
  let bytes: [UInt8]

  init(_ bytes: [UInt8]) { self.bytes = bytes }
}
