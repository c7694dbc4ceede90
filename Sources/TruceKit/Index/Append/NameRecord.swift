/// What the index knows about one name: where the lines that the log's rules consult about it
/// are, so that an appended event can be checked without reading the whole log.
///
/// Offsets are those of line starts in the log (the header is at 0, so 0 means "none"). A
/// record is 72 bytes in the file: eight little-endian 64-bit words, in the order of the
/// stored properties, then a checksum of them and of the slot's number, which every lookup
/// checks (``isIntact(at:slot:)``); an empty slot is eight zero words and that checksum, so a
/// record zeroed, or moved to another slot, does not pass for an empty slot or for itself.
struct NameRecord: Equatable, Sendable {
  /// The name's hash (see ``NameHash``); 0 marks an empty slot.
  var hash: UInt64 = 0
  /// The line of the event with this id, with ``Flags`` in the top byte.
  var eventWord: UInt64 = 0
  /// The first `pause.declared` of the pause with this id.
  var pauseOffset: UInt64 = 0
  /// The first `corridor.opened` of the corridor group with this id.
  var corridorOffset: UInt64 = 0
  /// The first `offensive.launched` of the offensive with this id.
  var offensiveOffset: UInt64 = 0
  /// The suspension of the pause with this id that is not yet resumed, if any.
  var suspensionOffset: UInt64 = 0
  /// The earliest announcement among events with this id or about it: seconds since the epoch,
  /// `Int64.min` when one of them has no lower bound, `Int64.max` when there is none.
  var firstAnnounced = Int64.max
  /// For an event that errata amend: the latest such erratum. For an erratum that amends: the
  /// erratum before it on the same event. (A correction is never itself corrected, so one word
  /// serves both.)
  var erratumLink: UInt64 = 0

  /// Marks kept with the event's line.
  struct Flags: OptionSet, Sendable {
    let rawValue: UInt64
    /// The event is an erratum or a retraction.
    static let correction = Flags(rawValue: 1)
    /// A proposal with this id exists.
    static let proposal = Flags(rawValue: 2)
  }

  private static let offsetMask: UInt64 = (1 << 56) - 1

  /// The line of the event with this id (0 when there is none).
  var eventOffset: UInt64 {
    get { eventWord & NameRecord.offsetMask }
    set { eventWord = (eventWord & ~NameRecord.offsetMask) | newValue }
  }

  /// The marks.
  var flags: Flags {
    get { Flags(rawValue: eventWord >> 56) }
    set { eventWord = (eventWord & NameRecord.offsetMask) | (newValue.rawValue << 56) }
  }

  /// The size of a record in the file.
  static let size = 72
  /// The bytes the checksum covers: the eight words before it.
  private static let checkedSize = 64

  /// Whether the slot at `pointer`, number `slot` in its table, matches its checksum (an empty
  /// one too): a bit flipped in a record or in an empty slot, a record zeroed, or one moved to
  /// another slot, is damage.
  static func isIntact(at pointer: UnsafeRawPointer, slot: Int) -> Bool {
    let stored = UInt64(
      littleEndian: pointer.loadUnaligned(fromByteOffset: checkedSize, as: UInt64.self))
    return checksum(UnsafeRawBufferPointer(start: pointer, count: checkedSize), slot: slot)
      == stored
  }

  /// The checksum of a record's eight words in slot `slot`: their ``ByteHash``, mixed with the
  /// slot's number by an odd multiplier (so two slots never share a mix).
  private static func checksum(_ words: UnsafeRawBufferPointer, slot: Int) -> UInt64 {
    ByteHash.hash(words) ^ slotMix(slot)
  }

  /// What a slot's number adds to its checksum.
  private static func slotMix(_ slot: Int) -> UInt64 {
    (UInt64(truncatingIfNeeded: slot) &+ 1) &* ByteHash.multiplier
  }

  /// Marks the `count` slots at `slots`, all zeros, as empty: each gets the checksum of its
  /// eight zero words in its place.
  static func markEmpty(_ slots: UnsafeMutableRawPointer, count: Int) {
    // The eight zero words are hashed once.
    let zeros = [UInt8](repeating: 0, count: checkedSize).withUnsafeBytes { ByteHash.hash($0) }
    for slot in 0..<count {
      (slots + slot * size).storeBytes(
        of: (zeros ^ slotMix(slot)).littleEndian, toByteOffset: checkedSize, as: UInt64.self)
    }
  }

  /// Reads a record from the file's bytes.
  init(loadingFrom pointer: UnsafeRawPointer) {
    func word(_ index: Int) -> UInt64 {
      UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
    }
    hash = word(0)
    eventWord = word(1)
    pauseOffset = word(2)
    corridorOffset = word(3)
    offensiveOffset = word(4)
    suspensionOffset = word(5)
    firstAnnounced = Int64(bitPattern: word(6))
    erratumLink = word(7)
  }

  /// An empty record for a name.
  init(hash: UInt64) { self.hash = hash }

  /// Writes the record into slot `slot`, at `pointer`, with its checksum.
  func store(to pointer: UnsafeMutableRawPointer, slot: Int) {
    let words = [
      hash, eventWord, pauseOffset, corridorOffset, offensiveOffset, suspensionOffset,
      UInt64(bitPattern: firstAnnounced), erratumLink,
    ]
    for (index, word) in words.enumerated() {
      pointer.storeBytes(of: word.littleEndian, toByteOffset: index * 8, as: UInt64.self)
    }
    let checksum = NameRecord.checksum(
      UnsafeRawBufferPointer(start: pointer, count: NameRecord.checkedSize), slot: slot)
    pointer.storeBytes(
      of: checksum.littleEndian, toByteOffset: NameRecord.checkedSize, as: UInt64.self)
  }
}
