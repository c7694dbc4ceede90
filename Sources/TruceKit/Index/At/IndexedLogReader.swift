#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A log opened to be answered from the index beside it, without reading it whole.
///
/// It holds a shared lock on the log while open, as every reader does, so that an append is
/// seen whole or not at all. It opens only when the log still holds the lines it was indexed
/// from (the same last indexed line, which names the line before it), any lines after them
/// are vouched for by the index appends check against (``LogTail``), and the head names the
/// log's last line.
public final class IndexedLogReader {
  /// The log's name, as given.
  public let file: String
  /// The log's header.
  public let header: LogHeader
  let index: AtIndex
  let reader: LogLineReader
  let tail: LogTail

  /// The log's areas.
  public var areas: AreaRegistry { header.areas }

  /// The bytes of lines appended since the index was built, which every answer reads beside
  /// it.
  public var tailBytes: Int { tail.byteCount }

  /// Whether the tail has grown long enough that the index is worth building again.
  public var wantsRebuild: Bool { tail.byteCount > LogTail.rebuildThreshold }

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
    guard let index = try? AtIndex(forLog: resolved), let size = try? reader.size(),
      (try? index.check(against: reader, size: size)) != nil,
      let headerLine = try? reader.line(at: 0),
      LogHeaderLine.fingerprint(headerLine.content) == index.header.headerFingerprint,
      let header = try? LogHeaderLine.decode(headerLine.content, file: path),
      let tail = try? LogTail(
        after: index, reader: reader, size: size, logPath: resolved, areas: header.areas),
      let head = try? LogHead.read(forLog: resolved),
      head == LogHead(seq: tail.eventCount, hash: tail.lastLineHash, length: size),
      !index.isDamaged
    else {
      flock(descriptor, LOCK_UN)
      close(descriptor)
      return nil
    }
    self.file = path
    self.header = header
    self.index = index
    self.reader = reader
    self.tail = tail
  }

  deinit {
    flock(reader.descriptor, LOCK_UN)
    close(reader.descriptor)
  }

  /// The answer to an `at` question from the index (and the lines appended since); `nil` when
  /// only reading the whole log can give it exactly.
  ///
  /// Most questions are answered from the items that can reach the moment (see
  /// ``AtQuery/answer(from:file:header:reader:tail:)``), with an as-of moment too. One asking
  /// for every item, or one those items cannot answer, about one area is answered from the
  /// lines of that area's items (``log(forArea:events:)``), folded as the whole log is.
  public func answer(_ query: AtQuery) -> AtAnswer? {
    guard
      let overlay = try? TailOverlay(tail, index: index, reader: reader, areas: header.areas)
    else { return nil }
    if let answer = try? query.answer(
      from: index, file: file, header: header, reader: reader, tail: overlay)
    {
      return vouched(answer)
    }
    guard query.asOf != nil || query.contextLimit == nil, let area = query.area,
      var log = log(
        forArea: area, events: false, asOf: query.asOf?.asOfInstant.secondsSinceEpoch,
        overlay: overlay)
    else { return nil }
    return vouched(query.answer(consuming: &log))
  }

  /// `value`, unless a block of the index read since it was opened did not match its checksum
  /// (``AtIndex/isDamaged``): then `nil`, and the whole log answers. A damaged index is not
  /// current (``AtIndexing/isCurrent(for:path:)`` checks every block), so it is built again.
  func vouched<Value>(_ value: Value?) -> Value? {
    index.isDamaged ? nil : value
  }
}
