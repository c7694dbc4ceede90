#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The few POSIX file operations the log needs, with errors that name the file and the reason.
///
/// Writes go through `write(2)` on descriptors so that appends are single system calls with
/// `O_APPEND`, followed by `fsync`, under an exclusive `flock`.
enum FileIO {
  /// Reads a whole file.
  static func readAll(path: String) throws(FileIOError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileIOError(path: path, operation: "open", code: errno) }
    defer { close(descriptor) }
    return try readAll(descriptor: descriptor, path: path)
  }

  /// Reads everything from an open descriptor, from its start.
  static func readAll(descriptor: Int32, path: String) throws(FileIOError) -> [UInt8] {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw FileIOError(path: path, operation: "stat", code: errno)
    }
    if (info.st_mode & S_IFMT) == S_IFDIR {
      throw FileIOError(path: path, operation: "read", code: EISDIR)
    }
    // Read straight into the array, sized by the file (a byte more, to see its end at once); a
    // file that grows meanwhile is read on into a larger one.
    var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size) + 1, 64))
    var filled = 0
    while true {
      if filled == bytes.count { bytes += repeatElement(0, count: bytes.count) }
      let count = bytes.withUnsafeMutableBytes { buffer in
        pread(
          descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled, off_t(filled))
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIOError(path: path, operation: "read", code: errno)
      }
      if count == 0 {
        bytes.removeSubrange(filled...)
        return bytes
      }
      filled += count
    }
  }

  /// Everything left to read from a descriptor that may not seek (a pipe, standard input), read
  /// with `read(2)` to its end.
  static func readStream(descriptor: Int32, path: String) throws(FileIOError) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIOError(path: path, operation: "read", code: errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }

  /// Writes all of `bytes` to a descriptor, retrying short writes.
  static func writeAll(_ bytes: [UInt8], descriptor: Int32, path: String) throws(FileIOError) {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIOError(path: path, operation: "write", code: errno)
      }
      written += count
    }
  }

  /// Flushes a descriptor's data to the disk.
  static func sync(_ descriptor: Int32, path: String) throws(FileIOError) {
    guard fsync(descriptor) == 0 else {
      throw FileIOError(path: path, operation: "fsync", code: errno)
    }
  }

  /// Flushes the directory holding `path`, so that a created or renamed entry is durable.
  static func syncDirectory(of path: String) throws(FileIOError) {
    let directory = directoryName(of: path)
    let descriptor = open(directory, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw FileIOError(path: directory, operation: "open", code: errno)
    }
    defer { close(descriptor) }
    try sync(descriptor, path: directory)
  }

  /// Writes a small file atomically: a temporary file, fsync, rename over, fsync the directory.
  static func replaceAtomically(path: String, with bytes: [UInt8]) throws(FileIOError) {
    let temporary = path + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw FileIOError(path: temporary, operation: "create", code: errno)
    }
    do {
      try writeAll(bytes, descriptor: descriptor, path: temporary)
      try sync(descriptor, path: temporary)
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    guard rename(temporary, path) == 0 else {
      let code = errno
      unlink(temporary)
      throw FileIOError(path: path, operation: "rename", code: code)
    }
    try syncDirectory(of: path)
  }

  /// Creates a new file with `bytes` and makes it durable; fails with `EEXIST` if it exists.
  static func createExclusively(path: String, with bytes: [UInt8]) throws(FileIOError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw FileIOError(path: path, operation: "create", code: errno) }
    defer { close(descriptor) }
    try writeAll(bytes, descriptor: descriptor, path: path)
    try sync(descriptor, path: path)
    try syncDirectory(of: path)
  }

  /// The path with symbolic links resolved, so that the head sits beside the real log; the path
  /// as given when it cannot be resolved (it does not exist yet).
  static func resolved(_ path: String) -> String {
    guard let real = realpath(path, nil) else { return path }
    defer { free(real) }
    return String(cString: real)
  }

  /// Whether something exists at a path.
  static func exists(_ path: String) -> Bool {
    access(path, F_OK) == 0
  }

  /// `path` inside `directory` (`path` itself when it is absolute).
  static func joined(_ directory: String, _ path: String) -> String {
    if path.hasPrefix("/") || directory.isEmpty { return path }
    return directory.hasSuffix("/") ? directory + path : directory + "/" + path
  }

  /// The folder a path is in: `.` for a bare name, `/` for a name at the root.
  static func directoryName(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = String(path[..<slash])
    return directory.isEmpty ? "/" : directory
  }
}

/// A file operation that failed, with the system's reason.
public struct FileIOError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file.
  public var path: String
  /// What was being done: "open", "write", "fsync", …
  public var operation: String
  /// The `errno` value.
  public var code: Int32

  public var description: String {
    let reason: String
    switch code {
    case ENOENT: reason = "no such file"
    case EACCES, EPERM: reason = "permission denied"
    case EISDIR: reason = "is a directory"
    case EEXIST: reason = "already exists"
    case ENOSPC: reason = "no space left on the device"
    default: reason = String(cString: strerror(code))
    }
    return operation == "open" || operation == "read" ? reason : "\(operation) failed: \(reason)"
  }
}
