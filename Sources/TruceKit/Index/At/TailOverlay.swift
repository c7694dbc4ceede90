/// What the lines appended after the index was built (``LogTail``) change in an answer drawn
/// from it: the indexed items they touch, which must be read whatever the index says of when
/// they may be in force; the items and proposals they bring; and the lines to fold beside the
/// index's.
///
/// It follows the rules the index was built by (``ItemClosure``): a line belongs to the items
/// it is about (for a statement, the items it names), a corridor group's lines include its
/// pause's, and a pause's lines belong to its corridor groups. Lines whose reach those rules
/// bound only through other events (errata, retractions, `disputes`, `sameAnnouncementAs`) are
/// not taken: with one of those in the tail, the question goes to the whole log.
struct TailOverlay {
  /// Positions in the index of the items the tail touches.
  private(set) var touched: Set<Int> = []
  /// Pauses, corridor groups and offensives the tail declares that the index does not hold.
  private(set) var newItems: Set<String> = []
  /// The tail's proposals, by the id of their event.
  private(set) var proposals: Set<String> = []
  /// The tail's lines.
  private(set) var lines: [LogSubset.Line] = []

  /// No lines appended.
  init() {}

  /// The overlay of a tail on an index; `nil` when a line of the tail is of a kind it does not
  /// take.
  ///
  /// - Throws: ``IndexMismatch`` when the indexes point to lines that are not what they say.
  init?(_ tail: LogTail, index: AtIndex, reader: LogLineReader, areas: AreaRegistry)
    throws(IndexMismatch)
  {
    guard let vouching = tail.vouching else { return }
    var names = Set<String>()
    var declared = Set<String>()
    var pauses = Set<String>()
    for entry in tail.entries {
      let event = entry.event
      guard event.disputes.isEmpty, event.sameAnnouncementAs.isEmpty else { return nil }
      lines.append(entry.line)
      switch event.payload {
      case .erratum, .retraction: return nil
      case .proposal: proposals.insert(event.id)
      case .statement(_, let about): names.formUnion(about)
      case .violationReported(let pause, let offensive, _, _):
        names.formUnion([pause, offensive].compactMap { $0 })
      case .corridorOpened(let opening):
        names.formUnion([opening.corridor, opening.pause])
        declared.insert(opening.corridor)
      case .pauseDeclared(let declaration):
        names.insert(declaration.pause)
        pauses.insert(declaration.pause)
        declared.insert(declaration.pause)
      case .offensiveLaunched(let launch):
        names.insert(launch.offensive)
        declared.insert(launch.offensive)
      case .pauseExtended(let pause, _), .pauseSuspended(let pause, _),
        .pauseResumed(let pause, _), .pauseEnded(let pause, _, _):
        names.insert(pause)
        pauses.insert(pause)
      case .corridorClosed, .offensiveScaledBack, .offensiveIntensified, .offensiveEnded:
        if let subject = event.subject { names.insert(subject) }
      }
    }
    let found = index.positions(named: names)
    for positions in found.values { touched.formUnion(positions) }
    newItems = declared.subtracting(found.keys)
    // The corridor groups of the pauses touched: their lines hold the pause's first
    // declaration.
    var lookup = IndexLookup(table: vouching.table, reader: reader, areas: areas)
    var declarations: [Int] = []
    for pause in pauses {
      guard let record = try vouching.table.record(named: pause), record.pauseOffset != 0,
        record.pauseOffset < index.header.logLength
      else { continue }
      guard
        case .pauseDeclared(let declaration) = try lookup.event(at: record.pauseOffset)
          .event.payload, declaration.pause == pause
      else {
        throw IndexMismatch(reason: "the index does not point to the declaration of '\(pause)'")
      }
      declarations.append(Int(record.pauseOffset))
    }
    touched.formUnion(index.corridorGroups(holdingAnyOf: declarations))
  }
}
