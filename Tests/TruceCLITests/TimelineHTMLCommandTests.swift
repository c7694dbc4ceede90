import Foundation
import Testing
import TruceKit

@Suite("truce timeline --html on the bundled history, end to end")
struct TimelineHTMLCommandTests {
  @Test("It writes one page with a row per item and says so")
  func writesPage() throws {
    let directory = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("t.html").path
    let result = try TruceProcess.run(["timeline", "--html", file])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.isEmpty)
    #expect(result.stdout == "Wrote \(file) (9 rows).\n")
    let page = try String(contentsOfFile: file, encoding: .utf8)
    let json = try TruceProcess.run(["timeline", "--json"])
    let rows = try #require(try JSONParser.parse(json.stdout).objectValue?["rows"]?.arrayValue)
    #expect(page.components(separatedBy: " data-row=\"").count - 1 == rows.count)
    #expect(page.hasSuffix("</html>\n"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["t.html"])
  }

  @Test("A file that cannot be written is an error naming it, exit 1")
  func unwritable() throws {
    let directory = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("missing/t.html").path
    let result = try TruceProcess.run(["timeline", "--html", file])
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: "))
    #expect(result.stderr.contains("missing/t.html"))
  }
}
