import Foundation
import Testing
import TruceKit

@Suite("truce at from the index beside the log, end to end")
struct AtIndexCommandTests {
  @Test(
    "The first at reads the whole log and indexes it; the next answer the same from the index, until an append"
  )
  func indexedAnswers() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = folder.appendingPathComponent("history.jsonl").path
    let generated = try TruceProcess.run([
      "generate", "--events", "3000", "--areas", "8", "--seed", "12", "--output", log,
    ])
    #expect(generated.status == 0, "\(generated.stderr)")
    let index = log + ".at-index"
    let questions = [
      ["at", "2016-06-01T12:00Z", "--log", log],
      ["at", "2017-02-10T00:00Z", "--log", log, "--json"],
      ["at", "2016-03-03", "--log", log, "--area", "syria", "--utc"],
    ]
    for question in questions {
      try? FileManager.default.removeItem(atPath: index)
      let whole = try TruceProcess.run(question)
      #expect(whole.status == 0, "\(whole.stderr)")
      #expect(FileManager.default.fileExists(atPath: index))
      let indexed = try TruceProcess.run(question)
      #expect(indexed.status == 0)
      #expect(indexed.stdout == whole.stdout, "\(question)")
      #expect(indexed.stderr == whole.stderr)
    }
    // After an append the index no longer matches: the answer comes from the whole log, which
    // is indexed again.
    let before = try Data(contentsOf: URL(fileURLWithPath: index))
    let appended = try TruceProcess.run([
      "append", "--log", log, "--type", "statement", "--id", "late", "--announced", "2019-01-01",
      "--reported", "2019-01-01", "--area", "syria", "--by", "someone", "--publication", "Wire",
      "--field", "kind=claim",
    ])
    #expect(appended.status == 0, "\(appended.stderr)")
    let after = try TruceProcess.run(questions[0])
    #expect(after.status == 0)
    #expect(try Data(contentsOf: URL(fileURLWithPath: index)) != before)
  }
}
