#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An index file mapped into memory, for reading or for updating in place.
final class IndexFile {
  let path: String
  /// The mapped bytes: the header, then the table.
  let base: UnsafeMutableRawPointer
  /// The file's size.
  let size: Int
  private let descriptor: Int32

  /// Maps an existing index file; `nil` when it is missing, unreadable or too short to be an
  /// index.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - writable: Whether changes to the mapped bytes go to the file.
  init?(path: String, writable: Bool = true) {
    let descriptor = open(path, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size >= 128,
      let mapped = mmap(
        nil, Int(info.st_size), writable ? PROT_READ | PROT_WRITE : PROT_READ,
        writable ? MAP_SHARED : MAP_PRIVATE, descriptor, 0),
      mapped != UnsafeMutableRawPointer(bitPattern: -1)
    else {
      close(descriptor)
      return nil
    }
    self.path = path
    self.base = mapped
    self.size = Int(info.st_size)
    self.descriptor = descriptor
  }

  deinit {
    munmap(base, size)
    close(descriptor)
  }

  /// Makes everything written so far durable.
  ///
  /// `fdatasync` writes only the pages written to; `msync` over the whole mapping costs more
  /// than a millisecond on a large index, as it walks every page of it.
  func sync() throws(FileIOError) {
    guard fdatasync(descriptor) == 0 else {
      throw FileIOError(path: path, operation: "sync", code: errno)
    }
  }
}
