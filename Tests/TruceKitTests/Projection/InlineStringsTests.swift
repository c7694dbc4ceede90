import Testing

@testable import TruceKit

@Suite("Short lists of citations and event ids")
struct InlineStringsTests {
  /// A small deterministic generator, so that a failure can be replayed.
  struct Steps {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33) % bound
    }
  }

  @Test(
    "Appending and asking what a list holds agrees with an array at every step",
    arguments: [1, 2, 3])
  func agreesWithAnArray(seed: UInt64) {
    var steps = Steps(state: seed)
    let strings = ["Reuters", "AP", "", "a rather longer citation of a source, past 15 bytes", "é"]
    for _ in 0..<200 {
      var list = InlineStrings([])
      var model: [String] = []
      for _ in 0..<steps.next(6) {
        let string = strings[steps.next(strings.count)]
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
