#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a ``StepBrowser`` on a terminal: draws its screen, reads keys, and puts the terminal
/// back however the session ends.
public enum StepBrowserSession {
  /// How a session ended.
  public enum Ending: Hashable, Sendable {
    /// The reader pressed `q` (or Ctrl-D).
    case quit
    /// The reader pressed Ctrl-C.
    case interrupted
    /// The terminal's input ended, or it could no longer be written to.
    case closed
  }

  /// The clear-screen sequence: cursor home, then erase the whole screen.
  static let clearScreen = "\u{1B}[H\u{1B}[2J"

  /// How long to wait for the rest of an escape sequence before taking a lone escape key.
  static let escapeWaitMilliseconds: Int32 = 50

  /// Whether standard input and standard output are both terminals, so a session can run.
  public static var canRun: Bool {
    TerminalMode.isTerminal(STDIN_FILENO) && TerminalMode.isTerminal(STDOUT_FILENO)
  }

  /// Shows a browser on a terminal until the reader quits or the input ends.
  ///
  /// The terminal is in key mode (see ``TerminalMode``) for the session and restored when it
  /// ends, the last screen left in place with the cursor on a new line below it. Every redraw
  /// asks the terminal its size, so the screen follows a resized window; `SIGWINCH` redraws at
  /// once.
  ///
  /// - Parameters:
  ///   - browser: The browser, at the step to start from.
  ///   - input: The terminal to read keys from.
  ///   - output: The terminal to draw on.
  /// - Returns: How the session ended.
  /// - Throws: ``TerminalError`` when the input is not a terminal or cannot be put into key
  ///   mode; nothing has been drawn then.
  public static func run(
    _ browser: StepBrowser, input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO
  ) throws(TerminalError) -> Ending {
    try TerminalMode.enter(descriptor: input)
    defer {
      TerminalMode.restore()
      try? StandardStreams.write("\n", to: output)
    }
    var browser = browser
    var reader = KeyReader()
    guard draw(browser, on: output) else { return .closed }
    while true {
      let keys: [Key]
      switch waitForBytes(on: input, timeout: reader.hasPending ? escapeWaitMilliseconds : -1) {
      case .bytes(let bytes): keys = reader.keys(from: bytes)
      case .timedOut: keys = reader.flush()
      case .interrupted: keys = []
      case .ended: return .closed
      }
      for key in keys {
        switch browser.handle(key) {
        case .carryOn: continue
        case .quit: return .quit
        case .interrupted: return .interrupted
        }
      }
      let resized = TerminalMode.takeResize()
      if !keys.isEmpty || resized {
        guard draw(browser, on: output) else { return .closed }
      }
    }
  }

  /// Clears the terminal and draws the browser's screen at the terminal's current size.
  ///
  /// - Returns: Whether the screen could be written.
  private static func draw(_ browser: StepBrowser, on output: Int32) -> Bool {
    let size = TerminalSize.of(descriptor: output)
    let screen = browser.screen(width: size.columns, height: size.rows)
    do {
      try StandardStreams.write(clearScreen + screen, to: output)
      return true
    } catch {
      return false
    }
  }

  private enum Wait {
    case bytes([UInt8])
    case timedOut
    case interrupted
    case ended
  }

  /// Waits for input, up to `timeout` milliseconds (`-1`: for ever), and reads what came.
  private static func waitForBytes(on input: Int32, timeout: Int32) -> Wait {
    var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, timeout)
    if ready == 0 { return .timedOut }
    if ready < 0 { return errno == EINTR ? .interrupted : .ended }
    var buffer = [UInt8](repeating: 0, count: 256)
    let count = buffer.withUnsafeMutableBytes { bytes in
      read(input, bytes.baseAddress, bytes.count)
    }
    if count > 0 { return .bytes(Array(buffer.prefix(count))) }
    if count < 0 && (errno == EINTR || errno == EAGAIN) { return .interrupted }
    return .ended
  }
}
