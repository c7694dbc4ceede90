extension AtIndex {
  /// Which events one of whose announcers `actors` may take (``EventFilter/actors``): those
  /// listed under a name that contains one of them as whole words, ignoring case, as their
  /// lines give their announcers or errata make them. The filter itself still tests the events
  /// read: an event announced by such a name only as written, which an erratum renames, is
  /// among these.
  ///
  /// - Returns: One flag per event, in log order; `nil` when `actors` is empty (the filter takes
  ///   every announcer).
  /// - Throws: ``IndexMismatch`` when the index is damaged (the section does not match its
  ///   blocks' checksums, or points outside itself), or cannot say who announced its events (more than
  ///   32-bit positions name).
  func events(announcedByAnyOf actors: [String]) throws(IndexMismatch) -> [Bool]? {
    guard !actors.isEmpty else { return nil }
    let eventCount = Int(header.eventCount)
    guard UInt32(exactly: eventCount) != nil else {
      throw IndexMismatch(reason: "the index does not say who announced so many events")
    }
    guard
      blocks.check(header.announcersOffset, count: header.blocksOffset - header.announcersOffset)
    else {
      throw IndexMismatch(reason: "the index is damaged (who announced what)")
    }
    var taken = [Bool](repeating: false, count: eventCount)
    let records = file.base + header.announcersOffset
    let names = file.base + header.announcerNamesOffset
    let announced = file.base + header.announcedOffset
    for slot in 0..<Int(header.announcerCount) {
      let record = AtIndexLayout.AnnouncerRecord(
        loadingFrom: records + slot * AtIndexLayout.announcerRecordSize)
      guard record.nameOffset <= header.announcerNameBytes,
        record.nameLength <= header.announcerNameBytes - record.nameOffset,
        record.firstAnnounced <= header.announcedCount,
        record.announcedCount <= header.announcedCount - record.firstAnnounced
      else { throw IndexMismatch(reason: "the index is damaged") }
      let name = String(
        decoding: UnsafeRawBufferPointer(
          start: names + Int(record.nameOffset), count: Int(record.nameLength)),
        as: UTF8.self)
      guard actors.contains(where: { EventFilter.containsWords($0, in: name) }) else { continue }
      let first = Int(record.firstAnnounced)
      for entry in first..<first + Int(record.announcedCount) {
        let position = Int(
          UInt32(
            littleEndian: (announced + entry * AtIndexLayout.announcedSize).loadUnaligned(
              as: UInt32.self)))
        guard position < eventCount else { throw IndexMismatch(reason: "the index is damaged") }
        taken[position] = true
      }
    }
    return taken
  }
}
