/// A what-if scenario: hypothetical events layered on a base log, and base events left out.
///
/// Scenario files (JSON) have `format` `truce-scenario`, `version` 1, a `title`, a `description`,
/// an optional `base` log (relative to the file; the bundled history by default), optional
/// `branchAt` (base events certainly announced after it are left out), `add` (events in the log's
/// shape, without `seq` or `prev`) and `leaveOut` (ids of base events). See
/// `docs/scenario-format.md`.
public struct Scenario: Sendable {
  /// The file it was read from.
  public var file: String
  /// Its title.
  public var title: String
  /// What question it asks.
  public var description: String
  /// The base log's path as written in the file, resolved against the file's folder.
  public var base: String?
  /// Base events certainly announced after this moment are left out.
  public var branchAt: TimeSpec?
  /// Hypothetical events, as JSON objects, in order.
  public var add: [JSONObject]
  /// Ids of base events to leave out.
  public var leaveOut: [String]
}

/// Why a scenario could not be read or applied. Nothing is written, ever.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The scenario file.
  public var file: String
  /// The 1-based line, for JSON syntax errors.
  public var line: Int?
  /// The JSON path of the part at fault (`add[2].window.end`, `leaveOut[0]`).
  public var path: String?
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int?, path: String?, message: String) {
    self.file = file
    self.line = line
    self.path = path
    self.message = message
  }

  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let path { place += ": \(path)" }
    return "\(place): \(message)"
  }
}
