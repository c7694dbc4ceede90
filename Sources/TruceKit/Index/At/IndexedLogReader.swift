#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log opened to be answered from the index beside it, without reading it whole.
///
/// It holds a shared lock on the log while open, as every reader does, so that an append is
/// seen whole or not at all. It opens only when the log is exactly as it was indexed: the same
/// length and last line, and a head that names that line.
public final class IndexedLogReader {
  /// The log's name, as given.
  public let file: String
  /// The log's header.
  public let header: LogHeader
  private let index: AtIndex
  private let reader: LogLineReader

  /// The log's areas.
  public var areas: AreaRegistry { header.areas }

  /// Opens a log through its index; `nil` when there is no usable index, and the whole log must
  /// be read.
  ///
  /// - Parameter path: The log, as given.
  public init?(path: String) {
    let resolved = FileIO.resolved(path)
    let descriptor = open(resolved, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    while flock(descriptor, LOCK_SH) != 0 {
      if errno == EINTR { continue }
      close(descriptor)
      return nil
    }
    let reader = LogLineReader(descriptor: descriptor, path: resolved)
    guard let index = try? AtIndex(forLog: resolved), (try? index.check(against: reader)) != nil,
      let head = try? LogHead.read(forLog: resolved),
      head
        == LogHead(
          seq: Int(index.header.eventCount), hash: index.header.lastLineHash,
          length: Int(index.header.logLength)),
      let headerLine = try? reader.line(at: 0),
      LogHeaderLine.fingerprint(headerLine.content) == index.header.headerFingerprint,
      let header = try? LogHeaderLine.decode(headerLine.content, file: path, zonesChecked: true)
    else {
      flock(descriptor, LOCK_UN)
      close(descriptor)
      return nil
    }
    self.file = path
    self.header = header
    self.index = index
    self.reader = reader
  }

  deinit {
    flock(reader.descriptor, LOCK_UN)
    close(reader.descriptor)
  }

  /// The answer to an `at` question from the index; `nil` when only reading the whole log can
  /// give it exactly (see ``AtQuery/answer(from:file:header:reader:)``).
  public func answer(_ query: AtQuery) -> AtAnswer? {
    try? query.answer(from: index, file: file, header: header, reader: reader)
  }
}
