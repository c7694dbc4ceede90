import Foundation
import Testing

@testable import TruceKit

@Suite("The format reference")
struct FormatReferenceTests {
  /// The JSON examples of docs/event-log-format.md, in order.
  static func examples() throws -> [String] {
    let path = TestLog.repositoryRoot.appendingPathComponent("docs/event-log-format.md").path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var examples: [String] = []
    var inBlock = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line == "```json" {
        inBlock = true
      } else if line == "```" {
        inBlock = false
      } else if inBlock {
        examples.append(String(line))
      }
    }
    return examples
  }

  @Test("Every example on the format page parses, in order, as one log")
  func examplesParse() throws {
    let examples = try FormatReferenceTests.examples()
    let header = try #require(examples.first)
    let log = try TestLog.parse(Array(examples.dropFirst()), header: header)
    #expect(log.events.count == examples.count - 1)
  }

  @Test("The format page shows an example of every event type")
  func everyTypeShown() throws {
    let examples = try FormatReferenceTests.examples()
    let log = try TestLog.parse(Array(examples.dropFirst()), header: try #require(examples.first))
    #expect(Set(log.events.map(\.type)) == Set(EventType.allCases))
  }
}
