import Glibc

/// Where the fast decoder reads a log's bytes during one parse: a buffer that holds the whole
/// file, or the open file, read a run at a time by the core that decodes the run.
///
/// Valid only during the parse: a buffer's pointer is borrowed from its owner for that long.
struct LogSource: @unchecked Sendable {
  private enum Backing {
    case memory(UnsafeRawBufferPointer)
    case file(LogLineReader)
  }

  private let backing: Backing
  /// How many bytes the log has.
  let length: Int
  /// The log's name, for errors.
  let name: String

  /// A log held in memory.
  init(memory buffer: UnsafeRawBufferPointer, name: String) {
    backing = .memory(buffer)
    length = buffer.count
    self.name = name
  }

  /// A log read from its file, up to `length`.
  init(file: LogLineReader, length: Int, name: String) {
    backing = .file(file)
    self.length = length
    self.name = name
  }

  /// The bytes in `range`.
  ///
  /// - Throws: ``LogError`` (``LogProblem/unreadable(_:)``) when the file cannot be read or no
  ///   longer holds them all.
  func read(_ range: Range<Int>) throws(LogError) -> RunBytes {
    switch backing {
    case .memory(let buffer):
      return RunBytes(
        offset: range.lowerBound, pointer: UnsafeRawBufferPointer(rebasing: buffer[range]),
        owner: nil)
    case .file(let file):
      let owner = OwnedBytes(count: range.count)
      let filled: Int
      do {
        filled = try file.read(
          into: UnsafeMutableRawBufferPointer(rebasing: owner.pointer[..<range.count]),
          at: range.lowerBound)
      } catch { throw LogError(file: name, line: nil, problem: .unreadable(error.description)) }
      guard filled == range.count else {
        throw LogError(
          file: name, line: nil,
          problem: .unreadable(
            "the file ends before byte \(range.upperBound): it got shorter while it was read "
              + "(changed by a tool that ignores the log's lock)"))
      }
      return RunBytes(
        offset: range.lowerBound,
        pointer: UnsafeRawBufferPointer(rebasing: owner.pointer[..<range.count]), owner: owner)
    }
  }

  /// Where the first newline at or after `offset` is, or `nil` when none is before ``length``.
  func newline(atOrAfter offset: Int) throws(LogError) -> Int? {
    var start = offset
    var window = 4 << 10
    while start < length {
      let end = min(length, start + window)
      let found = try read(start..<end).withBytes { bytes -> Int? in
        guard let base = bytes.baseAddress, let found = memchr(base, 0x0A, bytes.count) else {
          return nil
        }
        return base.distance(to: UnsafeRawPointer(found))
      }
      if let found { return start + found }
      start = end
      window = min(window * 4, 4 << 20)
    }
    return nil
  }

  /// Just past the last newline before `length`: where the log's complete lines end (0 when it
  /// has none).
  func lastCompleteEnd() throws(LogError) -> Int {
    var end = length
    var window = 4 << 10
    while end > 0 {
      let start = max(0, end - window)
      let found = try read(start..<end).withBytes { $0.lastIndex(of: UInt8(ascii: "\n")) }
      if let found { return start + found + 1 }
      end = start
      window = min(window * 4, 4 << 20)
    }
    return 0
  }
}

/// The bytes of one range of a log, from ``LogSource/read(_:)``: borrowed from the buffer that
/// holds the whole log, or read into memory this owns.
struct RunBytes: @unchecked Sendable {
  /// Where the range starts in the file.
  let offset: Int
  /// The range's bytes.
  let pointer: UnsafeRawBufferPointer
  /// The memory read from the file, kept as long as the bytes are.
  let owner: OwnedBytes?

  /// No bytes.
  static let empty = RunBytes(
    offset: 0, pointer: UnsafeRawBufferPointer(start: nil, count: 0), owner: nil)

  /// Runs `body` with the bytes, kept alive until it returns.
  func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    withExtendedLifetime(owner) { body(pointer) }
  }

  /// A copy of the bytes.
  var copied: [UInt8] { withBytes { Array($0) } }

  /// The bytes of a range given in file offsets, within this one; valid while this value (or a
  /// copy of it) is.
  func slice(_ range: Range<Int>) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(
      rebasing: pointer[(range.lowerBound - offset)..<(range.upperBound - offset)])
  }
}

/// Memory allocated for bytes read from a file, freed with this object.
final class OwnedBytes: @unchecked Sendable {
  let pointer: UnsafeMutableRawBufferPointer

  init(count: Int) { pointer = .allocate(byteCount: max(1, count), alignment: 16) }

  deinit { pointer.deallocate() }
}
