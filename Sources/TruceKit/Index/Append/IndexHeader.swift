/// The first 136 bytes of the index file: what log it was built from and how far, and the shape
/// of its table, then the ``ByteHash`` of those 128 bytes.
///
/// The index is trusted only when this header matches its checksum, names the log's last
/// indexed line exactly (its end and its hash) and says no update was interrupted.
struct IndexHeader: Equatable, Sendable {
  /// Whether the table is consistent with the rest of the header.
  enum State: UInt64, Sendable {
    /// Consistent.
    case clean = 1
    /// An update began and did not finish: the index must be rebuilt.
    case updating = 2
  }

  /// The file's first bytes.
  static let magic = Array("TRUCEIX1".utf8)
  /// The layout version (2: the header's and each record's checksum).
  static let version: UInt64 = 2
  /// The header's size; the table follows.
  static let size = 136
  /// The bytes the header's checksum covers: all before it.
  private static let checkedSize = 128

  var state = State.clean
  /// The log's length up to the end of the last line indexed.
  var logLength: UInt64 = 0
  /// How many events those lines hold.
  var eventCount: UInt64 = 0
  /// Where the last indexed line (the header line when there are no events) starts.
  var lastLineOffset: UInt64 = 0
  /// The number of slots in the table (a power of two).
  var capacity: UInt64 = 0
  /// The number of slots in use.
  var used: UInt64 = 0
  /// The SHA-256 of the last indexed line.
  var lastLineHash = SHA256.hash([UInt8]())
  /// Whether the log's events carry the hash chain.
  var isChained = false
  /// The system boot the index was last written in (see ``BootID``); zeros when unknown.
  var boot = [UInt8](repeating: 0, count: 16)
  /// The log's header line (``LogHeaderLine/fingerprint(_:)``), read in full when the index was
  /// built.
  var headerFingerprint: UInt64 = 0

  init() {}

  /// Reads a header from ``size`` bytes or more; `nil` when the bytes are not an index of this
  /// version, or do not match their checksum.
  init?(loadingFrom pointer: UnsafeRawPointer) {
    let magic = (0..<8).map { pointer.load(fromByteOffset: $0, as: UInt8.self) }
    func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    let checked = UnsafeRawBufferPointer(start: pointer, count: IndexHeader.checkedSize)
    guard magic == IndexHeader.magic, word(8) == IndexHeader.version,
      ByteHash.hash(checked) == word(IndexHeader.checkedSize),
      let state = State(rawValue: word(16))
    else { return nil }
    self.state = state
    logLength = word(24)
    eventCount = word(32)
    lastLineOffset = word(40)
    capacity = word(48)
    used = word(56)
    guard
      let hash = SHA256Digest(
        bytes: (0..<32).map { pointer.load(fromByteOffset: 64 + $0, as: UInt8.self) })
    else { return nil }
    lastLineHash = hash
    isChained = word(96) != 0
    boot = (0..<16).map { pointer.load(fromByteOffset: 104 + $0, as: UInt8.self) }
    headerFingerprint = word(120)
  }

  /// Writes the header.
  func store(to pointer: UnsafeMutableRawPointer) {
    for (index, byte) in IndexHeader.magic.enumerated() {
      pointer.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
    }
    let words: [(Int, UInt64)] = [
      (8, IndexHeader.version), (16, state.rawValue), (24, logLength), (32, eventCount),
      (40, lastLineOffset), (48, capacity), (56, used), (96, isChained ? 1 : 0),
      (120, headerFingerprint),
    ]
    for (offset, word) in words {
      pointer.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
    }
    for (index, byte) in lastLineHash.bytes.enumerated() {
      pointer.storeBytes(of: byte, toByteOffset: 64 + index, as: UInt8.self)
    }
    for (index, byte) in boot.prefix(16).enumerated() {
      pointer.storeBytes(of: byte, toByteOffset: 104 + index, as: UInt8.self)
    }
    let checked = UnsafeRawBufferPointer(start: pointer, count: IndexHeader.checkedSize)
    pointer.storeBytes(
      of: ByteHash.hash(checked).littleEndian, toByteOffset: IndexHeader.checkedSize,
      as: UInt64.self)
  }

  /// The size of an index file with this many slots.
  static func fileSize(capacity: Int) -> Int { size + capacity * NameRecord.size }
}
