#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Starts a new log: its header line (format version and areas) and its head.
public enum LogInitializer {
  /// Creates a log file that must not exist yet.
  ///
  /// - Parameters:
  ///   - path: Where to create it.
  ///   - header: The header as a JSON object; it is checked like any log's first line.
  /// - Returns: The head of the new log.
  /// - Throws: ``WriteError/exists(_:)`` if the file exists; ``WriteError/log(_:)`` for a bad
  ///   header; ``WriteError/io(_:)`` when the file cannot be written.
  @discardableResult
  public static func create(path: String, header: JSONObject) throws(WriteError) -> LogHead {
    let (descriptor, line) = try openNew(path: path, header: header)
    defer { close(descriptor) }
    let head = LogHead(seq: 0, hash: SHA256.hash(line), length: line.count + 1)
    do {
      try FileIO.writeAll(line + [UInt8(ascii: "\n")], descriptor: descriptor, path: path)
      try FileIO.sync(descriptor, path: path)
      try FileIO.syncDirectory(of: path)
      try head.write(forLog: path)
    } catch {
      unlink(path)
      throw .io(error)
    }
    return head
  }

  /// Checks a header like any log's first line, then creates the file for it (which must not
  /// exist); returns the open descriptor and the header line (without its newline).
  ///
  /// - Throws: ``WriteError/log(_:)`` for a bad header, ``WriteError/exists(_:)``,
  ///   ``WriteError/io(_:)``.
  static func openNew(path: String, header: JSONObject) throws(WriteError) -> (Int32, [UInt8]) {
    let line = Array(JSONValue.object(header).serialized().utf8)
    do {
      _ = try EventLog.parse(line + [UInt8(ascii: "\n")], file: path)
    } catch {
      throw .log(error)
    }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw .exists(path) }
      throw .io(FileIOError(path: path, operation: "create", code: errno))
    }
    return (descriptor, line)
  }

  /// Builds a header from area descriptions such as
  /// `aleppo=Asia/Damascus,parent=syria,name=Aleppo,alias=Aleppo city`.
  ///
  /// - Throws: ``WriteError/input(_:)`` naming the description at fault.
  public static func header(title: String?, areas descriptions: [String]) throws(WriteError)
    -> JSONObject
  {
    guard !descriptions.isEmpty else { throw .input("a log needs at least one area (--area)") }
    var areas: [JSONValue] = []
    for description in descriptions {
      var parts = description.split(separator: ",", omittingEmptySubsequences: false).map(
        String.init)
      let first = parts.removeFirst()
      guard let equals = first.firstIndex(of: "="), first.startIndex != equals else {
        throw .input("area '\(description)' must start with ID=ZONE, such as aleppo=Asia/Damascus")
      }
      let id = String(first[..<equals])
      var area: JSONObject = ["id": .string(id), "name": .string(id)]
      var aliases: [JSONValue] = []
      let zone = String(first[first.index(after: equals)...])
      for part in parts {
        guard let equals = part.firstIndex(of: "=") else {
          throw .input(
            "area '\(description)': '\(part)' is not KEY=VALUE (keys: parent, name, alias)")
        }
        let key = part[..<equals]
        let value = String(part[part.index(after: equals)...])
        switch key {
        case "parent": area["parent"] = .string(value)
        case "name": area["name"] = .string(value)
        case "alias": aliases.append(.string(value))
        default:
          throw .input("area '\(description)': unknown key '\(key)' (keys: parent, name, alias)")
        }
      }
      if !aliases.isEmpty { area["aliases"] = .array(aliases) }
      area["zone"] = .string(zone)
      areas.append(.object(area))
    }
    var header: JSONObject = [
      "format": .string(LogHeader.formatName), "version": .int(LogHeader.currentVersion),
    ]
    if let title { header["title"] = .string(title) }
    header["areas"] = .array(areas)
    return header
  }
}
