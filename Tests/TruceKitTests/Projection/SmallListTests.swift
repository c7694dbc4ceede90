import Testing

@testable import TruceKit

@Suite("Short lists held without an array while they hold one element")
struct SmallListTests {
  @Test(
    "Appending and reading a list agrees with an array at every step",
    arguments: [1, 2, 3])
  func agreesWithAnArray(seed: UInt64) {
    // The generator the history generator uses, so that a failure replays from its seed.
    var steps = SplitMix64(seed: seed)
    let strings = ["Reuters", "AP", "", "a rather longer citation of a source, past 15 bytes", "é"]
    for _ in 0..<200 {
      var list = SmallList<String>()
      var model: [String] = []
      for _ in 0..<steps.below(6) {
        let string = strings[steps.below(strings.count)]
        #expect(list.contains(string) == model.contains(string))
        list.append(string)
        model.append(string)
        #expect(list.array == model)
        #expect(Array(list) == model)
        #expect(list.count == model.count)
        #expect(list.first == model.first)
        #expect(list.last == model.last)
        #expect(list.description == model.description)
      }
      // Made at once or one by one, the same list is equal and hashes alike.
      #expect(SmallList(model) == list)
      #expect(SmallList(model).hashValue == list.hashValue)
      #expect(list.isEmpty == model.isEmpty)
    }
  }

  @Test("Lists differ when their elements or their order differ")
  func listsCompareByTheirElements() {
    #expect(SmallList<String>([]) != SmallList(["AP"]))
    #expect(SmallList(one: "AP") == SmallList(["AP"]))
    #expect(SmallList(one: "AP") == ["AP"])
    #expect(SmallList(["AP", "Reuters"]) != SmallList(["Reuters", "AP"]))
    #expect(SmallList(["AP"]) != SmallList(["AP", "AP"]))
    #expect(SmallList<Int>() == [])
    #expect(Set([SmallList([1, 2]), SmallList([1, 2]), SmallList(one: 1), [1]]).count == 2)
  }

  @Test("A list is read by index, first to last, whatever its length")
  func readByIndex() {
    let numbers = [3, 1, 4, 1]
    for count in 0...numbers.count {
      var list = SmallList<Int>()
      for number in numbers.prefix(count) { list.append(number) }
      #expect(list.indices == 0..<count)
      #expect(list.indices.map { list[$0] } == Array(numbers.prefix(count)))
      #expect(list.reversed() == numbers.prefix(count).reversed())
    }
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

  @Test("A dispute's version reads and writes its citations and events as arrays")
  func disputeVersionsKeepTheirArrays() {
    var version = Dispute.Version(says: "19:00 GMT", citations: ["AP"], eventIDs: ["e-1"])
    #expect(version.citations == ["AP"])
    #expect(version.eventIDs == ["e-1"])
    version.citations.append("Reuters")
    version.eventIDs = ["e-1", "e-2"]
    #expect(version.citations == ["AP", "Reuters"])
    #expect(
      version
        == Dispute.Version(
          says: "19:00 GMT", citations: ["AP", "Reuters"], eventIDs: ["e-1", "e-2"]))
    #expect(
      Dispute.Version(says: "x", citations: ["AP"], eventIDs: [])
        == Dispute.Version(says: "x", citationList: SmallList(one: "AP"), eventIDList: []))
    #expect(
      Dispute.Version(says: "x", citations: ["AP"], eventIDs: [])
        != Dispute.Version(says: "x", citations: ["Reuters"], eventIDs: []))
  }
}
