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

  func readAll() throws(WriteError) -> [UInt8] {
    do { return try FileIO.readAll(descriptor: descriptor, path: path) } catch { throw .io(error) }
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
