extension AtIndexLayout {
  /// How large an announcer's record is.
  static let announcerRecordSize = 32
  /// How large each event an announcer lists is: its position in the log, from 0.
  static let announcedSize = 4

  /// One name an event's announcers go by (an entry of its `announcedBy`): where the name is
  /// among the announcers' names, and where the events it announced are listed (positions in
  /// the log, ascending, each once). An event is listed under each name its line gives and each
  /// name errata give it, so the events an `--actor` may take are found without reading a line.
  struct AnnouncerRecord: Equatable {
    /// Where its name starts among the announcers' names, in bytes.
    var nameOffset: UInt64 = 0
    /// Its name's length in bytes.
    var nameLength: UInt64 = 0
    /// Where its events start among the events listed, counted in events.
    var firstAnnounced: UInt64 = 0
    /// How many events it announced.
    var announcedCount: UInt64 = 0

    init(nameOffset: UInt64, nameLength: UInt64, firstAnnounced: UInt64, announcedCount: UInt64) {
      self.nameOffset = nameOffset
      self.nameLength = nameLength
      self.firstAnnounced = firstAnnounced
      self.announcedCount = announcedCount
    }

    init(loadingFrom pointer: UnsafeRawPointer) {
      func word(_ offset: Int) -> UInt64 {
        UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      }
      nameOffset = word(0)
      nameLength = word(8)
      firstAnnounced = word(16)
      announcedCount = word(24)
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      for (offset, word) in [
        (0, nameOffset), (8, nameLength), (16, firstAnnounced), (24, announcedCount),
      ] {
        pointer.storeBytes(of: word.littleEndian, toByteOffset: offset, as: UInt64.self)
      }
    }
  }

  /// Who announced a log's events, as the index stores it: each name in the order it first
  /// comes, with the events it announced as their lines give them or errata make them.
  struct Announcers: Equatable {
    var records: [AnnouncerRecord] = []
    var names: [UInt8] = []
    var announced: [UInt32] = []

    /// No announcers (an index of an empty log, or built for a test).
    init() {}

    /// The announcers of `events` (in log order), and of the events `amendments` make of them
    /// (by id). Empty when there are more events than 32-bit positions name: the index then
    /// cannot say who announced them (``AtIndex/positions(announcedByAnyOf:)``).
    init(of events: [Event], amendments: [String: Event]) {
      guard UInt32(exactly: events.count) != nil else { return }
      var slots: [String: Int] = [:]
      var lists: [[UInt32]] = []
      var order: [String] = []
      for position in events.indices {
        let event = events[position]
        var names = event.announcedBy
        if !amendments.isEmpty, let amended = amendments[event.id] {
          names += amended.announcedBy
        }
        for name in names {
          let slot: Int
          if let known = slots[name] {
            slot = known
          } else {
            slot = lists.count
            slots[name] = slot
            lists.append([])
            order.append(name)
          }
          // An event names the same announcer twice at most once in its list.
          if lists[slot].last != UInt32(position) { lists[slot].append(UInt32(position)) }
        }
      }
      for (slot, name) in order.enumerated() {
        records.append(
          AnnouncerRecord(
            nameOffset: UInt64(names.count), nameLength: UInt64(name.utf8.count),
            firstAnnounced: UInt64(announced.count), announcedCount: UInt64(lists[slot].count)))
        names += name.utf8
        announced += lists[slot]
      }
    }

    /// Stores the records, the names and the events listed, one after another from `pointer`.
    func store(to pointer: UnsafeMutableRawPointer) {
      var cursor = pointer
      for record in records {
        record.store(to: cursor)
        cursor += AtIndexLayout.announcerRecordSize
      }
      names.withUnsafeBytes { bytes in
        UnsafeMutableRawBufferPointer(start: cursor, count: bytes.count).copyMemory(from: bytes)
      }
      cursor += names.count
      for position in announced {
        cursor.storeBytes(of: position.littleEndian, as: UInt32.self)
        cursor += AtIndexLayout.announcedSize
      }
    }
  }
}
