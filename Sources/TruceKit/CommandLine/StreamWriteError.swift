/// A failure to write to a file descriptor.
public enum StreamWriteError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The reading end is gone (`EPIPE`), as when `truce … | head` stops reading.
  case brokenPipe
  /// Another `write(2)` failure, with its `errno`.
  case failed(errno: Int32)

  /// A human-readable description of the failure.
  public var description: String {
    switch self {
    case .brokenPipe: return "The output pipe was closed by the reader."
    case .failed(let code): return "Writing output failed (errno \(code))."
    }
  }
}
