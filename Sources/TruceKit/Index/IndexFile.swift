#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An index file mapped into memory for reading and updating in place.
final class IndexFile {
  let path: String
  /// The mapped bytes: the header, then the table.
  let base: UnsafeMutableRawPointer
  /// The file's size.
  let size: Int
  private let descriptor: Int32

  /// Maps an existing index file; `nil` when it is missing, unreadable or not an index.
  init?(path: String) {
    let descriptor = open(path, O_RDWR | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0, info.st_size >= IndexHeader.size,
      let mapped = mmap(nil, Int(info.st_size), PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
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
