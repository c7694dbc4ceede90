import Foundation
import Testing

@testable import TruceKit

/// `EventLog/aleppo-2016.coverage.md` maps every sentence of the seed articles to the events that
/// record it, or to the reason it was left out. These tests keep the table in step with the log
/// and, when the articles are at hand, with the articles.
@Suite("Coverage table")
struct CoverageTableTests {
  /// One row of the table, with the seed file named by the heading of its section.
  struct Row {
    var seed: String
    var line: Int
    var cells: [String]

    var sentence: String { cells.count > 1 ? cells[1] : "" }
    var verdict: String { cells.count > 2 ? cells[2] : "" }
    /// The ids written in backticks in the third column.
    var ids: [String] { verdict.matches(of: #/`([^`]*)`/#).map { String($0.output.1) } }
  }

  /// The table's rows, in file order; the header and separator rows of each table are skipped.
  static func rows() throws -> [Row] {
    let path = TestLog.repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.coverage.md")
      .path
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var rows: [Row] = []
    var seed: String?
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      if line.hasPrefix("## ") {
        seed = line.dropFirst(3).split(separator: " ").first.map(String.init)
      } else if line.hasPrefix("|") {
        let cells = splitCells(line)
        if cells.first == "#" || cells.first == "---" { continue }
        rows.append(Row(seed: seed ?? "", line: index + 1, cells: cells))
      }
    }
    return rows
  }

  /// The cells of a table line, trimmed; `\|` does not split and is kept as written.
  static func splitCells(_ line: String) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line.trimmingCharacters(in: .whitespaces).dropFirst() {
      if character == "|" && !escaped {
        cells.append(current.trimmingCharacters(in: .whitespaces))
        current = ""
      } else {
        current.append(character)
      }
      escaped = character == "\\" && !escaped
    }
    if !current.trimmingCharacters(in: .whitespaces).isEmpty {
      cells.append(current.trimmingCharacters(in: .whitespaces))
    }
    return cells
  }

  @Test("the table has rows, each numbered, under the section of a seed file")
  func rowsAreWellFormed() throws {
    let rows = try Self.rows()
    #expect(!rows.isEmpty)
    var expected: [String: Int] = [:]
    for row in rows {
      #expect(row.cells.count == 3, "line \(row.line) has \(row.cells.count) cells, not 3")
      #expect(row.seed.hasSuffix(".txt"), "line \(row.line) is not under a '## <seed>.txt' heading")
      let number = expected[row.seed, default: 1]
      #expect(row.cells.first == String(number), "line \(row.line) should be numbered \(number)")
      expected[row.seed] = number + 1
      #expect(!row.sentence.isEmpty, "line \(row.line) has no sentence")
    }
  }

  @Test("every id in the table names an event of the log")
  func idsExist() throws {
    let known = Set(try TestLog.bundled().events.map(\.id))
    for row in try Self.rows() {
      for id in row.ids {
        let isKnown = known.contains(id)
        #expect(isKnown, "line \(row.line) names `\(id)`, which the log does not hold")
      }
    }
  }

  @Test("every event of the log appears in the section of its own seed file")
  func everyEventIsCovered() throws {
    var idsBySeed: [String: Set<String>] = [:]
    for row in try Self.rows() { idsBySeed[row.seed, default: []].formUnion(row.ids) }
    for event in try TestLog.bundled().events {
      let seed = try #require(event.source.seed, "\(event.id) names no seed file")
      #expect(idsBySeed[seed] != nil, "the table has no section for \(seed)")
      #expect(
        idsBySeed[seed]?.contains(event.id) == true, "\(event.id) does not appear under \(seed)")
    }
  }

  @Test("every row records events or gives a reason, and none is left NOT RECORDED")
  func verdictsHaveAllowedForms() throws {
    let ids = #/`[a-z0-9][a-z0-9-]*`(?:, `[a-z0-9][a-z0-9-]*`)*(?: — .+)?/#
    for row in try Self.rows() {
      let verdict = row.verdict
      let wellFormed =
        verdict.wholeMatch(of: ids) != nil || verdict.hasPrefix("left out: ")
        || verdict.hasPrefix("NOT RECORDED: ")
      #expect(
        wellFormed,
        "line \(row.line): '\(verdict)' is neither ids, 'left out: …' nor 'NOT RECORDED: …'")
      #expect(
        !verdict.hasPrefix("NOT RECORDED"),
        "line \(row.line) awaits the lead engineer: \(row.sentence) — \(verdict)")
    }
  }

  @Test(
    "every sentence occurs verbatim in its seed article",
    .enabled(
      if: TestLog.seedsFolder != nil,
      "seed articles not found beside the repository (../shared/seeds)"))
  func sentencesAreVerbatim() throws {
    let folder = try #require(TestLog.seedsFolder)
    var articles: [String: String] = [:]
    for row in try Self.rows() {
      if articles[row.seed] == nil {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(row.seed).path
        articles[row.seed] = try String(contentsOfFile: path, encoding: .utf8)
      }
      let article = try #require(articles[row.seed])
      var sentence = row.sentence
      if let cut = sentence.firstIndex(of: "…") {
        sentence = String(sentence[..<cut]).trimmingCharacters(in: .whitespaces)
      }
      sentence = sentence.replacingOccurrences(of: "\\|", with: "|")
      #expect(!sentence.isEmpty, "line \(row.line) has nothing before its cut")
      let isVerbatim = article.contains(sentence)
      #expect(isVerbatim, "line \(row.line) is not verbatim in \(row.seed): \(sentence)")
    }
  }
}
