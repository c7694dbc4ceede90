extension Scenario {
  /// Reads a scenario file.
  ///
  /// - Throws: ``ScenarioError`` with the file and the line (JSON syntax) or the JSON path.
  public static func read(path: String) throws(ScenarioError) -> Scenario {
    let bytes: [UInt8]
    do { bytes = try FileIO.readAll(path: path) } catch {
      throw ScenarioError(
        file: path, line: nil, path: nil, message: "cannot read the file: \(error)")
    }
    let value: JSONValue
    do { value = try JSONParser.parse(bytes) } catch {
      let (line, column) = Scenario.position(in: bytes, column: error.column)
      throw ScenarioError(
        file: path, line: line, path: nil,
        message: "column \(column): invalid JSON: \(error.description)")
    }
    do {
      var reader = try FieldReader(value, path: "")
      guard try reader.string("format") == "truce-scenario" else {
        throw FieldError(field: "format", problem: .invalidValue("expected 'truce-scenario'"))
      }
      guard try reader.optionalInt("version", in: 1...1) != nil else {
        throw FieldError(field: "version", problem: .missingField)
      }
      let title = try reader.string("title")
      let description = try reader.string("description")
      let base = try reader.optionalString("base").map { base in
        base.hasPrefix("/")
          ? base : FileIO.joined(FileIO.directoryName(of: path), base)
      }
      var branchAt: TimeSpec?
      if let text = try reader.optionalString("branchAt") {
        do { branchAt = try TimeSpec(parsing: text) } catch {
          throw FieldError(field: "branchAt", problem: .time(error))
        }
      }
      var add: [JSONObject] = []
      if let events = reader.value("add") {
        guard case .array(let items) = events else {
          throw FieldError(
            field: "add",
            problem: .wrongType(expected: "an array of events", found: events.typeName))
        }
        for (index, item) in items.enumerated() {
          guard case .object(let object) = item else {
            throw FieldError(
              field: "add[\(index)]",
              problem: .wrongType(expected: "an event object", found: item.typeName))
          }
          for key in ["seq", "prev"] where object[key] != nil {
            throw FieldError(
              field: "add[\(index)].\(key)",
              problem: .invalidValue("scenario events carry no '\(key)'"))
          }
          add.append(object)
        }
      }
      let leaveOut = try reader.strings("leaveOut")
      try reader.finish()
      return Scenario(
        file: path, title: title, description: description, base: base, branchAt: branchAt,
        add: add,
        leaveOut: leaveOut)
    } catch let error as FieldError {
      throw ScenarioError(
        file: path, line: nil, path: error.field, message: error.problem.description)
    } catch {
      throw ScenarioError(file: path, line: nil, path: nil, message: "\(error)")
    }
  }

  /// The base log of stacked scenarios: `log` when given, else their `base`; `nil` for the
  /// default (the bundled history).
  ///
  /// - Throws: ``ScenarioError`` when scenarios name different bases, or a base other than `log`.
  public static func basePath(of scenarios: [Scenario], log: String?) throws(ScenarioError)
    -> String?
  {
    var chosen: (path: String, file: String)?
    for scenario in scenarios {
      guard let base = scenario.base else { continue }
      if let chosen, FileIO.resolved(chosen.path) != FileIO.resolved(base) {
        throw ScenarioError(
          file: scenario.file, line: nil, path: "base",
          message:
            "'\(base)' differs from the base of \(chosen.file) ('\(chosen.path)'): stacked scenarios share one base"
        )
      }
      chosen = chosen ?? (base, scenario.file)
    }
    if let log, let chosen, FileIO.resolved(log) != FileIO.resolved(chosen.path) {
      throw ScenarioError(
        file: chosen.file, line: nil, path: "base",
        message: "'\(chosen.path)' differs from the log given with --log ('\(log)')")
    }
    return log ?? chosen?.path
  }

  static func position(in bytes: [UInt8], column: Int) -> (Int, Int) {
    var line = 1
    var lineStart = 0
    var scalars = 0
    for byte in bytes {
      if scalars == column - 1 { break }
      if byte & 0xC0 != 0x80 { scalars += 1 }
      if byte == UInt8(ascii: "\n") {
        line += 1
        lineStart = scalars
      }
    }
    return (line, column - lineStart)
  }
}
