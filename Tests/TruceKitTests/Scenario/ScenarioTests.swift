import Foundation
import Testing

@testable import TruceKit

@Suite("Layering scenarios")
struct ScenarioTests {
  let base = [
    TestLog.event(
      1, "d", "pause.declared", announced: "2016-11-01",
      #""pause":"p","kind":"pause","window":{"start":"2016-11-02","end":"2016-11-04T19:00Z"}"#),
    TestLog.event(
      2, "c", "corridor.opened", announced: "2016-11-02",
      #""corridor":"cs","pause":"p","users":["civilians"]"#),
    TestLog.event(3, "s", "statement", announced: "2016-11-03", #""kind":"claim","about":["p"]"#),
    TestLog.event(
      4, "o", "offensive.launched", announced: "2016-11-05",
      #""offensive":"off","at":"2016-11-05","parties":["x"]"#),
  ]

  private func write(_ text: String, in folder: URL, name: String = "s.json") throws -> String {
    let path = folder.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  private func scenario(_ body: String) -> String {
    #"{"format":"truce-scenario","version":1,"title":"t","description":"d",\#(body)}"#
  }

  private static let extensionEvent =
    #"{"id":"x","type":"pause.extended","announced":"2016-11-03","reported":"2016-11-03","announcedBy":["h"],"#
    + #""area":"aleppo","source":{"publication":"what-if"},"pause":"p","end":"2016-11-07T19:00Z"}"#

  private func layered(_ bodies: [String]) throws -> LayeredLog {
    let folder = try ScratchFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = try TestLog.parse(base)
    let scenarios = try bodies.enumerated().map { index, body in
      try Scenario.read(path: try write(scenario(body), in: folder, name: "s\(index).json"))
    }
    return try ScenarioLayer.apply(scenarios, to: log, headerLine: log.headerLine)
  }

  private func error(_ body: String) throws -> ScenarioError? {
    do {
      _ = try layered([body])
      return nil
    } catch let error as ScenarioError {
      return error
    }
  }

  @Test("A hypothetical event is layered on the base and marked; the base is untouched")
  func adds() throws {
    let result = try layered([#""add":[\#(Self.extensionEvent)]"#])
    #expect(result.log.events.map(\.id) == ["d", "c", "s", "o", "x"])
    #expect(result.log.hypothetical == ["x"])
    let projection = Projection(log: result.log)
    #expect(projection.pause("p")?.end.reports.map(\.eventID) == ["x"])
    #expect(projection.restsOnHypothetical(projection.pause("p")?.eventIDs ?? []))
  }

  @Test("Leaving out a declaration leaves out what depends on it")
  func dependents() throws {
    let result = try layered([#""leaveOut":["d"]"#])
    #expect(result.log.events.map(\.id) == ["o"])
    #expect(result.leftOut.map(\.id) == ["d", "c", "s"])
    #expect(result.leftOut.last?.reason == "depends on what was left out")
  }

  @Test("Scenarios stack in order: a later one may leave out an earlier one's event")
  func stacking() throws {
    let result = try layered([#""add":[\#(Self.extensionEvent)]"#, #""leaveOut":["x"]"#])
    #expect(result.log.hypothetical.isEmpty)
    #expect(result.log.events.map(\.id) == ["d", "c", "s", "o"])
  }

  @Test("A branch point leaves out the base events certainly announced after it")
  func branchAt() throws {
    // "s" (3 November, local) is certainly after noon UTC on 2 November; "c" (2 November) may not be.
    let result = try layered([#""branchAt":"2016-11-02T12:00Z""#])
    #expect(result.log.events.map(\.id) == ["d", "c"])
  }

  @Test(
    "Each kind of bad scenario is an error naming the file and the line or JSON path",
    arguments: [
      ("\"leaveOut\":[\"nope\"]", "leaveOut[0]: no event 'nope' in the base log"),
      (
        #""add":[{"id":"d","type":"statement"}]"#,
        "add[0].id: 'd' is already an event of the base log"
      ),
      (
        #""add":[\#(extensionEvent.replacingOccurrences(of: #""pause":"p""#, with: #""pause":"ghost""#))]"#,
        "add[0].pause: no pause 'ghost' was declared earlier"
      ),
      (
        #""add":[\#(extensionEvent.replacingOccurrences(of: "2016-11-07T19:00Z", with: "2016-10-01"))]"#,
        "add[0].end: 2016-10-01 is before pause 'p' began"
      ),
      (#""add":[{"id":"y","seq":3}]"#, "add[0].seq: scenario events carry no 'seq'"),
      (#""leaveOut":"d""#, "leaveOut: expected an array of strings, found string"),
    ])
  func badScenario(body: String, message: String) throws {
    let error = try #require(try error(body))
    #expect(error.description.contains(message), "\(error)")
  }

  @Test(
    "A hypothetical event with a bad reference is an error even when the scenario leaves something out"
  )
  func badReferenceWithLeaveOut() throws {
    let ghost = Self.extensionEvent.replacingOccurrences(
      of: #""pause":"p""#, with: #""pause":"ghost""#)
    let error = try #require(try error(#""leaveOut":["o"],"add":[\#(ghost)]"#))
    #expect(error.description.contains("add[0].pause: no pause 'ghost' was declared earlier"))
  }

  @Test("What a hypothetical erratum amends is marked hypothetical")
  func hypotheticalErratum() throws {
    let erratum =
      #"{"id":"fix","type":"correction.erratum","announced":"2016-11-03","reported":"2016-11-03","#
      + #""announcedBy":["h"],"area":"aleppo","source":{"publication":"what-if"},"corrects":"d","#
      + #""set":{"window":{"start":"2016-11-02","end":"2016-11-09T19:00Z"}}}"#
    let result = try layered([#""add":[\#(erratum)]"#])
    let projection = Projection(log: result.log)
    let pause = try #require(projection.pause("p"))
    #expect(pause.end.possibleRange?.earliest == (try TestLog.instant("2016-11-09T19:00Z")))
    #expect(projection.restsOnHypothetical(pause.eventIDs))
  }

  @Test("Stacked scenarios with different bases, or a base other than --log, are refused")
  func conflictingBases() throws {
    let folder = try ScratchFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = try Scenario.read(
      path: try write(scenario(#""base":"a.jsonl""#), in: folder, name: "a.json"))
    let second = try Scenario.read(
      path: try write(scenario(#""base":"b.jsonl""#), in: folder, name: "b.json"))
    #expect(throws: ScenarioError.self) { try Scenario.basePath(of: [first, second], log: nil) }
    #expect(throws: ScenarioError.self) {
      try Scenario.basePath(of: [first], log: "/elsewhere.jsonl")
    }
    #expect(
      try Scenario.basePath(of: [first, first], log: nil)
        == folder.appendingPathComponent("a.jsonl").path)
  }

  @Test("Malformed JSON is reported with its line")
  func malformed() throws {
    let folder = try ScratchFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = try write("{\n  \"format\": \"truce-scenario\",\n  oops\n}", in: folder)
    #expect(throws: ScenarioError.self) { try Scenario.read(path: path) }
    do { _ = try Scenario.read(path: path) } catch {
      #expect(error.description.hasPrefix("\(path):3: column 3: invalid JSON"))
    }
  }
}

/// Temporary folders for scenario tests.
enum ScratchFolder {
  static func make() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-scenario-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

@Suite("Comparing a scenario with the record")
struct ScenarioComparisonTests {
  @Test("The comparison timeline shows each item's record row, then its scenario row")
  func rowByRow() throws {
    let log = try TestLog.bundled()
    let folder = try ScratchFolder.make()
    defer { try? FileManager.default.removeItem(at: folder) }
    let scenario = try Scenario.read(
      path: TestLog.repositoryRoot.appendingPathComponent("Scenarios/no-november-offensive.json")
        .path)
    let layered = try ScenarioLayer.apply([scenario], to: log, headerLine: log.headerLine)
    let timeline = Timeline.comparing(
      record: Projection(log: log), scenario: Projection(log: layered.log), areas: log.areas)
    let offensive = timeline.rows.filter { $0.id == "aleppo-offensive-2016-11" }
    #expect(offensive.map(\.variant) == ["record"])
    let halt = timeline.rows.filter { $0.id == "aleppo-air-strike-halt-2016-10" }
    #expect(halt.map(\.variant) == ["record", "scenario"])
    #expect(timeline.projection.events["offensive-2016-11-launched-003"] != nil)
  }
}
