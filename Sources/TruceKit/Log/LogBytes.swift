#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log file's bytes, shared by the log and everything decoded from it: either the whole file in
/// memory, or the file itself, kept open and read a range at a time, so that a large log is never
/// held whole.
///
/// A log only grows by appends past the ``length`` read under its lock, so the bytes up to that
/// length stay what they were; a tool that ignores the lock and shortens the file makes later
/// reads come up short, which callers report rather than trust.
final class LogBytes: Sendable {
  /// The whole file, when it is held in memory (empty when it is read from the file).
  let bytes: [UInt8]
  /// The open file, when it is read a range at a time.
  let file: LogLineReader?
  /// How many of the file's bytes belong to the log.
  let length: Int

  /// The log held in memory.
  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    file = nil
    length = bytes.count
  }

  /// The log read from an open file, up to `length`; the descriptor is closed with this object.
  init(file: LogLineReader, length: Int) {
    bytes = []
    self.file = file
    self.length = length
  }

  deinit {
    if let file { close(file.descriptor) }
  }

  /// The bytes in `range`, or `nil` when the file no longer holds them all.
  func bytes(in range: Range<Int>) -> ArraySlice<UInt8>? {
    guard let file else {
      guard range.upperBound <= bytes.count else { return nil }
      return bytes[range]
    }
    guard let read = try? file.bytes(range), read.count == range.count else { return nil }
    return read[...]
  }

  /// Opens a log for reading under a shared lock, so that an append (which holds the lock
  /// exclusively) is seen whole or not at all: the length is taken and the head read under the
  /// lock, and the file stays open for reading up to that length.
  ///
  /// - Returns: The log's bytes and the head file's, if there is one.
  static func snapshot(path: String) throws(FileIOError) -> (log: LogBytes, head: [UInt8]?) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileIOError(path: path, operation: "open", code: errno) }
    let reader = LogLineReader(descriptor: descriptor, path: path)
    while flock(descriptor, LOCK_SH) != 0 {
      if errno == EINTR { continue }
      let code = errno
      close(descriptor)
      throw FileIOError(path: path, operation: "lock", code: code)
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      throw FileIOError(path: path, operation: "stat", code: code)
    }
    guard (info.st_mode & S_IFMT) != S_IFDIR else {
      close(descriptor)
      throw FileIOError(path: path, operation: "read", code: EISDIR)
    }
    let headPath = path + ".head"
    let head: [UInt8]?
    do { head = FileIO.exists(headPath) ? try FileIO.readAll(path: headPath) : nil } catch {
      close(descriptor)
      throw error
    }
    flock(descriptor, LOCK_UN)
    let log = LogBytes(file: reader, length: Int(info.st_size))
    return (log, head)
  }
}
