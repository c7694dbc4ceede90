import Foundation
import Testing
import TruceKit

@Suite("truce at on the bundled history, end to end")
struct AtCommandTests {
  private func json(_ arguments: [String]) throws -> JSONObject {
    let result = try TruceProcess.run(arguments + ["--json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try JSONParser.parse(result.stdout).objectValue)
  }

  private func statuses(_ object: JSONObject) -> [String: String] {
    var result: [String: String] = [:]
    for item in object["items"]?.arrayValue ?? [] {
      if let id = item.objectValue?["id"]?.stringValue,
        let status = item.objectValue?["status"]?.stringValue
      {
        result[id] = status
      }
    }
    return result
  }

  @Test("The README's first command answers with the pause, the corridors and their sources")
  func readmeCommand() throws {
    let result = try TruceProcess.run(["at", "2016-11-04"])
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    #expect(result.stdout.hasPrefix("What was in force on 2016-11-04 (local day, Asia/Damascus)\n"))
    for expected in [
      "IN FORCE FOR PART OF THE DAY", "pause aleppo-air-strike-halt-2016-10 · Aleppo",
      "corridors aleppo-2016-11-04-fighters", "6 corridors", "2 corridors", "SOURCES",
      "000_4f2c41de4f283922.txt: TRTWorld and agencies",
    ] {
      #expect(result.stdout.contains(expected), "missing: \(expected)")
    }
  }

  @Test(
    "Midday on 4 November: pause and both corridor groups in force, with the disagreement shown")
  func midday() throws {
    let answer = try json(["at", "2016-11-04T12:00"])
    #expect(answer["schema"]?.stringValue == "truce.at/1")
    #expect(answer["moment"]?.objectValue?["utc"]?.stringValue == "2016-11-04T10:00Z")
    let status = statuses(answer)
    #expect(status["aleppo-air-strike-halt-2016-10"] == "in-force")
    #expect(status["aleppo-2016-11-04-fighters"] == "in-force")
    #expect(status["aleppo-2016-11-04-civilians"] == "in-force")
    let text = try TruceProcess.run(["at", "2016-11-04T12:00"]).stdout
    #expect(text.contains("what was announced"))
    #expect(text.contains("2016-11-04 21:00 +02:00 (19:00Z)"))
    #expect(text.contains("2016-11-04 19:00 +02:00 (17:00Z)"))
  }

  @Test("20:00 local: the fighters' corridors are only possibly open; 21:30 local: all over")
  func evening() throws {
    #expect(
      statuses(try json(["at", "2016-11-04T20:00"]))["aleppo-2016-11-04-fighters"]
        == "possibly-in-force")
    let late = statuses(try json(["at", "2016-11-04T21:30"]))
    #expect(late["aleppo-air-strike-halt-2016-10"] == "no-longer-in-force")
    #expect(late["aleppo-2016-11-04-civilians"] == "no-longer-in-force")
    #expect(statuses(try json(["at", "2016-11-04T19:30Z"])) == late)
  }

  @Test("16 November: the offensive of 15 November all day")
  func sixteenth() throws {
    let status = statuses(try json(["at", "2016-11-16"]))
    #expect(status["aleppo-offensive-2016-11"] == "in-force-all-day")
    #expect(status["aleppo-air-strike-halt-2016-10"] == "no-longer-in-force")
  }

  @Test("As of 1 November, midday on 4 November rests on possibly known announcements")
  func asOf() throws {
    let answer = try json(["at", "2016-11-04T12:00", "--as-of", "2016-11-01"])
    let items = answer["items"]?.arrayValue ?? []
    let pause = try #require(
      items.first { $0.objectValue?["id"]?.stringValue == "aleppo-air-strike-halt-2016-10" })
    #expect(pause.objectValue?["possiblyKnown"]?.boolValue == true)
    #expect(pause.objectValue?["status"]?.stringValue == "possibly-in-force")
    let text = try TruceProcess.run(["at", "2016-11-04T12:00", "--as-of", "2016-11-01"]).stdout
    #expect(text.contains("knowledge    as of the end of 2016-11-01"))
    #expect(!text.contains("2016-11-04 21:00 +02:00"))
  }

  @Test("--utc shows UTC only")
  func utcOnly() throws {
    let text = try TruceProcess.run(["at", "2016-11-04T12:00", "--utc"]).stdout
    #expect(text.hasPrefix("What was in force at 2016-11-04 10:00Z\n"))
    #expect(!text.contains("+02:00"))
  }

  @Test("truce areas lists the nesting and zones")
  func areas() throws {
    let result = try TruceProcess.run(["areas"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("      east-aleppo  eastern Aleppo   Asia/Damascus"))
    let json = try #require(
      try JSONParser.parse(try TruceProcess.run(["areas", "--json"]).stdout).objectValue)
    #expect(json["schema"]?.stringValue == "truce.areas/1")
    #expect(json["areas"]?.arrayValue?.count == 4)
  }

  @Test("The bundled log is found from another directory")
  func bundledLogFound() throws {
    let elsewhere = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let result = try TruceProcess.run(["areas"], in: elsewhere)
    #expect(result.status == 0, "\(result.stderr)")
  }

  @Test("Writing into a closed pipe ends quietly")
  func closedPipe() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    let command =
      "'\(TruceProcess.executable.path)' at 2016-11-04 | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}"
    process.arguments = ["-c", command]
    process.currentDirectoryURL = TruceProcess.repositoryRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(output == "0\n")
    #expect(errors.isEmpty)
  }
}

@Suite("truce on bad logs, end to end")
struct BadLogTests {
  @Test("A bad line fails with the file, line and field, exit 1, and nothing on standard output")
  func badLine() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("bad.jsonl")
    let header =
      #"{"format":"truce-event-log","version":1,"areas":[{"id":"a","name":"A","zone":"Asia/Damascus"}]}"#
    let line =
      #"{"seq":1,"id":"e","type":"pause.declared","announced":"2016-02-30","reported":"2016-11-01","#
      + #""recorded":{"at":"2026-01-01T00:00Z","by":"t"},"announcedBy":["x"],"area":"a","source":{"seed":"s"},"#
      + #""pause":"p","kind":"pause"}"#
    try (header + "\n" + line + "\n").write(to: log, atomically: true, encoding: .utf8)
    let before = try Data(contentsOf: log)
    let result = try TruceProcess.run(["at", "2016-11-04", "--log", log.path])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(
      result.stderr
        == "Error: \(log.path):2: field 'announced': '2016-02-30' is not a date in the calendar\n")
    #expect(try Data(contentsOf: log) == before)
  }

  @Test("A log that does not exist fails with exit 1")
  func missingLog() throws {
    let result = try TruceProcess.run(["areas", "--log", "/nonexistent/log.jsonl"])
    #expect(result.status == 1)
    #expect(result.stderr == "Error: /nonexistent/log.jsonl: cannot read the file: no such file\n")
  }
}

@Suite("truce on a log with areas in several zones")
struct SeveralZonesTests {
  @Test("A moment with no offset needs --area; with --area or an offset it is answered")
  func needsArea() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("two-zones.jsonl")
    let header =
      #"{"format":"truce-event-log","version":1,"areas":[{"id":"aleppo","name":"Aleppo","zone":"Asia/Damascus"},"#
      + #"{"id":"kyiv","name":"Kyiv","zone":"Europe/Kyiv"}]}"#
    try (header + "\n").write(to: log, atomically: true, encoding: .utf8)
    let refused = try TruceProcess.run(["at", "2016-11-04T12:00", "--log", log.path])
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("the log's areas lie in several time zones"))
    #expect(
      try TruceProcess.run(["at", "2016-11-04T12:00", "--log", log.path, "--area", "Kyiv"]).status
        == 0)
    #expect(try TruceProcess.run(["at", "2016-11-04T10:00Z", "--log", log.path]).status == 0)
  }
}

@Suite("The README")
struct ReadmeTests {
  @Test("The sample output in the README is what truce prints")
  func sampleOutput() throws {
    let readme = try String(
      contentsOf: TruceProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex(of: "$ swift run truce at 2016-11-04T20:00"))
    let sample = lines[(start + 1)...].prefix { $0 != "```" }.filter { $0 != "…" }
    #expect(sample.count > 5)
    let output = try TruceProcess.run(["at", "2016-11-04T20:00"]).stdout.components(
      separatedBy: "\n")
    for line in sample {
      #expect(output.contains(line), "README line not in the output: \(line)")
    }
  }
}
