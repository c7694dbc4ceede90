#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log file opened for writing under an exclusive lock, released when closed.
///
/// Every writer (`append`, `verify --repair`) takes the lock before reading the log, so that what
/// it checks is what it writes after.
final class LockedLog {
  let path: String
  let descriptor: Int32
  private var isOpen = true

  init(path: String) throws(WriteError) {
    self.path = path
    let descriptor = open(path, O_RDWR | O_APPEND | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw .io(FileIOError(path: path, operation: "open", code: errno))
    }
    while flock(descriptor, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let code = errno
      close(descriptor)
      throw .io(FileIOError(path: path, operation: "lock", code: code))
    }
    self.descriptor = descriptor
  }

  /// Releases the lock and closes the file; writers call it when done (deinit is a backstop).
  func release() {
    guard isOpen else { return }
    isOpen = false
    flock(descriptor, LOCK_UN)
    close(descriptor)
  }

  deinit { release() }

  /// The log as it is now, read from the file a range at a time rather than held whole (the
  /// decoder reads it a run at a time on every core): through a duplicate of the descriptor,
  /// which the bytes close when they go, while this one keeps the lock.
  func contents() throws(WriteError) -> LogBytes {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw .io(FileIOError(path: path, operation: "stat", code: errno))
    }
    let duplicate = dup(descriptor)
    guard duplicate >= 0 else { throw .io(FileIOError(path: path, operation: "dup", code: errno)) }
    return LogBytes(
      file: LogLineReader(descriptor: duplicate, path: path), length: Int(info.st_size))
  }

  /// Appends bytes and flushes them; on failure, cuts the file back to `length`, so that no
  /// partial line stays behind.
  func append(_ bytes: [UInt8], restoringLength length: Int) throws(WriteError) {
    do {
      try FileIO.writeAll(bytes, descriptor: descriptor, path: path)
      try FileIO.sync(descriptor, path: path)
    } catch {
      _ = ftruncate(descriptor, off_t(length))
      _ = fsync(descriptor)
      throw .io(error)
    }
  }

  /// Cuts the file to `length` bytes and flushes.
  func truncate(to length: Int) throws(WriteError) {
    guard ftruncate(descriptor, off_t(length)) == 0 else {
      throw .io(FileIOError(path: path, operation: "truncate", code: errno))
    }
    do { try FileIO.sync(descriptor, path: path) } catch { throw .io(error) }
  }
}
