/// A growable run of bytes written through a raw pointer: appending checks the room once per
/// piece rather than once per byte, for writers that append many small pieces.
///
/// Used from one thread, and never reentered: its properties are not checked for overlapping
/// access at run time.
final class ByteBuffer {
  @exclusivity(unchecked) private var base: UnsafeMutablePointer<UInt8>
  @exclusivity(unchecked) private var capacity: Int
  /// How many bytes are written.
  @exclusivity(unchecked) private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// Makes room for `extra` more bytes.
  @inline(__always)
  private func reserve(_ extra: Int) {
    if count + extra > capacity { grow(toHold: count + extra) }
  }

  private func grow(toHold needed: Int) {
    let newCapacity = max(needed, capacity * 2)
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  func append(_ bytes: UnsafeRawBufferPointer) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    reserve(bytes.count)
    UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: bytes.count)
    count += bytes.count
  }

  func append(_ bytes: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(bytes)) }

  /// Appends a text's UTF-8 bytes.
  func append(_ text: String) {
    text.withUTF8Bytes { append($0) }
  }

  /// Appends `count` copies of a byte.
  func append(repeating byte: UInt8, count repeats: Int) {
    guard repeats > 0 else { return }
    reserve(repeats)
    (base + count).initialize(repeating: byte, count: repeats)
    count += repeats
  }

  /// The bytes written, followed by `ending`, handed over: the buffer is left empty (keeping
  /// its room), for a writer that writes its text out a piece at a time.
  func take(endingWith ending: String = "") -> [UInt8] {
    defer { count = 0 }
    return bytes(endingWith: ending)
  }

  /// The bytes written, followed by `ending`.
  func bytes(endingWith ending: String = "") -> [UInt8] {
    ending.withUTF8Bytes { tail in
      [UInt8](unsafeUninitializedCapacity: count + tail.count) { buffer, initialized in
        guard let target = buffer.baseAddress else { return }
        target.initialize(from: base, count: count)
        if let tailBase = tail.baseAddress {
          UnsafeMutableRawPointer(target + count).copyMemory(from: tailBase, byteCount: tail.count)
        }
        initialized = count + tail.count
      }
    }
  }
}
