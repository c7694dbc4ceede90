#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes text to standard output and standard error with `write(2)`.
///
/// Swift 6 rejects the C globals `stdout` and `stderr`, so this writes to the
/// file descriptors directly, unbuffered: pass whole texts rather than many
/// small pieces, and do not mix with `print`, whose buffer is flushed later.
///
/// Broken pipes: call ``ignoreBrokenPipeSignal()`` once at start-up so that a
/// closed reader (`truce log | head`) makes `write(2)` fail with `EPIPE`
/// instead of killing the process with `SIGPIPE`. ``writeOut(_:)`` then ends
/// the process quietly with exit status 0: the reader has all it wanted.
public enum StandardStreams {
  /// The width used when neither `COLUMNS` nor the terminal gives one.
  public static let defaultTerminalWidth = 80

  /// Ignores `SIGPIPE`, so writing to a closed pipe fails with `EPIPE`.
  public static func ignoreBrokenPipeSignal() {
    _ = signal(SIGPIPE, SIG_IGN)
  }

  /// Writes text to standard output; on a broken pipe, exits quietly with 0.
  ///
  /// Other write failures are ignored: there is nowhere left to report them.
  ///
  /// - Parameter text: The text to write, with its own newlines.
  public static func writeOut(_ text: String) {
    writeOut(bytes: Array(text.utf8))
  }

  /// Writes UTF-8 bytes to standard output; on a broken pipe, exits quietly with 0.
  ///
  /// - Parameter bytes: The text's bytes, with its own newlines.
  public static func writeOut(bytes: [UInt8]) {
    do {
      try write(bytes: bytes, to: STDOUT_FILENO)
    } catch .brokenPipe {
      exit(.success)
    } catch {
      return
    }
  }

  /// Writes text to standard error, ignoring failures.
  ///
  /// - Parameter text: The text to write, with its own newlines.
  public static func writeError(_ text: String) {
    try? write(text, to: STDERR_FILENO)
  }

  /// Writes all of a text's UTF-8 bytes to a file descriptor, retrying after
  /// interruptions and partial writes.
  ///
  /// - Parameters:
  ///   - text: The text to write.
  ///   - descriptor: The file descriptor, such as `STDOUT_FILENO`.
  /// - Throws: ``StreamWriteError/brokenPipe`` when the reader is gone (and
  ///   `SIGPIPE` is ignored), ``StreamWriteError/failed(errno:)`` otherwise.
  public static func write(_ text: String, to descriptor: Int32) throws(StreamWriteError) {
    try write(bytes: Array(text.utf8), to: descriptor)
  }

  /// Writes all of these bytes to a file descriptor, as ``write(_:to:)`` writes a text's.
  ///
  /// - Parameters:
  ///   - bytes: The bytes to write.
  ///   - descriptor: The file descriptor, such as `STDOUT_FILENO`.
  /// - Throws: ``StreamWriteError/brokenPipe`` when the reader is gone (and `SIGPIPE` is
  ///   ignored), ``StreamWriteError/failed(errno:)`` otherwise.
  public static func write(bytes: [UInt8], to descriptor: Int32) throws(StreamWriteError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return systemWrite(descriptor, base + offset, buffer.count - offset)
      }
      if written >= 0 {
        offset += written
        continue
      }
      let code = errno
      if code == EINTR || code == EAGAIN { continue }
      throw code == EPIPE ? .brokenPipe : .failed(errno: code)
    }
  }

  /// Ends the process with an exit status.
  ///
  /// - Parameter code: The exit status.
  public static func exit(_ code: ExitCode) -> Never {
    systemExit(code.rawValue)
  }

  /// The terminal width for help text, found as swift-argument-parser does:
  /// the `COLUMNS` environment variable, else the size of the terminal on
  /// standard output, else ``defaultTerminalWidth``.
  public static var terminalWidth: Int {
    if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns > 0 {
      return columns
    }
    var size = winsize()
    #if canImport(Darwin)
      let result = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)
    #else
      let result = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
    #endif
    if result == 0, size.ws_col > 0 { return Int(size.ws_col) }
    return defaultTerminalWidth
  }

  /// The C library's `write(2)`.
  private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int)
    -> Int
  {
    #if canImport(Glibc)
      return Glibc.write(descriptor, bytes, count)
    #elseif canImport(Musl)
      return Musl.write(descriptor, bytes, count)
    #else
      return Darwin.write(descriptor, bytes, count)
    #endif
  }

  /// The C library's `exit(3)`.
  private static func systemExit(_ status: Int32) -> Never {
    #if canImport(Glibc)
      Glibc.exit(status)
    #elseif canImport(Musl)
      Musl.exit(status)
    #else
      Darwin.exit(status)
    #endif
  }
}
