extension AtIndexLayout {
  /// How an event is linked to a name: by bearing it as its id, by being about it, or by citing
  /// it, as the event's line gives them: what `truce show` looks up
  /// (``IndexedLogReader/log(showing:)``).
  enum LinkRelation: UInt8, CaseIterable {
    /// The event's id.
    case id = 0
    /// What an event other than a statement is about (its pause, corridor group, offensive,
    /// proposal, or a violation's pause or offensive).
    case subject = 1
    /// An event its `disputes` names.
    case disputes = 2
    /// An event its `sameAnnouncementAs` names.
    case sameAnnouncement = 3
    /// The event an erratum or a retraction corrects.
    case corrects = 4
  }

  /// One name an event bears or cites: its hash (``NameHash``), the relation, and the event's
  /// position in the log (from 0). Stored in 16 bytes, sorted by hash, relation and position,
  /// so that the events linked to a name are found by a binary search.
  struct LinkEntry: Equatable, Comparable {
    var hash: UInt64
    var relation: LinkRelation
    var position: UInt32

    static func < (lhs: LinkEntry, rhs: LinkEntry) -> Bool {
      (lhs.hash, lhs.relation.rawValue, lhs.position)
        < (rhs.hash, rhs.relation.rawValue, rhs.position)
    }

    /// Reads an entry; `nil` for a relation this version does not know.
    init?(loadingFrom pointer: UnsafeRawPointer) {
      hash = UInt64(littleEndian: pointer.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
      position = UInt32(littleEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
      guard
        let relation = LinkRelation(rawValue: pointer.load(fromByteOffset: 12, as: UInt8.self))
      else { return nil }
      self.relation = relation
    }

    init(hash: UInt64, relation: LinkRelation, position: UInt32) {
      self.hash = hash
      self.relation = relation
      self.position = position
    }

    func store(to pointer: UnsafeMutableRawPointer) {
      pointer.storeBytes(of: hash.littleEndian, toByteOffset: 0, as: UInt64.self)
      pointer.storeBytes(of: position.littleEndian, toByteOffset: 8, as: UInt32.self)
      pointer.storeBytes(of: relation.rawValue, toByteOffset: 12, as: UInt8.self)
      for offset in 13..<16 {
        pointer.storeBytes(of: UInt8(0), toByteOffset: offset, as: UInt8.self)
      }
    }

    /// The names an event bears or cites, as its line gives them (the index holds those of each
    /// event as errata make it too, under the same position).
    static func entries(of event: Event, position: UInt32) -> [LinkEntry] {
      var entries = [LinkEntry(hash: NameHash.of(event.id), relation: .id, position: position)]
      func add(_ name: String, _ relation: LinkRelation) {
        entries.append(LinkEntry(hash: NameHash.of(name), relation: relation, position: position))
      }
      // A statement's names are found through the items: each item's lines hold the
      // statements that name it (``ItemClosure``).
      switch event.payload {
      case .statement: break
      case .erratum(let target, _), .retraction(let target): add(target, .corrects)
      default: if let subject = event.subject { add(subject, .subject) }
      }
      for id in event.disputes { add(id, .disputes) }
      for id in event.sameAnnouncementAs { add(id, .sameAnnouncement) }
      return entries
    }
  }

  static let linkEntrySize = 16
}
