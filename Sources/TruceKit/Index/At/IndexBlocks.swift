#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The checksums of an at-index's blocks, and which of them this reader has checked.
///
/// Everything after the header is cut into blocks of ``size`` bytes, and the file ends with the
/// ``checksum(_:)`` of each (8 bytes each, little-endian); the header holds the checksum of that
/// table, and its own. Every byte an answer reads is checked first, a block at a time and each
/// block once, so that a damaged index costs only the blocks a question reads (a warm `at` reads
/// a few dozen of them) and never changes an answer: a block that does not match its checksum
/// marks the index damaged (``isDamaged``), and the reader then gives up on the index and reads
/// the whole log.
///
/// A damaged block's bytes are never handed out: a record read from it reads as zeros (which
/// every reader takes without trapping, and whatever it makes of them is thrown away), and a
/// reader of a run of bytes stops at a damaged one. The readers need not stop halfway.
final class IndexBlocks {
  /// The bytes a checksum covers, but for the last block (which may be shorter).
  static let size = 4096
  /// The bytes of one checksum.
  static let checksumSize = 8

  /// How many blocks cover `bytes` bytes.
  static func count(covering bytes: Int) -> Int { (bytes + size - 1) / size }

  /// The checksums of the blocks of `bytes`, in order.
  static func checksums(of bytes: UnsafeRawBufferPointer) -> [UInt64] {
    (0..<count(covering: bytes.count)).map { block in
      let start = block * size
      return checksum(
        UnsafeRawBufferPointer(rebasing: bytes[start..<min(bytes.count, start + size)]))
    }
  }

  /// The checksum of a block, or of the table of checksums: ``ByteHash``'s steps in four lanes
  /// (word `n` goes to lane `n % 4`), which run side by side, about three times as fast as one;
  /// the lanes are then taken in one by one. Every step is a bijection, so bytes that differ in
  /// one eight-byte word, or in words of one lane only, always sum differently.
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
    let words = bytes.count / 8
    var word = 0
    func load(_ index: Int) -> UInt64 {
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
    }
    while word + 4 <= words {
      lanes.0 = ByteHash.step(lanes.0, load(word))
      lanes.1 = ByteHash.step(lanes.1, load(word + 1))
      lanes.2 = ByteHash.step(lanes.2, load(word + 2))
      lanes.3 = ByteHash.step(lanes.3, load(word + 3))
      word += 4
    }
    // The words left, then the bytes left (as one word), go to the lanes in turn.
    var rest: [UInt64] = (word..<words).map(load)
    if words * 8 < bytes.count {
      var tail: UInt64 = 0
      for index in words * 8..<bytes.count {
        tail |= UInt64(bytes[index]) << (UInt64(index - words * 8) * 8)
      }
      rest.append(tail)
    }
    for (offset, value) in rest.enumerated() {
      switch offset {
      case 0: lanes.0 = ByteHash.step(lanes.0, value)
      case 1: lanes.1 = ByteHash.step(lanes.1, value)
      case 2: lanes.2 = ByteHash.step(lanes.2, value)
      default: lanes.3 = ByteHash.step(lanes.3, value)
      }
    }
    var sum = UInt64(bytes.count) &* ByteHash.multiplier
    for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { sum = ByteHash.step(sum, lane) }
    return sum
  }

  /// The mapped index, kept mapped while the blocks are read.
  private let file: IndexFile
  private var base: UnsafeRawPointer { UnsafeRawPointer(file.base) }
  /// Where the first block starts in the file.
  private let start: Int
  /// Where the blocks end (and their checksums start).
  private let end: Int
  /// One bit per block: set once the block was checked and found to match.
  private var checked: [UInt64]
  /// Whether a block read so far did not match its checksum, or a read reached past the blocks.
  private(set) var isDamaged = false
  /// What a record in a damaged block reads as.
  private let zeros: UnsafeMutableRawPointer
  /// The longest record ``record(at:count:)`` reads.
  static let longestRecord = 256

  /// The blocks of a mapped index whose header was read (and checked against its size).
  ///
  /// - Returns: `nil` when the table of checksums does not match the header's checksum of it.
  init?(file: IndexFile, header: AtIndexLayout.Header) {
    self.file = file
    start = AtIndexLayout.headerSize
    end = header.blocksOffset
    let table = UnsafeRawBufferPointer(
      start: file.base + header.blocksOffset, count: header.fileSize - header.blocksOffset)
    guard IndexBlocks.checksum(table) == header.blocksChecksum else { return nil }
    checked = Array(repeating: 0, count: (IndexBlocks.count(covering: end - start) + 63) / 64)
    zeros = UnsafeMutableRawPointer.allocate(byteCount: IndexBlocks.longestRecord, alignment: 8)
    zeros.initializeMemory(as: UInt8.self, repeating: 0, count: IndexBlocks.longestRecord)
  }

  deinit { zeros.deallocate() }

  /// Checks the blocks that hold the `count` bytes at `offset` in the file, those not checked
  /// yet; a read reaching outside the blocks marks the index damaged too.
  ///
  /// - Returns: Whether those bytes may be read: `false` once the index is damaged.
  @inline(__always)
  @discardableResult
  func check(_ offset: Int, count: Int) -> Bool {
    guard count > 0 else { return !isDamaged }
    guard offset >= start, offset <= end - count else {
      isDamaged = true
      return false
    }
    let first = (offset - start) / IndexBlocks.size
    let last = (offset + count - 1 - start) / IndexBlocks.size
    for block in first...last where checked[block >> 6] & (1 << (block & 63)) == 0 {
      checkBlock(block)
    }
    return !isDamaged
  }

  /// Where to read the record of `count` bytes (at most ``longestRecord``) at `offset` in the
  /// file, once its blocks are checked: there, or zeros once the index is damaged.
  @inline(__always)
  func record(at offset: Int, count: Int) -> UnsafeRawPointer {
    precondition(count <= IndexBlocks.longestRecord, "a record longer than the zeros kept for it")
    return check(offset, count: count) ? base + offset : UnsafeRawPointer(zeros)
  }

  /// Checks every block (as ``AtIndexing`` does before it calls an index current), a few
  /// megabytes at a time, handing back the pages of each part once checked: an index of a
  /// million events (180 MB) is not held whole by a process that holds that log already.
  ///
  /// - Returns: Whether they all match.
  func checkAll() -> Bool {
    let part = 1024 * IndexBlocks.size
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    var offset = start
    while offset < end, !isDamaged {
      let count = min(part, end - offset)
      check(offset, count: count)
      // The whole pages the part holds, which the checks read and nothing else here needs.
      let first = (offset + page - 1) / page * page
      let last = (offset + count) / page * page
      if last > first {
        madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
      }
      offset += count
    }
    return !isDamaged
  }

  private func checkBlock(_ block: Int) {
    let blockStart = start + block * IndexBlocks.size
    let bytes = UnsafeRawBufferPointer(
      start: base + blockStart, count: min(IndexBlocks.size, end - blockStart))
    let stored = UInt64(
      littleEndian: base.loadUnaligned(
        fromByteOffset: end + block * IndexBlocks.checksumSize, as: UInt64.self))
    if IndexBlocks.checksum(bytes) == stored {
      checked[block >> 6] |= 1 << (block & 63)
    } else {
      isDamaged = true
    }
  }
}
