import Testing

@testable import TruceKit

@Suite("The table of event ids and their lines")
struct IDTableTests {
  @Test(
    "Entering, updating, removing and looking up ids agrees with a dictionary at every step",
    arguments: [1, 2, 3, 4])
  func agreesWithADictionary(seed: UInt64) {
    // The generator the history generator uses, so that a failure replays from its seed.
    var steps = SplitMix64(seed: seed)
    var table = IDTable()
    var model: [String: Int] = [:]
    // Few distinct ids against many operations: ids come back after removal, and removals
    // shift runs of slots that wrap past the table's end.
    let ids = (0..<300).map { index in
      index % 3 == 0 ? "e-\(index)" : "a-rather-longer-event-id-number-\(index)"
    }
    var disagreements = 0
    for step in 0..<20_000 {
      let id = ids[steps.below(ids.count)]
      switch steps.below(4) {
      case 0:
        let entered = table.enter(id, step)
        if entered != (model[id] == nil) { disagreements += 1 }
        if model[id] == nil { model[id] = step }
      case 1:
        table[id] = step
        model[id] = step
      case 2:
        table[id] = nil
        model[id] = nil
      default:
        if table[id] != model[id] { disagreements += 1 }
      }
      if table.count != model.count { disagreements += 1 }
    }
    #expect(disagreements == 0)
    for id in ids where table[id] != model[id] { disagreements += 1 }
    #expect(disagreements == 0)
    #expect(Dictionary(uniqueKeysWithValues: table.entries.map { ($0.name, $0.value) }) == model)
  }

  @Test("A table grows past its reserved size and keeps every id")
  func growth() {
    var table = IDTable()
    table.reserveCapacity(10)
    let entered = (0..<5_000).filter { table.enter("id-\($0)", $0 + 2) }
    #expect(entered.count == 5_000)
    #expect(table.count == 5_000)
    #expect((0..<5_000).allSatisfy { table["id-\($0)"] == $0 + 2 })
    #expect(table["id-5000"] == nil)
    let enteredAgain = table.enter("id-17", 1)
    #expect(!enteredAgain)
    #expect(table["id-17"] == 19)
  }

  @Test("Tables are equal when they map the same ids to the same lines, in any order")
  func equality() {
    var forward = IDTable()
    var backward = IDTable()
    for index in 0..<100 { forward["x\(index)"] = index }
    for index in (0..<100).reversed() { backward["x\(index)"] = index }
    #expect(forward == backward)
    backward["x5"] = 6
    #expect(forward != backward)
    backward["x5"] = nil
    #expect(forward != backward)
    #expect(IDTable() == [:])
    #expect(["a": 1, "b": 2] as IDTable == ["b": 2, "a": 1])
  }

  @Test("Ids that differ only in non-ASCII text or in length are different ids")
  func distinctTexts() {
    var table = IDTable()
    let ids = ["é", "e\u{301}", "", "a", "a\u{0}", "aaaaaaaa", "aaaaaaaaa", "日本"]
    let entered = ids.enumerated().filter { table.enter($0.element, $0.offset) }
    #expect(entered.count == ids.count)
    for (line, id) in ids.enumerated() { #expect(table[id] == line) }
  }
}
