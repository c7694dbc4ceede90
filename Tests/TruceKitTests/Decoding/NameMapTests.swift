import Testing

@testable import TruceKit

@Suite("The map by name that a log's reading keeps")
struct NameMapTests {
  @Test("A name entered with no value is present, and a name never entered is absent")
  func optionalValues() {
    // The log's table of pauses maps a pause to its start, which a declaration may not give.
    var starts = NameMap<Int?>()
    starts["p-1"] = .some(nil)
    starts["p-2"] = 7
    #expect(starts["p-1"] != nil)
    #expect(starts["p-1"] == .some(nil))
    #expect(starts["p-2"] == 7)
    #expect(starts["p-3"] == nil)
    #expect(starts.contains("p-1"))
    #expect(!starts.contains("p-3"))
    starts["p-1"] = nil
    #expect(!starts.contains("p-1"))
    #expect(starts.count == 1)
  }

  @Test("A table that never held a name answers every lookup and removal, and then takes names")
  func emptyTable() {
    var map = NameMap<Int>()
    #expect(map["a"] == nil)
    #expect(!map.contains("a"))
    map["a"] = nil
    #expect(map.count == 0)
    #expect(map.entries.isEmpty)
    let entered = map.enter("a", 1)
    #expect(entered)
    #expect(map["a"] == 1)
    var reserved = NameMap<Int>()
    reserved.reserveCapacity(100)
    #expect(reserved["b"] == nil)
    let value = reserved.value(of: "b", enteringIfAbsent: 2)
    #expect(value == 2)
    #expect(reserved["b"] == 2)
    #expect(NameMap<Int>() == [:])
  }

  @Test(
    "A table whose slots were released reads every name as before, and enters names again as before"
  )
  func releasedSlots() {
    var map = NameMap<Int>()
    let names = (0..<1_000).map { "event-\($0)" }
    for (index, name) in names.enumerated() { map[name] = index }
    map.releaseSlots()
    // Read name by name, until a name is entered or changed.
    #expect(names.indices.allSatisfy { map[names[$0]] == $0 && map.contains(names[$0]) })
    #expect(map["event-1000"] == nil && !map.contains("event-1000"))
    #expect(map.count == 1_000)
    #expect(map.name(atEntry: 999) == "event-999")
    // Entering builds the slots again: known names are found, new ones added after them.
    let enteredKnown = map.enter("event-5", -1)
    let enteredNew = map.enter("event-1000", 1_000)
    #expect(!enteredKnown && enteredNew)
    #expect(map["event-5"] == 5 && map["event-1000"] == 1_000 && map.count == 1_001)
    map.releaseSlots()
    map["event-7"] = nil
    #expect(map["event-7"] == nil && map.count == 1_000 && map["event-999"] == 999)
    map.releaseSlots()
    #expect(map.value(of: "event-3", enteringIfAbsent: -3) == 3)
    // Room reserved for fewer names than it holds gives slots for all of them.
    map.releaseSlots()
    map.reserveCapacity(10)
    #expect(map.enter("event-1001", 1_001) && map["event-999"] == 999 && map.count == 1_001)
    // A set numbering names by entry: released, then entered again.
    var set = NameMap<Void>()
    #expect(names.map { set.entry(ofEntering: $0) } == Array(names.indices))
    set.releaseSlots()
    #expect(set.entry(ofEntering: "event-42") == 42)
    #expect(set.entry(ofEntering: "new") == 1_000)
    #expect(set.entry(ofEntering: "new") == 1_000 && set.count == 1_001)
  }

  @Test("A map used as a set holds each name once, whatever the order of insertion")
  func setOfNames() {
    var names = NameMap<Void>()
    for name in ["b", "a", "b", "c", "a"] { names.insert(name) }
    #expect(names.count == 3)
    #expect(["a", "b", "c"].allSatisfy { names.contains($0) })
    #expect(!names.contains("d"))
  }

  @Test(
    "Setting, replacing and removing names with tuple values agrees with a dictionary",
    arguments: [5, 6])
  func agreesWithADictionary(seed: UInt64) {
    var steps = SplitMix64(seed: seed)
    var map = NameMap<(at: Int, event: String)>()
    var model: [String: (at: Int, event: String)] = [:]
    let names = (0..<200).map { "pause-\($0)" }
    var disagreements = 0
    for step in 0..<10_000 {
      let name = names[steps.below(names.count)]
      switch steps.below(3) {
      case 0:
        map[name] = (step, "e-\(step)")
        model[name] = (step, "e-\(step)")
      case 1:
        map[name] = nil
        model[name] = nil
      default:
        if map[name]?.at != model[name]?.at || map[name]?.event != model[name]?.event {
          disagreements += 1
        }
      }
      if map.count != model.count { disagreements += 1 }
    }
    #expect(disagreements == 0)
  }

  @Test(
    "A value looked up with one to enter if absent is the first one entered for the name, as a fold's slots need",
    arguments: [7, 8])
  func enteringIfAbsentKeepsTheFirstValue(seed: UInt64) {
    var steps = SplitMix64(seed: seed)
    var slots = NameMap<Int>()
    var model: [String: Int] = [:]
    var disagreements = 0
    // Enough names that the table grows several times while they are entered.
    for step in 0..<20_000 {
      let name = "item-\(steps.below(3_000))"
      let slot = slots.value(of: name, enteringIfAbsent: step)
      let expected = model[name] ?? step
      model[name] = expected
      if slot != expected { disagreements += 1 }
    }
    #expect(disagreements == 0)
    #expect(slots.count == model.count)
    #expect(model.allSatisfy { slots[$0.key] == $0.value })
  }
}
