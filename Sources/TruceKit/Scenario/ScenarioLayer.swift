/// A base log with scenarios applied: the log to answer from, and what was added and left out.
public struct LayeredLog: Sendable {
  /// The scenario's log: base events kept, then hypothetical events, renumbered and unchained.
  public var log: EventLog
  /// The scenarios applied, in order.
  public var scenarios: [Scenario]
  /// Hypothetical events, by id, with the scenario file that adds each.
  public var added: [String: String]
  /// Base (or earlier hypothetical) events left out, with why.
  public var leftOut: [LeftOut]

  /// An event left out, and why.
  public struct LeftOut: Hashable, Sendable {
    /// The event's id.
    public var id: String
    /// "left out by FILE", "announced after the branch point of FILE", or "depends on what was
    /// left out".
    public var reason: String
  }
}

/// Layers scenarios on a base log. The base log's file is never written: the layered log lives
/// in memory only.
public enum ScenarioLayer {
  /// Applies scenarios in order.
  ///
  /// Leaving out an event leaves out what depends on it: events that no longer validate without
  /// it (the extensions and corridors of a pause never declared, statements about it, corrections
  /// of it), found by checking the layered log again until it holds.
  ///
  /// - Throws: ``ScenarioError`` naming the scenario file and the JSON path at fault.
  public static func apply(_ scenarios: [Scenario], to base: EventLog, headerLine: [UInt8])
    throws(ScenarioError)
    -> LayeredLog
  {
    var entries: [Entry] = base.events.compactMap { event in
      base.rawObject(id: event.id).map {
        Entry(id: event.id, object: $0, origin: nil, announced: event.announced)
      }
    }
    var leftOut: [LayeredLog.LeftOut] = []
    var added: [String: String] = [:]
    let zone = base.areas.areas.first?.zone
    for (index, scenario) in scenarios.enumerated() {
      if let branch = scenario.branchAt {
        let instant: Instant?
        do { instant = try branch.resolved(in: zone).latest } catch {
          throw ScenarioError(
            file: scenario.file, line: nil, path: "branchAt", message: error.description)
        }
        if let instant {
          for entry in entries where (entry.announced?.range.earliest).map({ $0 > instant }) == true
          {
            leftOut.append(
              .init(id: entry.id, reason: "announced after the branch point of \(scenario.file)"))
          }
          entries.removeAll { ($0.announced?.range.earliest).map { $0 > instant } == true }
        }
      }
      for (position, id) in scenario.leaveOut.enumerated() {
        guard entries.contains(where: { $0.id == id }) else {
          throw ScenarioError(
            file: scenario.file, line: nil, path: "leaveOut[\(position)]",
            message: "no event '\(id)' in the base log (or an earlier scenario) to leave out")
        }
        entries.removeAll { $0.id == id }
        added[id] = nil
        leftOut.append(.init(id: id, reason: "left out by \(scenario.file)"))
      }
      for (position, object) in scenario.add.enumerated() {
        guard case .string(let id)? = object["id"] else {
          throw ScenarioError(
            file: scenario.file, line: nil, path: "add[\(position)].id",
            message: "missing required field")
        }
        if entries.contains(where: { $0.id == id }) || leftOut.contains(where: { $0.id == id }) {
          throw ScenarioError(
            file: scenario.file, line: nil, path: "add[\(position)].id",
            message:
              "'\(id)' is already an event of the base log (or an earlier scenario): hypothetical events need ids of their own"
          )
        }
        var withRecorded = object
        if withRecorded["recorded"] == nil {
          withRecorded["recorded"] = [
            "at": "1970-01-01T00:00Z", "by": .string("scenario \(scenario.file)"),
          ]
        }
        entries.append(
          Entry(id: id, object: withRecorded, origin: (index, position), announced: nil))
        added[id] = scenario.file
      }
    }
    // Check the layered log; drop what no longer holds without the events left out.
    while true {
      let bytes = render(entries, headerLine: headerLine)
      do {
        var log = try EventLog.parse(
          bytes, file: base.file, options: ReadOptions(chain: .none, toleratesTornTail: false))
        log.hypothetical = Set(added.keys)
        return LayeredLog(log: log, scenarios: scenarios, added: added, leftOut: leftOut)
      } catch {
        guard let line = error.line, line >= 2, line - 2 < entries.count else {
          throw ScenarioError(
            file: base.file, line: error.line, path: nil, message: error.problem.description)
        }
        let entry = entries[line - 2]
        if let (scenarioIndex, position) = entry.origin {
          // A hypothetical event goes only when what it refers to was left out (by a later
          // scenario); any other bad reference is an error in the scenario.
          let dependsOnLeftOut: Bool
          if case .unknownReference(let message) = error.problem {
            dependsOnLeftOut = leftOut.contains { message.contains("'\($0.id)'") }
          } else {
            dependsOnLeftOut = false
          }
          guard dependsOnLeftOut else {
            let path = "add[\(position)]" + (error.field.map { ".\($0)" } ?? "")
            throw ScenarioError(
              file: scenarios[scenarioIndex].file, line: nil, path: path,
              message: error.problem.description)
          }
        } else if case .unknownReference = error.problem {
        } else {
          throw ScenarioError(
            file: base.file, line: nil, path: nil,
            message:
              "with the scenario's changes, base event '\(entry.id)' no longer holds: \(error.problem)"
          )
        }
        entries.remove(at: line - 2)
        added[entry.id] = nil
        leftOut.append(.init(id: entry.id, reason: "depends on what was left out"))
      }
    }
  }

  /// One event line of the layered log.
  private struct Entry {
    var id: String
    var object: JSONObject
    /// The scenario and `add` position of a hypothetical event; `nil` for a base event.
    var origin: (Int, Int)?
    var announced: Stamp?
  }

  /// The layered log's bytes: the base header, then each event renumbered and without `prev`.
  private static func render(_ entries: [Entry], headerLine: [UInt8]) -> [UInt8] {
    var bytes = headerLine + [UInt8(ascii: "\n")]
    for (index, entry) in entries.enumerated() {
      var object = JSONObject()
      object["seq"] = .int(index + 1)
      for (key, value) in entry.object where key != "seq" && key != "prev" { object[key] = value }
      bytes += Array(JSONValue.object(object).serialized().utf8) + [UInt8(ascii: "\n")]
    }
    return bytes
  }
}
