/// One line of the log: an announcement as one source reported it.
///
/// Every event keeps three clocks: when the party announced it, when the source reported it, and
/// when it was recorded in this log. Reports that disagree are separate events; the projection
/// shows the disagreement rather than choosing.
public struct Event: Hashable, Sendable {
  /// The position in the log, from 1.
  public var seq: Int
  /// The unique id.
  public var id: String
  /// What kind of event this is.
  public var type: EventType
  /// When the party announced it.
  public var announced: Stamp
  /// When the source reported it.
  public var reported: Stamp
  /// When it was written into this log.
  public var recorded: Stamp
  /// Who wrote it into this log.
  public var recordedBy: String
  /// Who announced it, as the source names them.
  public var announcedBy: [String]
  /// The id of the area it concerns.
  public var area: String
  /// Where the report comes from.
  public var source: Source
  /// A note: how dates were derived, what is uncertain.
  public var note: String?
  /// Events this one contradicts.
  public var disputes: [String]
  /// Events that report the same announcement in other words.
  public var sameAnnouncementAs: [String]
  /// The hash of the previous line, once the log is chained.
  public var prev: String? {
    get {
      switch link {
      case .digest(let digest)?: return digest.hex
      case .text(let text)?: return text
      case nil: return nil
      }
    }
    set { link = newValue.map(ChainLink.init(text:)) }
  }
  /// `prev` as the line spells it.
  var link: ChainLink?
  /// The type-specific body.
  public var payload: EventPayload
  /// The line of the file it was read from.
  public var line: Int
}

extension Event {
  /// Creates an event.
  public init(
    seq: Int, id: String, type: EventType, announced: Stamp, reported: Stamp, recorded: Stamp,
    recordedBy: String, announcedBy: [String], area: String, source: Source, note: String?,
    disputes: [String], sameAnnouncementAs: [String], prev: String?, payload: EventPayload,
    line: Int
  ) {
    self.init(
      seq: seq, id: id, type: type, announced: announced, reported: reported, recorded: recorded,
      recordedBy: recordedBy, announcedBy: announcedBy, area: area, source: source, note: note,
      disputes: disputes, sameAnnouncementAs: sameAnnouncementAs,
      link: prev.map(ChainLink.init(text:)), payload: payload, line: line)
  }
}

/// An event's `prev` as its line spells it: a SHA-256 in lowercase hexadecimal (as
/// `truce append` writes it) is kept as the digest, in 32 bytes and parsed once; anything else
/// as the text, which the error about it quotes.
enum ChainLink: Hashable, Sendable {
  case digest(SHA256Digest)
  case text(String)

  init(text: String) {
    let digest = text.utf8.withContiguousStorageIfAvailable {
      SHA256Digest(lowercaseHex: UnsafeRawBufferPointer($0))
    }
    if let digest = digest ?? SHA256Digest(lowercaseHex: Array(text.utf8)) {
      self = .digest(digest)
    } else {
      self = .text(text)
    }
  }

  /// The hash it names; `nil` when the text is not 64 hexadecimal digits.
  var digest: SHA256Digest? {
    switch self {
    case .digest(let digest): return digest
    case .text(let text): return SHA256Digest(hex: text)
    }
  }
}

/// The type-specific body of an event.
///
/// Every case is kept in a box of its own, so an ``Event`` holds one reference here rather than
/// the largest body inline (a declaration with its window was 273 bytes): a million events are
/// copied, moved and freed that much faster.
public indirect enum EventPayload: Hashable, Sendable {
  /// `pause.declared`.
  case pauseDeclared(PauseDeclaration)
  /// `pause.extended`; `end` is `nil` when the new end was not reported.
  case pauseExtended(pause: String, end: Stamp?)
  /// `pause.suspended`.
  case pauseSuspended(pause: String, at: Stamp)
  /// `pause.resumed`.
  case pauseResumed(pause: String, at: Stamp)
  /// `pause.ended`.
  case pauseEnded(pause: String, at: Stamp, how: PauseEnding)
  /// `corridor.opened`.
  case corridorOpened(CorridorOpening)
  /// `corridor.closed`.
  case corridorClosed(corridor: String, at: Stamp)
  /// `offensive.launched`.
  case offensiveLaunched(OffensiveLaunch)
  /// `offensive.scaled-back`.
  case offensiveScaledBack(offensive: String, at: Stamp)
  /// `offensive.intensified`.
  case offensiveIntensified(offensive: String, at: Stamp)
  /// `offensive.ended`.
  case offensiveEnded(offensive: String, at: Stamp)
  /// `violation.reported`, optionally linked to a pause or an offensive.
  case violationReported(pause: String?, offensive: String?, at: Stamp, by: [String])
  /// `proposal`: never in force by itself.
  case proposal(id: String, kind: ProposalKind, terms: [String], parties: [String])
  /// `statement`: changes nothing in force.
  case statement(kind: StatementKind, about: [String])
  /// `correction.erratum`: the amended event is held by ``EventLog/amendments``.
  case erratum(corrects: String, void: Bool)
  /// `correction.retraction`.
  case retraction(retracts: String)
}

extension Event {
  /// The pause, corridor group, offensive or proposal this event is about, if any.
  public var subject: String? { payload.subject }
}

extension EventPayload {
  /// The pause, corridor group, offensive or proposal an event with this body is about, if any.
  var subject: String? {
    switch self {
    case .pauseDeclared(let declaration): return declaration.pause
    case .pauseExtended(let pause, _), .pauseSuspended(let pause, _), .pauseResumed(let pause, _),
      .pauseEnded(let pause, _, _):
      return pause
    case .corridorOpened(let opening): return opening.corridor
    case .corridorClosed(let corridor, _): return corridor
    case .offensiveLaunched(let launch): return launch.offensive
    case .offensiveScaledBack(let offensive, _), .offensiveIntensified(let offensive, _),
      .offensiveEnded(let offensive, _):
      return offensive
    case .violationReported(let pause, let offensive, _, _): return pause ?? offensive
    case .proposal(let id, _, _, _): return id
    case .statement(_, let about): return about.first
    case .erratum, .retraction: return nil
    }
  }
}
