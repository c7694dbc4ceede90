#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Puts a terminal into key-at-a-time mode and back, even when the process is killed by a
/// signal.
///
/// ``enter(descriptor:)`` remembers the terminal's settings and turns off line editing, echo,
/// the keys that send signals (so Ctrl-C arrives as a key, ``Key/interrupt``) and flow control;
/// output processing stays on, so `\n` still starts a new line. ``restore()`` puts the settings
/// back. Until then, `SIGINT`, `SIGTERM` and `SIGHUP` restore them too before ending the process
/// as the signal would have, and `SIGWINCH` is noted for ``takeResize()``.
///
/// Only one terminal can be in this mode at a time: the saved settings live in one place the
/// signal handlers can reach.
public enum TerminalMode {
  /// What the signal handlers need, kept in raw memory so that they read it without Swift's
  /// exclusivity checks or any allocation, neither of which is safe inside a signal handler.
  private struct Saved {
    /// `1` while a terminal is in key mode and `settings` holds its old settings.
    var active: sig_atomic_t
    /// `1` when the window changed size since ``takeResize()`` last looked.
    var resized: sig_atomic_t
    /// The terminal's file descriptor.
    var descriptor: Int32
    /// The settings to restore.
    var settings: termios
  }

  /// The saved state, shared with the signal handlers.
  ///
  /// `nonisolated(unsafe)`: a signal handler cannot take a lock or hop to an actor, so this is
  /// one block allocated once and never freed. It is first touched by ``enter(descriptor:)``,
  /// before any handler is installed, so no handler runs its lazy initialization. The session's
  /// thread writes `settings` and `descriptor` before it sets `active` and installs the
  /// handlers, and clears `active` only after restoring, so a handler sees either nothing to do
  /// or complete settings (restoring them twice does no harm).
  private nonisolated(unsafe) static let saved: UnsafeMutablePointer<Saved> = {
    let pointer = UnsafeMutablePointer<Saved>.allocate(capacity: 1)
    pointer.initialize(to: Saved(active: 0, resized: 0, descriptor: -1, settings: termios()))
    return pointer
  }()

  /// What ``restore()`` puts back besides the terminal's settings: the signal dispositions and
  /// the signal mask found on entering.
  ///
  /// `nonisolated(unsafe)`: touched only by ``enter(descriptor:)`` and ``restore()``, on the
  /// thread that runs the session, never by a signal handler.
  private nonisolated(unsafe) static var previous: (actions: [Int32: sigaction], mask: sigset_t)?

  /// The signals after which the terminal is restored before the process ends.
  private static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Whether a file descriptor is a terminal.
  ///
  /// - Parameter descriptor: The file descriptor, such as `STDIN_FILENO`.
  public static func isTerminal(_ descriptor: Int32) -> Bool {
    isatty(descriptor) == 1
  }

  /// Saves a terminal's settings and switches it to key-at-a-time mode without echo.
  ///
  /// The handlers for `SIGINT`, `SIGTERM`, `SIGHUP` and `SIGWINCH` are installed, and those
  /// signals unblocked, until ``restore()``: a process started with them blocked (as some
  /// launchers do) would otherwise never restore the terminal. A signal ignored on entry, such as
  /// `SIGHUP` under `nohup`, stays ignored.
  ///
  /// - Parameter descriptor: The terminal, usually standard input.
  /// - Throws: ``TerminalError/notATerminal`` when the descriptor is not a terminal,
  ///   ``TerminalError/settingsFailed(errno:)`` when its settings cannot be read or changed.
  public static func enter(descriptor: Int32) throws(TerminalError) {
    var original = termios()
    guard tcgetattr(descriptor, &original) == 0 else {
      let code = errno
      throw code == ENOTTY ? .notATerminal : .settingsFailed(errno: code)
    }
    restore()
    saved.pointee.descriptor = descriptor
    saved.pointee.settings = original
    saved.pointee.resized = 0
    saved.pointee.active = 1
    installHandlers()
    var keys = original
    keys.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    keys.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | IGNCR)
    setControlCharacter(&keys, VMIN, 1)
    setControlCharacter(&keys, VTIME, 0)
    guard tcsetattr(descriptor, TCSAFLUSH, &keys) == 0 else {
      let code = errno
      restore()
      throw .settingsFailed(errno: code)
    }
  }

  /// Puts back the settings ``enter(descriptor:)`` saved, the signal handlers and the signal
  /// mask; does nothing when no terminal is in key mode.
  public static func restore() {
    guard saved.pointee.active == 1 else { return }
    // The settings first: a signal arriving before `active` is cleared restores them again,
    // which does no harm, whereas one arriving after must find nothing left to do.
    var settings = saved.pointee.settings
    _ = tcsetattr(saved.pointee.descriptor, TCSANOW, &settings)
    saved.pointee.active = 0
    guard let previous else { return }
    for (signal, action) in previous.actions {
      var action = action
      _ = sigaction(signal, &action, nil)
    }
    var mask = previous.mask
    _ = pthread_sigmask(SIG_SETMASK, &mask, nil)
    self.previous = nil
  }

  /// Whether the window changed size since the last call, clearing the note.
  public static func takeResize() -> Bool {
    guard saved.pointee.resized == 1 else { return false }
    saved.pointee.resized = 0
    return true
  }

  /// Ends the process with status 130, the shells' status for "ended by Ctrl-C", after
  /// restoring the terminal.
  public static func exitInterrupted() -> Never {
    restore()
    exit(128 + SIGINT)
  }

  /// Restores the terminal from inside a signal handler: only async-signal-safe calls.
  private static func restoreFromSignal() {
    guard saved.pointee.active == 1 else { return }
    _ = tcsetattr(saved.pointee.descriptor, TCSANOW, &saved.pointee.settings)
    saved.pointee.active = 0
  }

  private static func installHandlers() {
    var actions: [Int32: sigaction] = [:]
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in endingSignals + [SIGWINCH] {
      var old = sigaction()
      _ = sigaction(number, nil, &old)
      if number != SIGWINCH && isIgnored(old) { continue }
      actions[number] = old
      sigaddset(&unblocked, number)
      if number == SIGWINCH {
        setHandler(number) { _ in TerminalMode.saved.pointee.resized = 1 }
      } else {
        setHandler(number) { received in
          TerminalMode.restoreFromSignal()
          // End as the signal would have, once this handler returns and unblocks it, so that
          // the parent sees "killed by SIGINT" and a calling script stops too.
          _ = signal(received, SIG_DFL)
          _ = raise(received)
        }
      }
    }
    var mask = sigset_t()
    _ = pthread_sigmask(SIG_UNBLOCK, &unblocked, &mask)
    previous = (actions, mask)
  }

  private static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Darwin)
      let handler = action.__sigaction_u.__sa_handler
    #else
      let handler = action.__sigaction_handler.sa_handler
    #endif
    guard let handler else { return false }
    return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
  }

  /// Installs a handler with `sigaction`, without `SA_RESTART` so that a `poll` waiting for a
  /// key returns when the window is resized.
  private static func setHandler(_ signal: Int32, _ handler: @convention(c) (Int32) -> Void) {
    var action = sigaction()
    #if canImport(Darwin)
      action.__sigaction_u.__sa_handler = handler
    #else
      action.__sigaction_handler.sa_handler = handler
    #endif
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0
    _ = sigaction(signal, &action, nil)
  }

  private static func setControlCharacter(_ settings: inout termios, _ index: Int32, _ value: UInt8)
  {
    withUnsafeMutableBytes(of: &settings.c_cc) { bytes in
      bytes[Int(index)] = value
    }
  }
}
