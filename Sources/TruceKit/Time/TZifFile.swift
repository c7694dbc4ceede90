/// The contents of a compiled tz database file (TZif, RFC 8536): the zone's offset changes and
/// the rule that continues them after the last.
///
/// Versions 1 to 4 are read. Where the file has a version 2+ part (64-bit times), that part is
/// used and the version 1 part (32-bit times) skipped, as the RFC advises.
struct TZifFile: Hashable, Sendable {
  /// When each change takes effect, in seconds since the epoch, ascending.
  var transitions: [Int64]
  /// The offset east of UTC, in seconds, from each change in ``transitions`` on.
  var offsets: [Int32]
  /// The offset before the first change (the file's first local time type).
  var initialOffset: Int32
  /// The POSIX TZ string that gives changes after the last one (version 2+), if any.
  var footer: String?

  /// Reads a TZif file's bytes.
  ///
  /// - Throws: ``TZifError`` when the bytes are not a well-formed TZif file.
  init(_ bytes: [UInt8]) throws(TZifError) {
    var reader = TZifReader(bytes: bytes)
    let first = try reader.header()
    guard first.version >= 2 else {
      try self.init(reader: &reader, header: first, timeSize: 4)
      footer = nil
      return
    }
    try reader.skip(first.dataLength(timeSize: 4))
    let second = try reader.header()
    try self.init(reader: &reader, header: second, timeSize: 8)
    footer = try reader.footer()
  }

  private init(reader: inout TZifReader, header: TZifHeader, timeSize: Int) throws(TZifError) {
    var times: [Int64] = []
    times.reserveCapacity(header.transitionCount)
    for _ in 0..<header.transitionCount {
      times.append(timeSize == 8 ? try reader.int64() : Int64(try reader.int32()))
    }
    var typeIndices: [Int] = []
    typeIndices.reserveCapacity(header.transitionCount)
    for _ in 0..<header.transitionCount {
      let index = Int(try reader.byte())
      guard index < header.typeCount else { throw .malformed("a change names no local time type") }
      typeIndices.append(index)
    }
    var typeOffsets: [Int32] = []
    for _ in 0..<header.typeCount {
      let offset = try reader.int32()
      // RFC 8536: an offset of -2^31 is not allowed; real ones are within a day.
      guard offset > -89_999, offset < 93_600 else {
        throw .malformed("a local time type's offset of \(offset) seconds")
      }
      typeOffsets.append(offset)
      try reader.skip(2)  // isdst, abbreviation index
    }
    for index in 1..<max(1, times.count) where times[index] <= times[index - 1] {
      throw .malformed("changes out of order")
    }
    // Abbreviations, leap seconds, standard/wall and UT/local indicators are not needed.
    try reader.skip(
      header.abbreviationLength + header.leapCount * (timeSize + 4) + header.standardWallCount
        + header.utLocalCount)
    transitions = times
    offsets = typeIndices.map { typeOffsets[$0] }
    initialOffset = typeOffsets[0]
    footer = nil
  }
}

/// Why bytes are not a TZif file.
enum TZifError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The bytes end before the file does.
  case truncated
  /// The bytes do not start with the TZif magic.
  case notTZif
  /// A field holds what the format does not allow.
  case malformed(String)

  var description: String {
    switch self {
    case .truncated: "the file ends too soon"
    case .notTZif: "not a TZif file"
    case .malformed(let problem): "malformed: \(problem)"
    }
  }
}

/// The counts a TZif header gives for the data after it.
private struct TZifHeader {
  var version: Int
  var utLocalCount: Int
  var standardWallCount: Int
  var leapCount: Int
  var transitionCount: Int
  var typeCount: Int
  var abbreviationLength: Int

  /// How many bytes the data block after this header takes, with times of `timeSize` bytes.
  func dataLength(timeSize: Int) -> Int {
    transitionCount * timeSize + transitionCount + typeCount * 6 + abbreviationLength
      + leapCount * (timeSize + 4) + standardWallCount + utLocalCount
  }
}

/// Reads big-endian fields from a TZif file's bytes.
private struct TZifReader {
  let bytes: [UInt8]
  var position = 0

  mutating func byte() throws(TZifError) -> UInt8 {
    guard position < bytes.count else { throw .truncated }
    defer { position += 1 }
    return bytes[position]
  }

  mutating func uint32() throws(TZifError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw .truncated }
    var value: UInt32 = 0
    for offset in 0..<4 { value = value << 8 | UInt32(bytes[position + offset]) }
    position += 4
    return value
  }

  mutating func int32() throws(TZifError) -> Int32 { Int32(bitPattern: try uint32()) }

  mutating func int64() throws(TZifError) -> Int64 {
    let high = UInt64(try uint32())
    let low = UInt64(try uint32())
    return Int64(bitPattern: high << 32 | low)
  }

  mutating func skip(_ count: Int) throws(TZifError) {
    guard count >= 0, position + count <= bytes.count else { throw .truncated }
    position += count
  }

  /// A header: the magic, the version, fifteen unused bytes and six counts.
  mutating func header() throws(TZifError) -> TZifHeader {
    guard position + 44 <= bytes.count else { throw .truncated }
    guard bytes[position..<position + 4].elementsEqual("TZif".utf8) else { throw .notTZif }
    position += 4
    let versionByte = try byte()
    let version: Int
    switch versionByte {
    case 0: version = 1
    case UInt8(ascii: "2")...UInt8(ascii: "4"): version = Int(versionByte - UInt8(ascii: "0"))
    default: throw .malformed("unknown version byte \(versionByte)")
    }
    try skip(15)
    var counts: [Int] = []
    for _ in 0..<6 {
      let count = try uint32()
      guard count < 1 << 20 else { throw .malformed("a count of \(count)") }
      counts.append(Int(count))
    }
    guard counts[4] > 0 else { throw .malformed("no local time types") }
    return TZifHeader(
      version: version, utLocalCount: counts[0], standardWallCount: counts[1],
      leapCount: counts[2], transitionCount: counts[3], typeCount: counts[4],
      abbreviationLength: counts[5])
  }

  /// The footer after a version 2+ data block: a POSIX TZ string between newlines, or `nil`
  /// when it is empty.
  mutating func footer() throws(TZifError) -> String? {
    guard try byte() == UInt8(ascii: "\n") else { throw .malformed("no footer") }
    guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else {
      throw .truncated
    }
    defer { position = end + 1 }
    guard end > position else { return nil }
    return String(decoding: bytes[position..<end], as: UTF8.self)
  }
}
