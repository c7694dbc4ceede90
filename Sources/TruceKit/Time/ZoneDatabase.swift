import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The tz database as the system installs it: one compiled TZif file per zone under
/// `/usr/share/zoneinfo` (or the folder `TZDIR` names), read once per process and shared.
enum ZoneDatabase {
  /// The folder the zones' files are in.
  static var directory: String {
    guard let value = getenv("TZDIR"), value.pointee != 0 else { return "/usr/share/zoneinfo" }
    return String(cString: value)
  }

  /// The rules of the zone with this tz database name, or `nil` when no zone has it.
  ///
  /// A name is one or more parts joined by `/`, each of letters, digits and `_`, `-`, `+`, `.`
  /// (not starting with `.`), as the database spells them (`Asia/Damascus`, `Etc/GMT-3`,
  /// `UTC`). The copies under `posix/` and `right/`, and `posixrules`, `localtime` and
  /// `Factory`, which are not places, are refused.
  static func rules(for name: String) -> ZoneRules? {
    guard isZoneName(name) else { return nil }
    if let known = cache.withLock({ $0[name] }) { return known }
    let path = directory + "/" + name
    guard let bytes = try? FileIO.readAll(path: path), let file = try? TZifFile(bytes),
      let rules = try? ZoneRules(file)
    else {
      // UTC has no rules to read: it is known without the database.
      return name == "UTC" || name == "Etc/UTC" ? utc : nil
    }
    return cache.withLock { cache in
      if let known = cache[name] { return known }
      cache[name] = rules
      return rules
    }
  }

  /// Whether the database is there at all: its folder holds the file of `UTC` (without it, every
  /// name but UTC is refused, and errors should say that the database is missing).
  static var isInstalled: Bool { FileIO.exists(directory + "/UTC") }

  /// Why a zone name is refused, in words: not a zone, or no database to look it up in.
  static func refusal(of name: String) -> String {
    isInstalled
      ? "'\(name)' is not a zone in the tz database"
      : "'\(name)' cannot be looked up: the tz database is not installed (no \(directory)/UTC; "
        + "install the system's tzdata, or name its folder in TZDIR)"
  }

  /// Whether a name has the form of a zone's name in the database.
  static func isZoneName(_ name: String) -> Bool {
    guard !name.isEmpty, name.utf8.count < 256, !excluded.contains(name) else { return false }
    let parts = name.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
    guard let first = parts.first, !excludedFolders.contains(String(decoding: first, as: UTF8.self))
    else { return false }
    return parts.allSatisfy { part in
      guard let lead = part.first, lead != UInt8(ascii: ".") else { return false }
      return part.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
          UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
          UInt8(ascii: "+"), UInt8(ascii: "."):
          return true
        default:
          return false
        }
      }
    }
  }

  private static let excluded: Set<String> = ["posixrules", "localtime", "Factory"]
  private static let excludedFolders: Set<String> = ["posix", "right"]
  private static let cache = Mutex<[String: ZoneRules]>([:])
  /// UTC: no changes, offset 0.
  private static let utc = ZoneRules(fixedOffset: 0)
}
