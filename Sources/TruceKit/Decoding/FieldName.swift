import Glibc

/// A key of the log format, recognised from its bytes once per line so that later lookups
/// compare small integers instead of strings.
enum FieldName: UInt8 {
  case `seq`
  case `id`
  case `type`
  case announced
  case reported
  case recorded
  case `at`
  case `by`
  case announcedBy
  case area
  case source
  case publication
  case headline
  case seed
  case quote
  case url
  case note
  case disputes
  case sameAnnouncementAs
  case prev
  case pause
  case `kind`
  case scope
  case window
  case `start`
  case `end`
  case dailyHours
  case `from`
  case `to`
  case conditions
  case parties
  case unilateral
  case corridor
  case `count`
  case users
  case route
  case `how`
  case offensive
  case aim
  case proposal
  case terms
  case about
  case corrects
  case `void`
  case `set`
  case retracts
  /// A key the format does not have.
  case unknown = 255

  /// The key as written in the log.
  var key: String {
    switch self {
    case .seq: "seq"
    case .id: "id"
    case .type: "type"
    case .announced: "announced"
    case .reported: "reported"
    case .recorded: "recorded"
    case .at: "at"
    case .by: "by"
    case .announcedBy: "announcedBy"
    case .area: "area"
    case .source: "source"
    case .publication: "publication"
    case .headline: "headline"
    case .seed: "seed"
    case .quote: "quote"
    case .url: "url"
    case .note: "note"
    case .disputes: "disputes"
    case .sameAnnouncementAs: "sameAnnouncementAs"
    case .prev: "prev"
    case .pause: "pause"
    case .kind: "kind"
    case .scope: "scope"
    case .window: "window"
    case .start: "start"
    case .end: "end"
    case .dailyHours: "dailyHours"
    case .from: "from"
    case .to: "to"
    case .conditions: "conditions"
    case .parties: "parties"
    case .unilateral: "unilateral"
    case .corridor: "corridor"
    case .count: "count"
    case .users: "users"
    case .route: "route"
    case .how: "how"
    case .offensive: "offensive"
    case .aim: "aim"
    case .proposal: "proposal"
    case .terms: "terms"
    case .about: "about"
    case .corrects: "corrects"
    case .void: "void"
    case .set: "set"
    case .retracts: "retracts"
    case .unknown: ""
    }
  }

  /// The bit of this name in a set of names read.
  @inline(__always)
  var bit: UInt64 { self == .unknown ? 0 : 1 &<< UInt64(rawValue) }

  /// Recognises a key entry of the tape.
  init(_ key: LineTape.Entry, in scanner: TapeScanner) {
    if key.escaped {
      let bytes = scanner.decoded(key.start, key.end)
      self = bytes.withUnsafeBytes { FieldName(bytes: $0) }
    } else {
      self = FieldName(
        bytes: UnsafeRawBufferPointer(rebasing: scanner.bytes[Int(key.start)..<Int(key.end)]))
    }
  }

  /// Recognises a key from its (unescaped) bytes.
  init(bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      self = .unknown
      return
    }
    let first = bytes[0]
    func matches(_ name: StaticString) -> Bool {
      memcmp(base, name.utf8Start, name.utf8CodeUnitCount) == 0
    }
    switch bytes.count {
    case 2:
      switch first {
      case UInt8(ascii: "a"):
        if matches("at") {
          self = .at
          return
        }
      case UInt8(ascii: "b"):
        if matches("by") {
          self = .by
          return
        }
      case UInt8(ascii: "i"):
        if matches("id") {
          self = .id
          return
        }
      case UInt8(ascii: "t"):
        if matches("to") {
          self = .to
          return
        }
      default: break
      }
    case 3:
      switch first {
      case UInt8(ascii: "a"):
        if matches("aim") {
          self = .aim
          return
        }
      case UInt8(ascii: "e"):
        if matches("end") {
          self = .end
          return
        }
      case UInt8(ascii: "h"):
        if matches("how") {
          self = .how
          return
        }
      case UInt8(ascii: "s"):
        if matches("seq") {
          self = .seq
          return
        }
        if matches("set") {
          self = .set
          return
        }
      case UInt8(ascii: "u"):
        if matches("url") {
          self = .url
          return
        }
      default: break
      }
    case 4:
      switch first {
      case UInt8(ascii: "a"):
        if matches("area") {
          self = .area
          return
        }
      case UInt8(ascii: "f"):
        if matches("from") {
          self = .from
          return
        }
      case UInt8(ascii: "k"):
        if matches("kind") {
          self = .kind
          return
        }
      case UInt8(ascii: "n"):
        if matches("note") {
          self = .note
          return
        }
      case UInt8(ascii: "p"):
        if matches("prev") {
          self = .prev
          return
        }
      case UInt8(ascii: "s"):
        if matches("seed") {
          self = .seed
          return
        }
      case UInt8(ascii: "t"):
        if matches("type") {
          self = .type
          return
        }
      case UInt8(ascii: "v"):
        if matches("void") {
          self = .void
          return
        }
      default: break
      }
    case 5:
      switch first {
      case UInt8(ascii: "a"):
        if matches("about") {
          self = .about
          return
        }
      case UInt8(ascii: "c"):
        if matches("count") {
          self = .count
          return
        }
      case UInt8(ascii: "p"):
        if matches("pause") {
          self = .pause
          return
        }
      case UInt8(ascii: "q"):
        if matches("quote") {
          self = .quote
          return
        }
      case UInt8(ascii: "r"):
        if matches("route") {
          self = .route
          return
        }
      case UInt8(ascii: "s"):
        if matches("scope") {
          self = .scope
          return
        }
        if matches("start") {
          self = .start
          return
        }
      case UInt8(ascii: "t"):
        if matches("terms") {
          self = .terms
          return
        }
      case UInt8(ascii: "u"):
        if matches("users") {
          self = .users
          return
        }
      default: break
      }
    case 6:
      switch first {
      case UInt8(ascii: "s"):
        if matches("source") {
          self = .source
          return
        }
      case UInt8(ascii: "w"):
        if matches("window") {
          self = .window
          return
        }
      default: break
      }
    case 7:
      switch first {
      case UInt8(ascii: "p"):
        if matches("parties") {
          self = .parties
          return
        }
      default: break
      }
    case 8:
      switch first {
      case UInt8(ascii: "c"):
        if matches("corridor") {
          self = .corridor
          return
        }
        if matches("corrects") {
          self = .corrects
          return
        }
      case UInt8(ascii: "d"):
        if matches("disputes") {
          self = .disputes
          return
        }
      case UInt8(ascii: "h"):
        if matches("headline") {
          self = .headline
          return
        }
      case UInt8(ascii: "p"):
        if matches("proposal") {
          self = .proposal
          return
        }
      case UInt8(ascii: "r"):
        if matches("reported") {
          self = .reported
          return
        }
        if matches("recorded") {
          self = .recorded
          return
        }
        if matches("retracts") {
          self = .retracts
          return
        }
      default: break
      }
    case 9:
      switch first {
      case UInt8(ascii: "a"):
        if matches("announced") {
          self = .announced
          return
        }
      case UInt8(ascii: "o"):
        if matches("offensive") {
          self = .offensive
          return
        }
      default: break
      }
    case 10:
      switch first {
      case UInt8(ascii: "c"):
        if matches("conditions") {
          self = .conditions
          return
        }
      case UInt8(ascii: "d"):
        if matches("dailyHours") {
          self = .dailyHours
          return
        }
      case UInt8(ascii: "u"):
        if matches("unilateral") {
          self = .unilateral
          return
        }
      default: break
      }
    case 11:
      switch first {
      case UInt8(ascii: "a"):
        if matches("announcedBy") {
          self = .announcedBy
          return
        }
      case UInt8(ascii: "p"):
        if matches("publication") {
          self = .publication
          return
        }
      default: break
      }
    case 18:
      switch first {
      case UInt8(ascii: "s"):
        if matches("sameAnnouncementAs") {
          self = .sameAnnouncementAs
          return
        }
      default: break
      }
    default: break
    }
    self = .unknown
  }
}
