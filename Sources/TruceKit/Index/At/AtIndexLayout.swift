/// The layout of `<log>.at-index`, the index `truce at` answers from: a 176-byte header, one
/// 104-byte record per item (pauses, corridor groups, offensives, then proposals, each in the
/// order the projection lists them, then the names the projection does not list), the lines
/// each item rests on (16 bytes each: where the line starts, and its number), the items' ids
/// (UTF-8, one after another), one 64-byte record per event, in log order (``EventRecord``),
/// which listings filter, then the items in time order (``OrderEntry``), which answers search,
/// then the names each event bears or cites (``LinkEntry``), which `truce show` looks up, then
/// the events' ids in log order, each ended by a newline, then who announced the events
/// (``AnnouncerRecord``), which `--actor` looks up, then the checksum of every 4 KB block
/// after the header (``IndexBlocks``). Little-endian throughout.
enum AtIndexLayout {
  static let magic = Array("TRUCEAT1".utf8)
  static let version: UInt64 = 18
  static let headerSize = 184
  /// The header's bytes its own checksum covers: all but the checksum, its last word.
  static let checkedHeaderSize = 176
  static let itemSize = 72 + AnnouncedSpan.storedSize
  static let lineSize = 16
  static let eventSize = 64

  /// What the header says.
  struct Header: Equatable {
    /// The log's length when the index was built: it is used only while the log still holds
    /// the same lines up to there.
    var logLength: UInt64 = 0
    /// Where the log's last line starts.
    var lastLineOffset: UInt64 = 0
    /// The SHA-256 of the last line.
    var lastLineHash = SHA256.hash([UInt8]())
    var eventCount: UInt64 = 0
    /// The log's header line (``LogHeaderLine/fingerprint(_:)``).
    var headerFingerprint: UInt64 = 0
    var itemCount: UInt64 = 0
    var lineCount: UInt64 = 0
    /// The bytes of the items' ids.
    var nameBytes: UInt64 = 0
    /// The longest an item in the time orders spans, in seconds
    /// (``AtIndexLayout/isShort(low:high:kind:area:span:)``).
    var shortSpan: Int64 = 0
    /// How many pauses, corridor groups and offensives are in the time orders.
    var shortItemCount: UInt64 = 0
    /// How many proposals are.
    var shortProposalCount: UInt64 = 0
    /// How many names the events bear or cite are listed (``LinkEntry``).
    var linkCount: UInt64 = 0
    /// The bytes of the events' ids, each ended by a newline.
    var eventIDBytes: UInt64 = 0
    /// How many names the events' announcers go by (``AnnouncerRecord``).
    var announcerCount: UInt64 = 0
    /// The bytes of those names.
    var announcerNameBytes: UInt64 = 0
    /// How many events those names list, all together (each name lists every event it
    /// announced, as its line says or errata make it).
    var announcedCount: UInt64 = 0
    /// The checksum of the blocks' checksums (``IndexBlocks/checksum(_:)``), checked when the
    /// index is opened.
    var blocksChecksum: UInt64 = 0

    /// Where the lines start in the file.
    var linesOffset: Int { AtIndexLayout.headerSize + Int(itemCount) * AtIndexLayout.itemSize }
    /// Where the ids start in the file.
    var namesOffset: Int { linesOffset + Int(lineCount) * AtIndexLayout.lineSize }
    /// Where the event records start in the file.
    var eventsOffset: Int { namesOffset + Int(nameBytes) }
    /// Where the time orders start in the file: the short items by earliest start, then by
    /// latest end, the short proposals the same two ways, then the other items.
    var ordersOffset: Int { eventsOffset + Int(eventCount) * AtIndexLayout.eventSize }
    /// How many items are in neither time order.
    var otherItemCount: Int { Int(itemCount) - Int(shortItemCount) - Int(shortProposalCount) }
    /// Where the names the events bear or cite start in the file.
    var linksOffset: Int {
      ordersOffset
        + (2 * Int(shortItemCount) + 2 * Int(shortProposalCount) + otherItemCount)
        * AtIndexLayout.orderEntrySize
    }
    /// Where the events' ids start in the file.
    var eventIDsOffset: Int { linksOffset + Int(linkCount) * AtIndexLayout.linkEntrySize }
    /// Where the announcers' records start in the file.
    var announcersOffset: Int { eventIDsOffset + Int(eventIDBytes) }
    /// Where the announcers' names start in the file.
    var announcerNamesOffset: Int {
      announcersOffset + Int(announcerCount) * AtIndexLayout.announcerRecordSize
    }
    /// Where the events each announcer announced start in the file (4 bytes each: an event's
    /// position in the log, from 0).
    var announcedOffset: Int { announcerNamesOffset + Int(announcerNameBytes) }
    /// Where the blocks' checksums start in the file: the blocks run from the header's end to
    /// here.
    var blocksOffset: Int { announcedOffset + Int(announcedCount) * AtIndexLayout.announcedSize }
    /// How many blocks there are.
    var blockCount: Int { IndexBlocks.count(covering: blocksOffset - AtIndexLayout.headerSize) }
    /// The file's size.
    var fileSize: Int { blocksOffset + blockCount * IndexBlocks.checksumSize }

    init() {}

    init?(loadingFrom pointer: UnsafeRawPointer, size: Int) {
      guard size >= AtIndexLayout.headerSize else { return nil }
      let magic = (0..<8).map { pointer.load(fromByteOffset: $0, as: UInt8.self) }
      func word(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      }
      guard magic == AtIndexLayout.magic, word(8) == AtIndexLayout.version,
        let hash = SHA256Digest(
          bytes: (0..<32).map { pointer.load(fromByteOffset: 48 + $0, as: UInt8.self) })
      else { return nil }
      logLength = word(16)
      lastLineOffset = word(24)
      itemCount = word(32)
      lineCount = word(40)
      lastLineHash = hash
      eventCount = word(80)
      nameBytes = word(88)
      headerFingerprint = word(96)
      shortSpan = Int64(bitPattern: word(104))
      shortItemCount = word(112)
      shortProposalCount = word(120)
      linkCount = word(128)
      eventIDBytes = word(136)
      announcerCount = word(144)
      announcerNameBytes = word(152)
      announcedCount = word(160)
      blocksChecksum = word(168)
      // The header's last word is the ``ByteHash`` of the words before it: a bit flipped there
      // would change where sections start, or what an answer takes for short.
      let checked = UnsafeRawBufferPointer(start: pointer, count: AtIndexLayout.checkedHeaderSize)
      guard ByteHash.hash(checked) == word(AtIndexLayout.checkedHeaderSize) else { return nil }
      // Items are named by 32-bit positions in the time orders.
      guard itemCount <= UInt64(UInt32.max), lineCount < 1 << 40, nameBytes < 1 << 40,
        eventCount < 1 << 40, linkCount < 1 << 40, eventIDBytes < 1 << 40,
        announcerCount <= UInt64(UInt32.max), announcerNameBytes < 1 << 40,
        announcedCount < 1 << 40,
        shortItemCount <= itemCount,
        shortProposalCount <= itemCount - shortItemCount, shortSpan >= 0, fileSize == size
      else { return nil }
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      for (index, byte) in AtIndexLayout.magic.enumerated() {
        pointer.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
      }
      for (offset, word) in [
        (8, AtIndexLayout.version), (16, logLength), (24, lastLineOffset), (32, itemCount),
        (40, lineCount), (80, eventCount), (88, nameBytes),
        (96, headerFingerprint), (104, UInt64(bitPattern: shortSpan)), (112, shortItemCount),
        (120, shortProposalCount), (128, linkCount), (136, eventIDBytes), (144, announcerCount),
        (152, announcerNameBytes), (160, announcedCount), (168, blocksChecksum),
      ] {
        pointer.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
      }
      for (index, byte) in lastLineHash.bytes.enumerated() {
        pointer.storeBytes(of: byte, toByteOffset: 48 + index, as: UInt8.self)
      }
      let checked = UnsafeRawBufferPointer(start: pointer, count: AtIndexLayout.checkedHeaderSize)
      pointer.storeBytes(
        of: ByteHash.hash(checked).littleEndian, toByteOffset: AtIndexLayout.checkedHeaderSize,
        as: UInt64.self)
    }
  }

  /// What kind of item a record is.
  enum Kind: UInt8 {
    case pause = 0
    case corridors = 1
    case offensive = 2
    case proposal = 3
    /// A name the log's events are about that the projection does not list (a corridor whose
    /// only opening was retracted, a pause never declared): never part of an answer, but its
    /// lines are what a replay of its events folds.
    case unlisted = 4
  }

  /// One item: when it may be in force (or, for a proposal, when it was announced), when the
  /// events of its lines may have been announced, its area, and its lines.
  struct Item: Equatable {
    /// For a pause, corridor group or offensive, the earliest its start may be; for a
    /// proposal, the earliest it may have been announced. `Int64.min` when unbounded or not
    /// reported.
    var low = Int64.min
    /// The latest its end may be, or the latest the proposal may have been announced.
    /// `Int64.max` when unbounded or not reported.
    var high = Int64.max
    var firstLine: UInt32 = 0
    var lineCount: UInt32 = 0
    var area: UInt16 = 0
    var kind = Kind.pause
    /// Whether folding its lines alone was found to give what folding the whole log gives.
    var answersAlone = false
    /// Where its id is among the ids, and its length in bytes.
    var nameOffset: UInt32 = 0
    var nameLength: UInt32 = 0
    /// When the events of its lines may have been announced, once errata apply (as a fold
    /// weighs them, whatever the as-of moment), for questions with an as-of moment.
    var announced = AnnouncedSpan()
    /// Whether the events that give it its area (a pause's events, a corridor group's opening,
    /// an offensive's events, once errata apply) lie in more than one area: a fold gives it the
    /// area of the first it folds, so with an as-of moment its area may not be ``area``.
    var areaVaries = false
    /// For a pause, corridor group or offensive, the first instant its start or end may name
    /// (``Timeline/reach(start:end:)``); `Int64.max` when they name none, and for other items.
    var reachFirst = Int64.max
    /// The last instant its start or end may name; `Int64.min` when they name none.
    var reachLast = Int64.min
    /// For a pause, corridor group or offensive, the first instant a `replay --calendar` entry
    /// of it may be at (``CalendarReplay/extent(start:end:phases:)``): `Int64.min` when one is
    /// unbounded in the past; `Int64.max` when it has none, and for other items.
    var calendarFirst = Int64.max
    /// The last instant a calendar entry of it may be at: `Int64.max` when one is unbounded in
    /// the future; `Int64.min` when it has none.
    var calendarLast = Int64.min

    init() {}

    init?(loadingFrom pointer: UnsafeRawPointer) {
      // What a summary reads, then where its lines and its id are.
      let summary = ItemSummary(loadingFrom: pointer)
      guard let kind = summary.kind else { return nil }
      self.kind = kind
      low = summary.low
      high = summary.high
      area = summary.area
      answersAlone = summary.answersAlone
      areaVaries = summary.areaVaries
      announced = summary.announced
      reachFirst = summary.reachFirst
      reachLast = summary.reachLast
      calendarFirst = summary.calendarFirst
      calendarLast = summary.calendarLast
      firstLine = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
      lineCount = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 20, as: UInt32.self))
      nameOffset = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
      nameLength = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      pointer.storeBytes(of: low.littleEndian, toByteOffset: 0, as: Int64.self)
      pointer.storeBytes(of: high.littleEndian, toByteOffset: 8, as: Int64.self)
      pointer.storeBytes(of: firstLine.littleEndian, toByteOffset: 16, as: UInt32.self)
      pointer.storeBytes(of: lineCount.littleEndian, toByteOffset: 20, as: UInt32.self)
      pointer.storeBytes(of: area.littleEndian, toByteOffset: 24, as: UInt16.self)
      pointer.storeBytes(of: kind.rawValue, toByteOffset: 26, as: UInt8.self)
      pointer.storeBytes(of: UInt8(answersAlone ? 1 : 0), toByteOffset: 27, as: UInt8.self)
      pointer.storeBytes(of: UInt8(areaVaries ? 1 : 0), toByteOffset: 28, as: UInt8.self)
      pointer.storeBytes(of: UInt8(0), toByteOffset: 29, as: UInt8.self)
      pointer.storeBytes(of: UInt16(0), toByteOffset: 30, as: UInt16.self)
      pointer.storeBytes(of: nameOffset.littleEndian, toByteOffset: 32, as: UInt32.self)
      pointer.storeBytes(of: nameLength.littleEndian, toByteOffset: 36, as: UInt32.self)
      announced.store(to: pointer + 40)
      let reach = 40 + AnnouncedSpan.storedSize
      pointer.storeBytes(of: reachFirst.littleEndian, toByteOffset: reach, as: Int64.self)
      pointer.storeBytes(of: reachLast.littleEndian, toByteOffset: reach + 8, as: Int64.self)
      pointer.storeBytes(of: calendarFirst.littleEndian, toByteOffset: reach + 16, as: Int64.self)
      pointer.storeBytes(of: calendarLast.littleEndian, toByteOffset: reach + 24, as: Int64.self)
    }
  }

  /// The part of an item's record that says whether it can reach a moment: read for every
  /// item of the log by each answer from the index, so it loads only these.
  struct ItemSummary {
    /// As ``Item/low``.
    var low: Int64
    /// As ``Item/high``.
    var high: Int64
    var area: UInt16
    /// `nil` when the record holds no kind this version knows (a damaged index).
    var kind: Kind?
    /// As ``Item/answersAlone``.
    var answersAlone: Bool
    /// As ``Item/announced``.
    var announced: AnnouncedSpan
    /// As ``Item/areaVaries``.
    var areaVaries: Bool
    /// As ``Item/reachFirst``.
    var reachFirst: Int64
    /// As ``Item/reachLast``.
    var reachLast: Int64
    /// As ``Item/calendarFirst``.
    var calendarFirst: Int64
    /// As ``Item/calendarLast``.
    var calendarLast: Int64

    @inline(__always)
    init(loadingFrom pointer: UnsafeRawPointer) {
      low = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 0, as: Int64.self))
      high = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: Int64.self))
      area = UInt16(littleEndian: pointer.loadUnaligned(fromByteOffset: 24, as: UInt16.self))
      kind = Kind(rawValue: pointer.load(fromByteOffset: 26, as: UInt8.self))
      answersAlone = pointer.load(fromByteOffset: 27, as: UInt8.self) == 1
      areaVaries = pointer.load(fromByteOffset: 28, as: UInt8.self) == 1
      announced = AnnouncedSpan(loadingFrom: pointer + 40)
      let reach = 40 + AnnouncedSpan.storedSize
      reachFirst = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: reach, as: Int64.self))
      reachLast = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: reach + 8, as: Int64.self))
      calendarFirst = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: reach + 16, as: Int64.self))
      calendarLast = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: reach + 24, as: Int64.self))
    }
  }

  /// What a listing filters an event by, without reading its line: where the line is, when
  /// the event may have been announced, its area and its type, as the line says them; what
  /// errata make of it (the area it ends up in, or that it is struck), with, for a correction,
  /// the event it corrects, so that a question about an area reads the events errata move
  /// into it, with their errata; and where a timeline marks it once errata apply.
  struct EventRecord: Equatable {
    var offset: UInt64 = 0
    /// The earliest announcement, `Int64.min` when unbounded.
    var low = Int64.min
    /// The latest announcement, `Int64.max` when unbounded.
    var high = Int64.max
    /// The area's position among the header's areas.
    var area: UInt16 = 0
    /// The type's position in ``EventType/allCases``.
    var type: UInt8 = 0
    /// What errata do to the event.
    var corrections = Corrections()
    /// The position among the header's areas of the area the event has once errata apply
    /// (its own when none moves it).
    var effectiveArea: UInt16 = 0
    /// For an erratum or a retraction: the position (from 1) of the event it corrects among
    /// the events; 0 for other events, and when that event is not in the log.
    var target: UInt32 = 0
    /// Where a timeline marks the event once errata apply: the instant
    /// ``AnnouncementOrder/placement(of:)`` places it at, in seconds since the epoch.
    var placed: Int64 = 0
    /// The earliest announcement once errata apply (``low`` when none amends the event): what a
    /// replay filters by.
    var effectiveLow = Int64.min
    /// The latest announcement once errata apply (``high`` when none amends the event).
    var effectiveHigh = Int64.max

    /// Whether the event may have been announced within these bounds (in seconds since the
    /// epoch; `nil` for none), by its line's announcement or, with `asCorrected`, by the one
    /// errata leave it.
    func mayBeAnnounced(from: Int64?, to: Int64?, asCorrected: Bool) -> Bool {
      let (earliest, latest) = asCorrected ? (effectiveLow, effectiveHigh) : (low, high)
      if let from, latest != Int64.max, latest < from { return false }
      if let to, earliest != Int64.min, earliest > to { return false }
      return true
    }

    /// What errata do to an event.
    struct Corrections: OptionSet, Equatable, Sendable {
      let rawValue: UInt8
      /// An erratum amends it.
      static let amended = Corrections(rawValue: 1)
      /// An erratum strikes it.
      static let voided = Corrections(rawValue: 2)
    }

    init(offset: Int, event: Event, area: UInt16) {
      self.offset = UInt64(offset)
      low = event.announced.range.earliest?.secondsSinceEpoch ?? Int64.min
      high = event.announced.range.latest?.secondsSinceEpoch ?? Int64.max
      self.area = area
      effectiveArea = area
      type = UInt8(EventType.allCases.firstIndex(of: event.type) ?? 0)
      placed = AnnouncementOrder.placement(of: event).instant.secondsSinceEpoch
      (effectiveLow, effectiveHigh) = (low, high)
    }

    init(loadingFrom pointer: UnsafeRawPointer) {
      offset = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
      low = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: Int64.self))
      high = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 16, as: Int64.self))
      area = UInt16(littleEndian: pointer.loadUnaligned(fromByteOffset: 24, as: UInt16.self))
      type = pointer.load(fromByteOffset: 26, as: UInt8.self)
      corrections = Corrections(rawValue: pointer.load(fromByteOffset: 27, as: UInt8.self))
      effectiveArea = UInt16(
        littleEndian: pointer.loadUnaligned(fromByteOffset: 28, as: UInt16.self))
      target = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 32, as: UInt32.self))
      placed = Int64(littleEndian: pointer.loadUnaligned(fromByteOffset: 40, as: Int64.self))
      effectiveLow = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: 48, as: Int64.self))
      effectiveHigh = Int64(
        littleEndian: pointer.loadUnaligned(fromByteOffset: 56, as: Int64.self))
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      pointer.storeBytes(of: offset.littleEndian, toByteOffset: 0, as: UInt64.self)
      pointer.storeBytes(of: low.littleEndian, toByteOffset: 8, as: Int64.self)
      pointer.storeBytes(of: high.littleEndian, toByteOffset: 16, as: Int64.self)
      pointer.storeBytes(of: area.littleEndian, toByteOffset: 24, as: UInt16.self)
      pointer.storeBytes(of: type, toByteOffset: 26, as: UInt8.self)
      pointer.storeBytes(of: corrections.rawValue, toByteOffset: 27, as: UInt8.self)
      pointer.storeBytes(of: effectiveArea.littleEndian, toByteOffset: 28, as: UInt16.self)
      pointer.storeBytes(of: UInt16(0), toByteOffset: 30, as: UInt16.self)
      pointer.storeBytes(of: target.littleEndian, toByteOffset: 32, as: UInt32.self)
      pointer.storeBytes(of: UInt32(0), toByteOffset: 36, as: UInt32.self)
      pointer.storeBytes(of: placed.littleEndian, toByteOffset: 40, as: Int64.self)
      pointer.storeBytes(of: effectiveLow.littleEndian, toByteOffset: 48, as: Int64.self)
      pointer.storeBytes(of: effectiveHigh.littleEndian, toByteOffset: 56, as: Int64.self)
    }
  }
}
