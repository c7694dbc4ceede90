import Testing

@testable import TruceKit

@Suite("The id prefilter lets every id it holds through, and stops most others")
struct IDPrefilterTests {
  @Test(
    "Every id held may be there; of the ids not held, few pass",
    arguments: [0, 1, 7, 1_000, 50_000])
  func holdsEveryIDAndStopsMostOthers(count: Int) {
    let held = (0..<count).map { "ev-\($0 * 2)" }
    let filter = IDPrefilter(held, count: held.count)
    #expect(held.allSatisfy(filter.mayContain))
    let others = (0..<10_000).map { "ev-\($0 * 2 + 1)" }
    let passing = others.filter(filter.mayContain).count
    // Sixteen bits an id: about one in sixteen passes (one in eight allowed for chance).
    #expect(passing <= others.count / 8, "\(passing) of \(others.count) passed")
  }

  @Test("Ids in any script, and the empty id, are held")
  func holdsAnyID() {
    let held = ["", "حلب-1", "ç", "a\u{301}", "\u{e1}", String(repeating: "long-", count: 40)]
    let filter = IDPrefilter(held, count: held.count)
    #expect(held.allSatisfy(filter.mayContain))
  }
}
