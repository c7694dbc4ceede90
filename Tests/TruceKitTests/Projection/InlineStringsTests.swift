import Testing

@testable import TruceKit

@Suite("Short lists of citations and event ids")
struct InlineStringsTests {
  @Test(
    "Appending and asking what a list holds agrees with an array at every step",
    arguments: [1, 2, 3])
  func agreesWithAnArray(seed: UInt64) {
    // The generator the history generator uses, so that a failure replays from its seed.
    var steps = SplitMix64(seed: seed)
    let strings = ["Reuters", "AP", "", "a rather longer citation of a source, past 15 bytes", "é"]
    for _ in 0..<200 {
      var list = InlineStrings([])
      var model: [String] = []
      for _ in 0..<steps.below(6) {
        let string = strings[steps.below(strings.count)]
        #expect(list.contains(string) == model.contains(string))
        list.append(string)
        model.append(string)
        #expect(list.array == model)
      }
      // Made at once or one by one, the same list is equal and hashes alike.
      #expect(InlineStrings(model) == list)
      #expect(InlineStrings(model).hashValue == list.hashValue)
    }
  }

  @Test("Lists differ when their strings or their order differ")
  func listsCompareByTheirStrings() {
    #expect(InlineStrings([]) != InlineStrings(["AP"]))
    #expect(InlineStrings("AP") == InlineStrings(["AP"]))
    #expect(InlineStrings(["AP", "Reuters"]) != InlineStrings(["Reuters", "AP"]))
    #expect(InlineStrings(["AP"]) != InlineStrings(["AP", "AP"]))
  }

  @Test("A cited value reads and writes its citations and events as arrays")
  func citedValuesKeepTheirArrays() {
    var cited = Cited(7, citations: ["AP"], eventIDs: ["e-1"])
    #expect(cited.citations == ["AP"])
    cited.add(citation: "Reuters", eventID: "e-2")
    cited.add(citation: "AP", eventID: "e-3")
    #expect(cited.citations == ["AP", "Reuters"])
    #expect(cited.eventIDs == ["e-1", "e-2", "e-3"])
    #expect(cited == Cited(7, citations: ["AP", "Reuters"], eventIDs: ["e-1", "e-2", "e-3"]))
    cited.eventIDs = []
    #expect(cited.eventIDs.isEmpty)
    #expect(cited.map { "\($0)" }.citations == ["AP", "Reuters"])
    #expect(Cited(7, citations: [], eventIDs: []) != Cited(7, citations: ["AP"], eventIDs: []))
  }
}
