#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log mapped into memory read-only, for reading many scattered lines without a system call
/// for each.
///
/// Map a log only while holding a lock on it that keeps writers out (every reader holds a shared
/// one): appends and repairs, which change its length, take the exclusive lock.
final class LogMapping: @unchecked Sendable {
  /// The mapped bytes.
  let buffer: UnsafeRawBufferPointer

  /// Maps the first `size` bytes of an open log; `nil` when it cannot be mapped.
  init?(descriptor: Int32, size: Int) {
    guard size > 0,
      let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapped != UnsafeMutableRawPointer(bitPattern: -1)
    else { return nil }
    buffer = UnsafeRawBufferPointer(start: mapped, count: size)
  }

  deinit {
    if let base = buffer.baseAddress {
      munmap(UnsafeMutableRawPointer(mutating: base), buffer.count)
    }
  }

  /// The content of the line that starts at `offset` (without its newline, or a CR before it);
  /// `nil` when no newline ends it.
  func line(at offset: Int) -> Range<Int>? {
    guard offset >= 0, offset < buffer.count, let base = buffer.baseAddress,
      let found = memchr(base + offset, 0x0A, buffer.count - offset)
    else { return nil }
    var end = base.distance(to: UnsafeRawPointer(found))
    if end > offset && buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return offset..<end
  }
}
