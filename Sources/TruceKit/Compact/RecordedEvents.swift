/// A log's events with errata applied, held as records (``CompactEvents``) for a fold, with what
/// it takes to show any one of them whole: its line, read again from the log and decoded, with
/// the errata that amend it merged in.
///
/// A record keeps what a fold reads; an answer that shows an event (a proposal, a statement, the
/// source of a cited event) shows every field of it, so the event is decoded again from its line,
/// exactly as the log's reading decoded it. An answer shows a few dozen events of a million.
///
/// Made by ``EventLog/takeEffectiveRecords()``, folded by ``Projection/init(records:knowledge:)``.
public struct RecordedEvents: Sendable {
  /// The records, in the order of ``EventLog/effectiveEvents``.
  let records: CompactEvents
  /// Where each record's event is among the log's events as recorded (its line is two more: the
  /// header is line 1).
  private let origins: [UInt32]
  /// For each event amended by errata, by its position in ``records``: where those errata are
  /// among the log's events as recorded, in order. (Kept whole, the amended events took about 35
  /// MB at 1M.)
  private let errata: [Int: [UInt32]]
  /// Reads lines again.
  private let reader: LineRereader

  /// Records with where their events came from.
  ///
  /// - Parameters:
  ///   - records: The records, errata applied.
  ///   - origins: For each record, its event's position among the log's events as recorded.
  ///   - errata: For each amended event, by its position in `records`, the positions of the
  ///     errata that amend it among the log's events as recorded, in order.
  ///   - reader: Reads the log's lines again.
  init(
    records: CompactEvents, origins: [UInt32], errata: [Int: [UInt32]], reader: LineRereader
  ) {
    precondition(origins.count == records.count, "an origin for every record")
    self.records = records
    self.origins = origins
    self.errata = errata
    self.reader = reader
  }

  /// How many events are held.
  public var count: Int { records.count }

  /// The event at `position`, whole: its line decoded again, with the errata that amend it
  /// merged in.
  ///
  /// When the line can no longer be read (a tool that ignores the log's lock shortened the file),
  /// the event is made from its record alone and ``rereadFailure`` says so: an answer that read
  /// one must not be shown.
  func event(at position: Int) -> Event {
    let origin = Int(origins[position])
    let event =
      if let errata = errata[position] {
        reader.amendedEvent(ofEventAt: origin, line: origin + 2, errata: errata)
      } else {
        reader.event(ofEventAt: origin, line: origin + 2)
      }
    return event ?? partialEvent(at: position, line: origin + 2)
  }

  /// The first line that could not be read again, if any.
  var rereadFailure: LogError? { reader.failure }

  /// What the record alone holds of an event, with the fields it does not keep left empty.
  private func partialEvent(at position: Int, line: Int) -> Event {
    let announced = records.announced(at: position)
    return Event(
      seq: 0, id: records.id(at: position), type: records.type(at: position),
      announced: announced, reported: announced, recorded: announced, recordedBy: "",
      announcedBy: [], area: records.area(at: position),
      source: Source(publication: records.citation(at: position)), note: nil,
      disputes: records.disputes(at: position),
      sameAnnouncementAs: records.sameAnnouncementAs(at: position), prev: nil,
      payload: records.payload(at: position), line: line)
  }
}
