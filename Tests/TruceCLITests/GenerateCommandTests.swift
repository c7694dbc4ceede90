import Foundation
import Testing
import TruceKit

@Suite("truce generate, end to end")
struct GenerateCommandTests {
  @Test("A generated history passes verify, and the same seed gives the same bytes")
  func generatedHistoryVerifies() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    var contents: [Data] = []
    for (name, seed) in [("a", "7"), ("b", "7"), ("c", "8")] {
      let path = folder.appendingPathComponent("\(name).jsonl").path
      let generated = try TruceProcess.run([
        "generate", "--events", "1500", "--seed", seed, "--output", path,
      ])
      #expect(generated.status == 0, "\(generated.stderr)")
      let verified = try TruceProcess.run(["verify", "--log", path])
      #expect(verified.status == 0, "\(verified.stderr)")
      contents.append(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
    #expect(contents[0] == contents[1])
    #expect(contents[0] != contents[2])
    let again = try TruceProcess.run([
      "generate", "--events", "10", "--output", folder.appendingPathComponent("a.jsonl").path,
    ])
    #expect(again.status == 1)
  }
}
