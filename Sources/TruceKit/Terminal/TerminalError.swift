#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a terminal could not be put into key mode.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file descriptor is not a terminal.
  case notATerminal
  /// Reading or changing the terminal's settings failed with this `errno`.
  case settingsFailed(errno: Int32)

  public var description: String {
    switch self {
    case .notATerminal: return "not a terminal"
    case .settingsFailed(let code):
      return "cannot change the terminal's settings: \(String(cString: strerror(code)))"
    }
  }
}
