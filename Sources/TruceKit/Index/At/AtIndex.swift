/// The index `truce at` answers from (`<log>.at-index`): every item with when it may be in
/// force, its area and the lines it rests on (see ``AtIndexLayout`` and ``AtIndexBuilder``).
///
/// It is a cache of the whole log as it stood when a `truce at` last read all of it, and is
/// used only while the log still has exactly that length and ends with the same line; after an
/// append, the next `truce at` reads the whole log and builds it again.
final class AtIndex {
  /// Where the index of a log is kept.
  static func path(forLog path: String) -> String { path + ".at-index" }

  let file: IndexFile
  let header: AtIndexLayout.Header

  /// Opens the index beside a log.
  ///
  /// - Throws: ``IndexMismatch`` when it is missing, not an index of this version, or damaged.
  init(forLog logPath: String) throws(IndexMismatch) {
    let path = AtIndex.path(forLog: logPath)
    guard let file = IndexFile(path: path, writable: false) else {
      throw IndexMismatch(reason: "\(path) is missing or unreadable")
    }
    guard let header = AtIndexLayout.Header(loadingFrom: file.base, size: file.size) else {
      throw IndexMismatch(reason: "\(path) is not an index of this version, or is damaged")
    }
    self.file = file
    self.header = header
  }

  /// Checks that the log is exactly as it was when the index was built: the same length,
  /// ending with the same line, which still chains onto the line before it (as every reader
  /// checks the last line).
  func check(against reader: LogLineReader) throws(IndexMismatch) {
    let size: Int
    let offset = Int(header.lastLineOffset)
    let line: (content: [UInt8], end: Int)?
    let chains: Bool
    do throws(FileIOError) {
      size = try reader.size()
      line = try reader.line(at: offset)
      if let line {
        chains = try reader.chainsOnto(lineAt: offset, content: line.content)
      } else {
        chains = false
      }
    } catch {
      throw IndexMismatch(reason: "\(error.path): \(error)")
    }
    guard size == Int(header.logLength), let line, line.end == size,
      SHA256.hash(line.content) == header.lastLineHash, chains
    else {
      throw IndexMismatch(reason: "the log changed since it was indexed")
    }
  }

  /// The number of items.
  var count: Int { Int(header.itemCount) }

  /// The item at a position.
  func item(_ position: Int) -> AtIndexLayout.Item? {
    AtIndexLayout.Item(
      loadingFrom: file.base + AtIndexLayout.headerSize + position * AtIndexLayout.itemSize)
  }

  /// The lines an item rests on; `nil` when the index points outside itself.
  func lines(of item: AtIndexLayout.Item) -> [LogSubset.Line]? {
    let first = Int(item.firstLine)
    let count = Int(item.lineCount)
    guard first + count <= Int(header.lineCount) else { return nil }
    let base = file.base + header.linesOffset
    return (first..<first + count).map { index in
      let pointer = base + index * AtIndexLayout.lineSize
      return LogSubset.Line(
        offset: Int(UInt64(littleEndian: pointer.loadUnaligned(as: UInt64.self))),
        number: Int(
          UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))))
    }
  }

  /// An item's id; `nil` when the index points outside itself.
  func name(of item: AtIndexLayout.Item) -> String? {
    let start = Int(item.nameOffset)
    let count = Int(item.nameLength)
    guard start + count <= Int(header.nameBytes) else { return nil }
    let bytes = UnsafeRawBufferPointer(start: file.base + header.namesOffset + start, count: count)
    return String(decoding: bytes, as: UTF8.self)
  }
}
