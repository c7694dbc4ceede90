import Foundation
import Testing
import TruceKit

@Suite("truce init, append and verify, end to end")
struct WritingCommandTests {
  private func makeLog() throws -> (URL, String) {
    let folder = try TruceProcess.temporaryDirectory()
    let log = folder.appendingPathComponent("log.jsonl").path
    let created = try TruceProcess.run([
      "init", "--log", log, "--area", "syria=Asia/Damascus", "--area",
      "aleppo=Asia/Damascus,parent=syria,name=Aleppo",
    ])
    #expect(created.status == 0, "\(created.stderr)")
    return (folder, log)
  }

  private func appendArguments(
    _ log: String, id: String, type: String = "statement", fields: [String]
  ) -> [String] {
    [
      "append", "--log", log, "--type", type, "--id", id, "--announced", "2016-11-02", "--reported",
      "2016-11-02",
      "--area", "aleppo", "--by", "someone", "--publication", "Wire",
    ] + fields.flatMap { ["--field", $0] }
  }

  @Test("Events appended from flags and from a file are read back by at and pass verify")
  func appendAndRead() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let declared = try TruceProcess.run(
      appendArguments(
        log, id: "p", type: "pause.declared",
        fields: [
          "pause=p", "kind=humanitarian-pause", "window.start=2016-11-04T09:00",
          "window.end=2016-11-04T19:00",
        ]))
    #expect(declared.status == 0, "\(declared.stderr)")
    #expect(declared.stdout.hasPrefix("Appended seq 1 (p) to \(log)"))
    let file = folder.appendingPathComponent("event.json")
    try """
    {
      "id": "c", "type": "corridor.opened", "announced": "2016-11-02", "reported": "2016-11-02",
      "announcedBy": ["someone"], "area": "aleppo", "source": {"publication": "Wire"},
      "corridor": "c", "pause": "p", "count": 2, "users": ["civilians"]
    }
    """.write(to: file, atomically: true, encoding: .utf8)
    let fromFile = try TruceProcess.run([
      "append", "--log", log, "--file", file.path, "--expect-seq", "2", "--json",
    ])
    #expect(fromFile.status == 0, "\(fromFile.stderr)")
    #expect(
      try JSONParser.parse(fromFile.stdout).objectValue?["outcome"]?.stringValue == "appended")
    let answer = try TruceProcess.run(["at", "2016-11-04T12:00", "--log", log])
    #expect(answer.status == 0)
    #expect(answer.stderr.isEmpty)
    #expect(answer.stdout.contains("corridors c · Aleppo · pause p"))
    let verified = try TruceProcess.run(["verify", "--log", log])
    #expect(verified.status == 0)
    #expect(verified.stdout.hasPrefix("\(log): 2 events; every line valid"))
  }

  @Test("An event read from standard input is appended; appending it again writes nothing")
  func standardInput() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let event =
      #"{"id":"p","type":"pause.declared","announced":"2016-11-02","reported":"2016-11-02","#
      + #""announcedBy":["someone"],"area":"aleppo","source":{"publication":"Wire"},"pause":"p","kind":"pause"}"#
    let first = try TruceProcess.run(["append", "--log", log, "--file", "-"], input: event)
    #expect(first.status == 0, "\(first.stderr)")
    let again = try TruceProcess.run(["append", "--log", log, "--file", "-"], input: event)
    #expect(again.status == 0)
    #expect(
      again.stdout == "Already in \(log) as seq 1 (p), with the same content: nothing written.\n")
    let broken = try TruceProcess.run(
      ["append", "--log", log, "--file", "-"], input: "{\n  \"id\": \"x\",\n  oops\n}")
    #expect(broken.status == 1)
    #expect(broken.stderr.hasPrefix("Error: standard input:3:3: invalid JSON"))
  }

  @Test("The recorder is --recorded-by, else the user running truce (USER), else truce")
  func recorder() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    func event(_ id: String) -> String {
      #"{"id":"\#(id)","type":"statement","announced":"2016-11-02","reported":"2016-11-02","#
        + #""announcedBy":["someone"],"area":"aleppo","source":{"publication":"Wire"},"#
        + #""kind":"claim","about":[]}"#
    }
    let cases: [(id: String, flags: [String], user: String, recorder: String)] = [
      ("named", ["--recorded-by", "analyst"], "someone-else", "analyst"),
      ("from-user", [], "tester", "tester"),
      ("nobody", [], "", "truce"),
    ]
    for entry in cases {
      let result = try TruceProcess.run(
        ["append", "--log", log, "--file", "-"] + entry.flags, environment: ["USER": entry.user],
        input: event(entry.id))
      #expect(result.status == 0, "\(result.stderr)")
    }
    let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    for entry in cases {
      let line = try #require(lines.first { $0.contains(#""id":"\#(entry.id)""#) })
      #expect(line.contains(#""by":"\#(entry.recorder)""#), "\(line)")
    }
  }

  @Test("init without an area, or with a malformed one, is a usage error")
  func initUsage() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("x.jsonl").path
    #expect(try TruceProcess.run(["init", "--log", log]).status == 64)
    #expect(try TruceProcess.run(["init", "--log", log, "--area", "foo"]).status == 64)
    #expect(!FileManager.default.fileExists(atPath: log))
  }

  @Test("A bad event is an error naming the line and field, exit 1, and the log is unchanged")
  func badEvent() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: log))
    let result = try TruceProcess.run(
      appendArguments(log, id: "x", type: "pause.extended", fields: ["pause=ghost"]))
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "Error: the event given by flags: field 'pause': no pause 'ghost' was declared earlier\n"
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
  }

  @Test(
    "Readers warn about a torn last line and answer from the complete events; verify --repair cuts it"
  )
  func tornTail() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try TruceProcess.run(
      appendArguments(log, id: "p", type: "pause.declared", fields: ["pause=p", "kind=pause"]))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(#"{"seq":2,"id":"ha"#.utf8))
    try handle.close()
    let answer = try TruceProcess.run(["at", "2016-11-04T12:00", "--log", log])
    #expect(answer.status == 0)
    #expect(answer.stderr.hasPrefix("warning: \(log):3: the last line is incomplete (17 bytes"))
    #expect(try TruceProcess.run(["verify", "--log", log]).status == 1)
    let repaired = try TruceProcess.run(["verify", "--log", log, "--repair"])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    #expect(
      repaired.stdout.hasPrefix(
        "Cut 17 torn bytes from the end of \(log); saved them to \(log).torn-"))
  }

  @Test(
    "Separate processes appending at once, some with the same ids: exactly the distinct events, chain valid"
  )
  func concurrentAppends() throws {
    let (folder, log) = try makeLog()
    defer { try? FileManager.default.removeItem(at: folder) }
    let executable = TruceProcess.executable.path
    var processes: [Process] = []
    for writer in 0..<6 {
      var script = "set -e\n"
      for index in 0..<10 {
        let ids = ["w\(writer)-\(index)"] + (index < 5 ? ["shared-\(index)"] : [])
        for id in ids {
          let arguments = appendArguments(log, id: id, fields: ["kind=claim", "note=event \(id)"])
          script +=
            "'\(executable)' " + arguments.map { "'\($0)'" }.joined(separator: " ")
            + " >/dev/null\n"
        }
      }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/bash")
      process.arguments = ["-c", script]
      try process.run()
      processes.append(process)
    }
    // Readers running meanwhile take a shared lock: they never see half an append.
    var verifications: [Int32] = []
    while processes.contains(where: \.isRunning) && verifications.count < 40 {
      verifications.append(try TruceProcess.run(["verify", "--log", log]).status)
    }
    for process in processes {
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
    }
    #expect(verifications.allSatisfy { $0 == 0 }, "verify failed during appends: \(verifications)")
    let verified = try TruceProcess.run(["verify", "--log", log])
    #expect(verified.status == 0, "\(verified.stderr)")
    let parsed = try EventLog.read(path: log, options: .verifying)
    let ids = parsed.events.map(\.id)
    #expect(ids.count == 65)
    #expect(Set(ids).count == 65)
    #expect(
      Set(ids)
        == Set(
          (0..<6).flatMap { w in (0..<10).map { "w\(w)-\($0)" } } + (0..<5).map { "shared-\($0)" }))
  }
}
