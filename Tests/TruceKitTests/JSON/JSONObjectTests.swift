import Testing

@testable import TruceKit

@Suite("JSONObject ordering and lookup")
struct JSONObjectTests {
  @Test("A dictionary literal keeps its order")
  func literalKeepsOrder() {
    let object: JSONObject = ["z": 1, "a": 2, "m": 3]
    #expect(object.keys == ["z", "a", "m"])
    #expect(object.values == [1, 2, 3])
    #expect(object.count == 3)
    #expect(!object.isEmpty && JSONObject().isEmpty)
  }

  @Test("Iteration yields key-value pairs in order")
  func iterationIsOrdered() {
    let object = JSONObject([("b", 1), ("a", "x")])
    let pairs = object.map { "\($0.key)=\($0.value)" }
    #expect(pairs == ["b=1", "a=\"x\""])
  }

  @Test("Setting a new key appends it, an existing key replaces in place, and nil removes")
  func subscriptSetter() {
    var object: JSONObject = ["a": 1, "b": 2, "c": 3]
    object["d"] = 4
    object["b"] = "two"
    object["a"] = nil
    object["missing"] = nil
    #expect(object.keys == ["b", "c", "d"])
    #expect(object["b"] == "two")
    #expect(object["a"] == nil)
    #expect(object.count == 3)
  }

  @Test("Lookups stay correct when a large object is edited")
  func largeObjectLookups() {
    var object = JSONObject()
    for number in 0..<50 { object["k\(number)"] = .int(number) }
    #expect(object.count == 50)
    #expect(object["k0"] == 0 && object["k49"] == 49 && object["k50"] == nil)
    object["k10"] = nil
    object["k20"] = "replaced"
    object["new"] = true
    #expect(object["k10"] == nil)
    #expect(object["k11"] == 11)
    #expect(object["k20"] == "replaced")
    #expect(object["new"] == true)
    #expect(object.keys.count == 50)
    #expect(object.keys[10] == "k11" && object.keys.last == "new")
    for number in 0..<45 { object["k\(number)"] = nil }
    #expect(object.keys == ["k45", "k46", "k47", "k48", "k49", "new"])
    #expect(object["k47"] == 47)
  }

  @Test("Objects are equal only with the same members in the same order")
  func equalityIsOrdered() {
    let first: JSONObject = ["a": 1, "b": 2]
    let same: JSONObject = ["a": 1, "b": 2]
    let reordered: JSONObject = ["b": 2, "a": 1]
    #expect(first == same)
    #expect(first.hashValue == same.hashValue)
    #expect(first != reordered)
    #expect(first != ["a": 1])
    #expect(first != ["a": 1, "b": 3])
  }

  @Test("Equality ignores how the object was built")
  func equalityIgnoresConstructionHistory() {
    var edited = JSONObject()
    for number in 0..<20 { edited["k\(number)"] = .int(number) }
    for number in 3..<20 { edited["k\(number)"] = nil }
    let fresh: JSONObject = ["k0": 0, "k1": 1, "k2": 2]
    #expect(edited == fresh)
    #expect(edited.hashValue == fresh.hashValue)
  }
}
