#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a new log from its header and events in order: gives each event `prev`, writes the
/// lines in large blocks, and flushes the file to the disk before it writes the head.
///
/// Only the last line's hash is kept, so a log of any length is written in constant memory.
struct ChainedLogWriter {
  let path: String
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  /// The hash of the last line written.
  private(set) var lastHash: SHA256Digest
  /// The log's length in bytes so far.
  private(set) var length = 0
  /// The header line's length, newline included.
  let headerLength: Int
  /// The number of events written.
  private(set) var seq = 0
  /// Whether the file is closed.
  private var closed = false

  /// Bytes gathered before a write.
  private static let blockSize = 1 << 20

  /// Creates the file (which must not exist) and buffers its header line.
  ///
  /// - Throws: ``WriteError/exists(_:)``, ``WriteError/log(_:)`` for a header the log reader
  ///   rejects, ``WriteError/io(_:)``.
  init(path: String, header: JSONObject) throws(WriteError) {
    var (descriptor, line) = try LogInitializer.openNew(path: path, header: header)
    self.path = path
    self.descriptor = descriptor
    lastHash = SHA256.hash(line)
    line.append(UInt8(ascii: "\n"))
    headerLength = line.count
    length = line.count
    buffer.reserveCapacity(Self.blockSize + 4096)
    buffer.append(contentsOf: line)
  }

  /// Adds an event: its `seq` must be the next one; `prev` is appended to its members.
  mutating func append(_ event: JSONObject) throws(WriteError) {
    var object = event
    object["prev"] = .string(lastHash.hex)
    var text = JSONValue.object(object).serialized()
    text.withUTF8 { bytes in
      lastHash = SHA256.hash(bytes)
      buffer.append(contentsOf: bytes)
    }
    buffer.append(UInt8(ascii: "\n"))
    length += text.utf8.count + 1
    seq += 1
    if buffer.count >= Self.blockSize { try flush() }
  }

  /// Writes what is buffered, flushes the file and its directory to the disk, closes it, and
  /// writes the head.
  ///
  /// - Returns: The head of the new log.
  mutating func finish() throws(WriteError) -> LogHead {
    do {
      try FileIO.writeAll(buffer, descriptor: descriptor, path: path)
      try FileIO.sync(descriptor, path: path)
      close(descriptor)
      closed = true
      try FileIO.syncDirectory(of: path)
      let head = LogHead(seq: seq, hash: lastHash, length: length)
      try head.write(forLog: path)
      return head
    } catch {
      throw .io(error)
    }
  }

  /// Closes and removes the file after a failure.
  func abandon() {
    if !closed { close(descriptor) }
    unlink(path)
  }

  private mutating func flush() throws(WriteError) {
    do { try FileIO.writeAll(buffer, descriptor: descriptor, path: path) } catch {
      throw .io(error)
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
