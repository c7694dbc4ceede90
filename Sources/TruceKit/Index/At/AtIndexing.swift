#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Building the index `truce at` answers from: at once (`truce index`), or in a process of its
/// own, started by a `truce at` that had to read the whole log, so that the answer is not kept
/// waiting for it.
public enum AtIndexing {
  /// What building the index found.
  public struct Summary: Hashable, Sendable {
    /// Where the index is.
    public var path: String
    /// Whether it was written (`false` when the one there already matched the log).
    public var written: Bool
    /// Items indexed: pauses, corridor groups, offensives and proposals.
    public var items: Int
    /// Of those, the ones whose lines alone fold as the whole log does.
    public var answeredAlone: Int
    /// The index's size in bytes.
    public var bytes: Int
  }

  /// Whether the index beside a log read in full matches it, every block of it its checksum:
  /// an index found damaged while answering (see ``IndexedLogReader``) is then built again.
  public static func isCurrent(for log: EventLog, path: String) -> Bool {
    guard let index = try? AtIndex(forLog: FileIO.resolved(path)) else { return false }
    return index.header.logLength == log.completeLength
      && index.header.lastLineHash == log.lastLineHash && index.blocks.checkAll()
  }

  /// Whether an index can be built for this log: one as recorded (no scenario), read whole,
  /// chained, with no torn tail.
  public static func canIndex(_ log: EventLog) -> Bool {
    log.hypothetical.isEmpty && log.torn == nil && log.isChained && log.appendedLines.isEmpty
  }

  /// Builds the index of a log read in full and writes it beside the log, unless the one there
  /// already matches.
  ///
  /// - Parameters:
  ///   - log: The log, read in full, as recorded.
  ///   - projection: Its projection with everything known (built when not given).
  ///   - path: The log's path.
  /// - Throws: ``FileIOError`` when the index cannot be written.
  public static func write(for log: EventLog, projection: Projection? = nil, path: String)
    throws(FileIOError) -> Summary
  {
    let resolved = FileIO.resolved(path)
    let target = AtIndex.path(forLog: resolved)
    if isCurrent(for: log, path: path), let index = try? AtIndex(forLog: resolved) {
      return summary(of: index, path: target, written: false)
    }
    let image = AtIndexBuilder.image(of: log, projection: projection ?? Projection(log: log))
    try AtIndexBuilder.write(image, atLog: resolved)
    guard let index = try? AtIndex(forLog: resolved) else {
      throw FileIOError(path: target, operation: "read back", code: EIO)
    }
    return summary(of: index, path: target, written: true)
  }

  /// The index beside a log, when it matches the log as it is now, with no lines appended since
  /// (checked as `truce at` checks it, without reading the whole log) and every block its
  /// checksum; `nil` otherwise.
  public static func currentIndex(ofLog path: String) -> Summary? {
    guard let reader = IndexedLogReader(path: path), reader.tailBytes == 0 else { return nil }
    let resolved = FileIO.resolved(path)
    guard let index = try? AtIndex(forLog: resolved), index.blocks.checkAll() else { return nil }
    return summary(of: index, path: AtIndex.path(forLog: resolved), written: false)
  }

  /// Runs `body` while holding the lock that one `truce index` at a time holds for a log (on
  /// `<log>.at-index.lock`), so that `truce at`s started together do not all index it; runs it
  /// unlocked when the lock file cannot be opened.
  public static func whileIndexing<Result>(logPath: String, _ body: () -> Result) -> Result {
    let lockPath = AtIndex.path(forLog: FileIO.resolved(logPath)) + ".lock"
    let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return body() }
    defer { close(descriptor) }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno != EINTR { return body() }
    }
    defer { flock(descriptor, LOCK_UN) }
    return body()
  }

  private static func summary(of index: AtIndex, path: String, written: Bool) -> Summary {
    // The names the projection does not list are not items (their lines serve replays).
    let items = (0..<index.count).compactMap(index.item).filter { $0.kind != .unlisted }
    return Summary(
      path: path, written: written, items: items.count,
      answeredAlone: items.filter(\.answersAlone).count, bytes: index.file.size)
  }

  /// The environment variable that, set to `0`, keeps `truce at` from indexing in the
  /// background (the benchmark measures indexing on its own).
  public static let backgroundVariable = "TRUCE_BACKGROUND_INDEX"

  /// Whether indexing in the background is allowed (``backgroundVariable`` is not `0`).
  public static var indexesInBackground: Bool {
    guard let setting = getenv(backgroundVariable) else { return true }
    return String(cString: setting) != "0"
  }

  /// Starts `truce index --log <path>` as a process of its own, detached from this one and from
  /// the terminal, its output discarded; does nothing when the variable above is `0` or this
  /// program's path cannot be found.
  public static func startInBackground(logPath: String) {
    guard indexesInBackground else { return }
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return }
    let executable = String(
      decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let arguments = [executable, "index", "--log", logPath]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(
        &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A session of its own: it outlives this process and its terminal. (glibc's
    // POSIX_SPAWN_SETSID, which Swift does not import; the flag means something else elsewhere.)
    #if os(Linux)
      posix_spawnattr_setflags(&attributes, 0x80)
    #endif
    var pid: pid_t = 0
    _ = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
  }
}
