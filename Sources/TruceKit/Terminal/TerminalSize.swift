#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The size of a terminal window, in character cells.
public struct TerminalSize: Hashable, Sendable {
  /// The size assumed when neither the terminal nor the environment gives one.
  public static let fallback = TerminalSize(columns: 80, rows: 24)

  /// The number of columns.
  public var columns: Int
  /// The number of rows.
  public var rows: Int

  /// Creates a size.
  public init(columns: Int, rows: Int) {
    self.columns = columns
    self.rows = rows
  }

  /// The size of the terminal on a file descriptor (`TIOCGWINSZ`), else `COLUMNS` and `LINES`
  /// from the environment, else ``fallback``.
  ///
  /// The terminal comes first, unlike for help text: the window may be resized while stepping,
  /// and the environment keeps the size it had at start.
  ///
  /// - Parameter descriptor: A file descriptor on the terminal, such as `STDOUT_FILENO`.
  public static func of(descriptor: Int32) -> TerminalSize {
    var size = winsize()
    #if canImport(Darwin)
      let result = ioctl(descriptor, TIOCGWINSZ, &size)
    #else
      let result = ioctl(descriptor, UInt(TIOCGWINSZ), &size)
    #endif
    if result == 0, size.ws_col > 0, size.ws_row > 0 {
      return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }
    return TerminalSize(
      columns: environment("COLUMNS") ?? fallback.columns,
      rows: environment("LINES") ?? fallback.rows)
  }

  private static func environment(_ name: String) -> Int? {
    guard let value = getenv(name), let number = Int(String(cString: value)), number > 0 else {
      return nil
    }
    return number
  }
}
