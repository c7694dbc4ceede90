import Foundation
import Testing
import TruceKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `truce replay --step` run on a pseudo-terminal: keys typed on the master side, screens read
/// back from it.
///
/// Ctrl-C, which the terminal in key mode delivers as a key, exits with status 130 (the shells'
/// status for "ended by Ctrl-C") after restoring the terminal; `SIGINT` or `SIGTERM` sent as a
/// signal restore it too, then end the process by that signal.
@Suite("truce replay --step on a terminal, end to end")
struct InteractiveReplayTests {
  /// The steps the bundled history replays: their count, and the number of the first placed at
  /// or after the start of 4 November 2016 in Aleppo, from `truce replay --json`.
  private static func expectedSteps() throws -> (total: Int, firstOn4November: Int) {
    let result = try TruceProcess.run(["replay", "--json"])
    #expect(result.status == 0, "\(result.stderr)")
    let zone = try #require(Zone(identifier: "Asia/Damascus"))
    guard case .day(_, let start, _) = try Moment(parsing: "2016-11-04", zone: zone) else {
      Issue.record("2016-11-04 is not read as a day")
      return (0, 0)
    }
    var first: Int?
    let lines = result.stdout.split(separator: "\n")
    for line in lines {
      let object = try #require(try JSONParser.parse(String(line)).objectValue)
      let placedAt = try #require(object["placedAt"]?.stringValue)
      guard case .instant(let instant, _) = try Moment(parsing: placedAt, zone: nil) else {
        continue
      }
      if instant >= start {
        first = object["step"]?.intValue
        break
      }
    }
    return (lines.count, try #require(first))
  }

  @Test("Keys step on, back and to a date, fitting the width; q exits 0 and restores the terminal")
  func stepping() throws {
    let (total, firstOn4November) = try Self.expectedSteps()
    let terminal = try PseudoTerminal(["replay", "--step"], columns: 100, rows: 30)
    #expect(terminal.lineMode == (canonical: true, echo: true, signals: true))

    let first = try #require(terminal.screen { $0.hasPrefix("step 1 of \(total) · ") })
    // COLUMNS says 80, the window 100: the header (96 columns) shows whole.
    #expect(
      first.lines.first
        == "step 1 of \(total) · announced 2016-09 (month only); placed at the start of the period "
        + "it is known to")
    #expect(first.lines.count == 30)
    #expect(first.lines.allSatisfy { $0.count <= 100 })
    #expect(first.text.contains("on record so far: 1 pause · "))
    #expect(first.lines.last == StepBrowser.legend)
    #expect(terminal.lineMode == (canonical: false, echo: false, signals: false))

    for (key, number) in [
      ("\r", 2), ("b", 1), (" ", 2), ("\u{1B}[C", 3), ("\u{1B}[D", 2), ("b", 1), ("\n", 2),
    ] {
      terminal.type(key)
      let screen = terminal.screen { $0.hasPrefix("step \(number) of \(total) · ") }
      #expect(screen != nil, "no step \(number) after \(key.debugDescription)")
      #expect(screen?.lines.allSatisfy { $0.count <= 100 } == true)
    }

    terminal.type("g")
    #expect(terminal.screen { $0.hasSuffix(StepBrowser.datePrompt) } != nil)
    terminal.type("2016-11-04")
    #expect(terminal.screen { $0.hasSuffix(StepBrowser.datePrompt + "2016-11-04") } != nil)
    terminal.type("\r")
    let landed = terminal.screen { $0.hasPrefix("step \(firstOn4November) of \(total) · ") }
    #expect(landed != nil, "\(terminal.latestScreen?.text ?? terminal.transcript)")
    #expect(landed?.lines.last == StepBrowser.legend)

    terminal.type("q")
    let ending = try #require(terminal.waitForExit())
    #expect(ending == (.exit, 0))
    #expect(terminal.lineMode == (canonical: true, echo: true, signals: true))
  }

  @Test(
    "Ctrl-C exits with status 130 and restores the terminal, while browsing or typing a date",
    arguments: ["\u{03}", "g2016\u{03}"])
  func controlC(keys: String) throws {
    let terminal = try PseudoTerminal(["replay", "--step"], columns: 80, rows: 24)
    #expect(terminal.screen { $0.hasPrefix("step 1 of ") } != nil)
    terminal.type(keys)
    let ending = try #require(terminal.waitForExit())
    #expect(ending == (.exit, 130))
    #expect(terminal.lineMode == (canonical: true, echo: true, signals: true))
  }

  @Test(
    "SIGINT or SIGTERM sent as a signal restores the terminal, then ends the process by it",
    arguments: [SIGINT, SIGTERM])
  func signals(signal: Int32) throws {
    let terminal = try PseudoTerminal(["replay", "--step"], columns: 80, rows: 24)
    #expect(terminal.screen { $0.hasPrefix("step 1 of ") } != nil)
    #expect(terminal.lineMode == (canonical: false, echo: false, signals: false))
    terminal.send(signal)
    let ending = try #require(terminal.waitForExit())
    #expect(ending == (.uncaughtSignal, signal))
    #expect(terminal.lineMode == (canonical: true, echo: true, signals: true))
  }

  @Test("After the window shrinks, the next screen fits the new size")
  func resize() throws {
    let terminal = try PseudoTerminal(["replay", "--step"], columns: 100, rows: 30)
    #expect(terminal.screen { $0.hasPrefix("step 1 of ") } != nil)
    terminal.resize(columns: 60, rows: 12)
    terminal.type(" ")
    let screen = try #require(terminal.screen { $0.hasPrefix("step 2 of ") })
    #expect(screen.lines.count == 12)
    #expect(screen.lines.allSatisfy { $0.count <= 60 })
    #expect(screen.lines.first?.hasSuffix("…") == true)
    terminal.type("q")
    #expect(try #require(terminal.waitForExit()) == (.exit, 0))
  }

  @Test("When the terminal goes away, the session ends instead of waiting for ever")
  func terminalClosed() throws {
    let terminal = try PseudoTerminal(["replay", "--step"], columns: 80, rows: 24)
    #expect(terminal.screen { $0.hasPrefix("step 1 of ") } != nil)
    terminal.closeMaster()
    #expect(terminal.waitForExit() != nil)
  }

  @Test(
    "Piped, --step writes exactly what replay writes, with no prompts",
    arguments: [["replay"], ["replay", "--json"], ["replay", "--type", "pause", "--utc"]])
  func piped(arguments: [String]) throws {
    let plain = try TruceProcess.run(arguments)
    let stepped = try TruceProcess.run(arguments + ["--step"])
    #expect(stepped.status == 0)
    #expect(stepped.stderr.isEmpty)
    #expect(!stepped.stdout.isEmpty)
    #expect(stepped.stdout == plain.stdout)
    #expect(!stepped.stdout.contains("\u{1B}"))
    #expect(!stepped.stdout.contains(StepBrowser.legend))
  }

  @Test("On a terminal, --step --json writes every step as a JSON line, with no prompts")
  func jsonOnTerminal() throws {
    let plain = try TruceProcess.run(["replay", "--json"])
    let terminal = try PseudoTerminal(["replay", "--step", "--json"], columns: 80, rows: 24)
    let ending = try #require(terminal.waitForExit())
    #expect(ending == (.exit, 0))
    terminal.drain()
    #expect(terminal.transcript.replacingOccurrences(of: "\r\n", with: "\n") == plain.stdout)
  }
}

/// A screen as the terminal shows it: the text after a clear-screen, without escape sequences.
private struct Screen {
  var text: String
  var lines: [String] {
    text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }
}

/// The built `truce` running on a pseudo-terminal it takes as standard input, output and error.
///
/// Every wait ends at one deadline for the whole session, so a test never hangs; the process is
/// killed when the session ends while it runs.
private final class PseudoTerminal {
  /// How long a whole session may take.
  static let sessionSeconds: TimeInterval = 10
  /// The clear-screen sequence that starts every screen.
  static let clearScreen = "\u{1B}[H\u{1B}[2J"

  private var master: Int32
  private let slave: Int32
  private let process: Process
  private let deadline: Date
  private var output: [UInt8] = []

  /// Opens a pseudo-terminal of the given size and starts `truce` on it, from the repository
  /// root, with `COLUMNS=80` (the window's size must win over it).
  init(_ arguments: [String], columns: UInt16, rows: UInt16) throws {
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    self.master = master
    self.slave = slave
    process = Process()
    process.executableURL = TruceProcess.executable
    process.arguments = arguments
    process.currentDirectoryURL = TruceProcess.repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["COLUMNS"] = "80"
    environment.removeValue(forKey: "LINES")
    environment.removeValue(forKey: "TRUCE_LOG")
    process.environment = environment
    let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
    process.standardInput = handle
    process.standardOutput = handle
    process.standardError = handle
    deadline = Date().addingTimeInterval(Self.sessionSeconds)
    try process.run()
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    if master >= 0 { close(master) }
    close(slave)
  }

  /// Everything written to the terminal so far.
  var transcript: String { String(decoding: output, as: UTF8.self) }

  /// The last screen drawn so far.
  var latestScreen: Screen? {
    let parts = transcript.components(separatedBy: Self.clearScreen)
    guard parts.count > 1, let last = parts.last else { return nil }
    return Screen(text: Self.stripped(last))
  }

  /// The terminal's line mode as the slave side sees it.
  var lineMode: (canonical: Bool, echo: Bool, signals: Bool) {
    var settings = termios()
    _ = tcgetattr(slave, &settings)
    return (
      settings.c_lflag & tcflag_t(ICANON) != 0, settings.c_lflag & tcflag_t(ECHO) != 0,
      settings.c_lflag & tcflag_t(ISIG) != 0
    )
  }

  /// Types keys.
  func type(_ keys: String) {
    let bytes = Array(keys.utf8)
    var offset = 0
    while offset < bytes.count && Date() < deadline {
      let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
      if written > 0 { offset += written } else { usleep(1000) }
    }
  }

  /// Waits for the latest screen to be complete and to satisfy a condition.
  ///
  /// A screen is complete when it ends with the key legend or the date prompt (its last line),
  /// so that no half-written screen is judged.
  func screen(where condition: (String) -> Bool) -> Screen? {
    while true {
      drain()
      if let screen = latestScreen,
        let last = screen.lines.last,
        last == StepBrowser.legend || last.hasPrefix(StepBrowser.datePrompt),
        condition(screen.text)
      {
        return screen
      }
      guard Date() < deadline else { return nil }
      wait(milliseconds: 20)
    }
  }

  /// Waits for the process to end, reading what it writes meanwhile.
  ///
  /// - Returns: Why it ended and its status, or `nil` if it still runs at the deadline.
  func waitForExit() -> (Process.TerminationReason, Int32)? {
    while process.isRunning {
      guard Date() < deadline else { return nil }
      drain()
      wait(milliseconds: 20)
    }
    return (process.terminationReason, process.terminationStatus)
  }

  /// Sends a signal to the process.
  func send(_ signal: Int32) {
    kill(process.processIdentifier, signal)
  }

  /// Changes the window's size, as a terminal emulator does when its window is resized.
  func resize(columns: UInt16, rows: UInt16) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    #if canImport(Darwin)
      _ = ioctl(master, TIOCSWINSZ, &size)
    #else
      _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    #endif
  }

  /// Closes the master side: the terminal goes away.
  func closeMaster() {
    close(master)
    master = -1
  }

  /// Reads everything the terminal has for the master side now, without blocking.
  func drain() {
    guard master >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
      guard count > 0 else { return }
      output += buffer.prefix(count)
    }
  }

  /// Waits until the master side has something to read, or a while has passed.
  private func wait(milliseconds: Int32) {
    guard master >= 0 else {
      usleep(UInt32(milliseconds) * 1000)
      return
    }
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    _ = poll(&descriptor, 1, milliseconds)
  }

  /// Text without escape sequences and carriage returns.
  private static func stripped(_ text: String) -> String {
    var result = ""
    var iterator = text.unicodeScalars.makeIterator()
    while let scalar = iterator.next() {
      if scalar == "\r" { continue }
      guard scalar == "\u{1B}" else {
        result.unicodeScalars.append(scalar)
        continue
      }
      guard iterator.next() == "[" else { continue }
      while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
    }
    return result
  }
}
