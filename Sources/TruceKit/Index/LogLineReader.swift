#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads single lines of a log by offset, without reading the rest of the file.
struct LogLineReader {
  /// The log, open for reading.
  let descriptor: Int32
  /// Its name, for errors.
  let path: String

  /// The bytes in `range`; fewer when the file ends first.
  func bytes(_ range: Range<Int>) throws(FileIOError) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: range.count)
    let filled = try result.withUnsafeMutableBytes { buffer in
      Result { () throws(FileIOError) in try read(into: buffer, at: range.lowerBound) }
    }.get()
    result.removeLast(range.count - filled)
    return result
  }

  /// Fills `buffer` with the bytes from `offset` on, retrying short reads.
  ///
  /// - Returns: How many bytes were read: fewer than the buffer holds when the file ends first.
  func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(FileIOError) -> Int {
    var filled = 0
    while filled < buffer.count {
      let count = pread(
        descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled,
        off_t(offset + filled))
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIOError(path: path, operation: "read", code: errno)
      }
      if count == 0 { break }
      filled += count
    }
    return filled
  }

  /// The line that starts at `offset`: its bytes without the newline (or a CR before it), and
  /// where the next line starts; `nil` when no newline ends it.
  func line(at offset: Int) throws(FileIOError) -> (content: [UInt8], end: Int)? {
    var chunk = 512
    while true {
      var read = try bytes(offset..<offset + chunk)
      let newline = read.withUnsafeBytes { buffer -> Int? in
        guard let base = buffer.baseAddress, let found = memchr(base, 0x0A, buffer.count) else {
          return nil
        }
        return base.distance(to: UnsafeRawPointer(found))
      }
      if let newline {
        // The line is the read cut short in place, not copied out of it.
        read.removeLast(read.count - newline)
        if read.last == UInt8(ascii: "\r") { read.removeLast() }
        return (read, offset + newline + 1)
      }
      if read.count < chunk { return nil }
      chunk *= 4
    }
  }

  /// The file's size.
  func size() throws(FileIOError) -> Int {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw FileIOError(path: path, operation: "stat", code: errno)
    }
    return Int(info.st_size)
  }

  /// The hash of the line that ends, with its newline, just before `length` (without the newline
  /// or a CR before it); `nil` when no newline is there.
  func hashOfLine(endingAt length: Int) throws(FileIOError) -> SHA256Digest? {
    guard length > 0 else { return nil }
    var chunk = 512
    while true {
      let start = max(0, length - chunk)
      let read = try bytes(start..<length)
      guard read.count == length - start, read.last == UInt8(ascii: "\n") else { return nil }
      let body = read.dropLast()
      if let newline = body.lastIndex(of: UInt8(ascii: "\n")) {
        var content = body[(newline + 1)...]
        if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        return SHA256.hash(content)
      }
      if start == 0 {
        var content = body[...]
        if content.last == UInt8(ascii: "\r") { content = content.dropLast() }
        return SHA256.hash(content)
      }
      chunk *= 4
    }
  }

  /// Whether the line at `offset` (an event's, `content`) names the line before it in `prev`,
  /// as readers check the last line of a log: an earlier line changed in place, even to the same
  /// length, breaks this. True for the header line and for a line that carries no `prev`.
  func chainsOnto(lineAt offset: Int, content: [UInt8]) throws(FileIOError) -> Bool {
    guard offset > 0 else { return true }
    guard case .object(let object)? = try? JSONParser.parse(content) else { return false }
    guard let prev = object["prev"] else { return true }
    guard case .string(let hex) = prev, let digest = SHA256Digest(hex: hex),
      let before = try hashOfLine(endingAt: offset)
    else { return false }
    return digest == before
  }

  /// Checks that the log still holds, where an index says, the last line the index covers: it
  /// starts at `offset`, ends (with its newline) at `end`, hashes to `hash`, and still names the
  /// line before it (as every reader checks the last line), so that an earlier line changed in
  /// place is noticed too.
  ///
  /// - Throws: ``IndexMismatch`` saying which of these no longer holds.
  func checkIndexedLine(at offset: Int, endingAt end: Int, hash: SHA256Digest)
    throws(IndexMismatch)
  {
    let line: (content: [UInt8], end: Int)?
    let chains: Bool
    do throws(FileIOError) {
      line = try self.line(at: offset)
      if let line {
        chains = try chainsOnto(lineAt: offset, content: line.content)
      } else {
        chains = false
      }
    } catch {
      throw IndexMismatch(reason: "\(error.path): \(error)")
    }
    guard let line, line.end == end, SHA256.hash(line.content) == hash else {
      throw IndexMismatch(reason: "the log's last indexed line changed")
    }
    guard chains else {
      throw IndexMismatch(
        reason: "the log's last indexed line no longer chains onto the line before")
    }
  }
}
