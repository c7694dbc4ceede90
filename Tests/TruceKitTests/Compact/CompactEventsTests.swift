import Testing

@testable import TruceKit

/// Events held as compact records read back, field by field, as the fold reads the events they
/// were made from, and fold to the same projection.
@Suite("The compact event store")
struct CompactEventsTests {
  @Test(
    "Every record reads back what the fold reads of its event", arguments: TestHistories.names)
  func recordsReadBackTheirEvents(history: String) throws {
    let events = try TestHistories.log(history).events
    let compact = CompactEvents(events)
    #expect(compact.count == events.count)
    var mismatches: [String] = []
    for position in events.indices {
      let id = events.id(at: position)
      let same =
        compact.id(at: position) == id && compact.type(at: position) == events.type(at: position)
        && compact.area(at: position) == events.area(at: position)
        && compact.announced(at: position) == events.announced(at: position)
        && compact.announcedRange(at: position) == events.announcedRange(at: position)
        && compact.payload(at: position) == events.payload(at: position)
        && compact.citation(at: position) == events.citation(at: position)
        && compact.words(at: position) == events.words(at: position)
        && compact.subject(at: position) == events.subject(at: position)
        && compact.disputes(at: position) == events.disputes(at: position)
        && compact.sameAnnouncementAs(at: position) == events.sameAnnouncementAs(at: position)
        && compact.lanes(at: position) == FoldLane.bits(of: events.payload(at: position))
        && compact.itemChange(at: position) == ItemChange(events.payload(at: position))
      if !same { mismatches.append(id) }
    }
    #expect(mismatches.isEmpty, "records that differ from their events: \(mismatches.prefix(5))")
  }

  @Test(
    "A change is read from its record without its payload, and only events of a changing type are changes",
    arguments: TestHistories.names)
  func changesAreReadFromTheirRecords(history: String) throws {
    let events = try TestHistories.log(history).events
    let compact = CompactEvents(events)
    var changesByType: [EventType: Int] = [:]
    for position in events.indices {
      let change = compact.itemChange(at: position)
      #expect(
        (change != nil) == ItemChange.isChange(events[position].type), "\(events[position].id)")
      #expect(change == ItemChange(events[position].payload), "\(events[position].id)")
      if change != nil { changesByType[events[position].type, default: 0] += 1 }
    }
    // The generated history has every kind of change (the bundled one has some).
    if history == "generated" {
      #expect(Set(changesByType.keys) == Set(EventType.allCases.filter(ItemChange.isChange)))
    }
  }

  @Test("The histories hold every kind of payload and field the records write")
  func historiesCoverThePayloads() throws {
    let events = try TestHistories.log("generated").events + TestHistories.log("bundled").events
    let types = Set(events.map(\.type))
    #expect(types == Set(EventType.allCases))
    #expect(events.contains { !$0.disputes.isEmpty })
    #expect(events.contains { !$0.sameAnnouncementAs.isEmpty })
    #expect(events.contains { $0.source.quote == nil && $0.note != nil })
    #expect(events.contains { $0.source.quote != nil })
    #expect(
      events.contains {
        if case .pauseDeclared(let declaration) = $0.payload {
          return declaration.dailyHours != nil && !declaration.parties.isEmpty
            && declaration.window.start != nil && declaration.window.end != nil
        }
        return false
      })
    #expect(
      events.contains {
        if case .corridorOpened(let opening) = $0.payload {
          return opening.count != nil && !opening.users.isEmpty && opening.route != nil
        }
        return false
      })
    #expect(
      events.contains {
        if case .pauseExtended(_, nil) = $0.payload { return true }
        return false
      })
  }

  @Test(
    "Records fold as their events do, as known at moments through the history",
    arguments: TestHistories.names)
  func recordsFoldAsEvents(history: String) throws {
    let effective = try TestHistories.log(history).effectiveEvents
    let compact = CompactEvents(effective)
    for knowledge in TestHistories.knowledge(through: effective, at: [0.2, 0.5, 0.8]) {
      let input = FoldInput(
        events: effective, count: effective.count, knowledge: knowledge, hypothetical: [])
      expectSameParts(
        ProjectionFold.parts(of: input, reading: compact), ProjectionFold.parts(of: input),
        "\(history), as of \(String(describing: knowledge.asOf))")
    }
  }

  @Test("Names are held once: the history twice over holds no more names, and twice the records")
  func namesAreShared() throws {
    let events = try TestHistories.log("bundled").events
    let once = CompactEvents(events)
    let twice = CompactEvents(events + events)
    #expect(twice.nameCount == once.nameCount)
    #expect(twice.recordBytes == 2 * once.recordBytes)
    #expect(MemoryLayout<EventRecord>.stride == 48)
  }

  @Test("An event with more links than 16 bits count reads back whole")
  func manyLinks() throws {
    var event = try #require(try TestHistories.log("bundled").events.first)
    event.disputes = (0..<70_000).map { "disputed-\($0)" }
    event.sameAnnouncementAs = ["same-a", "same-b"]
    let compact = CompactEvents([event, event])
    for position in 0..<2 {
      #expect(compact.disputes(at: position) == event.disputes)
      #expect(compact.sameAnnouncementAs(at: position) == event.sameAnnouncementAs)
      #expect(compact.payload(at: position) == event.payload)
    }
  }

  @Test("A name is numbered once, from 1, and read back by its number")
  func namesAreNumberedOnce() {
    var names = NameNumbers()
    let first = names.number(of: "p-1")
    let second = names.number(of: "Reuters")
    #expect(first == 1 && second == 2)
    #expect(names.number(of: "p-1") == 1)
    #expect(names.number(ofOptional: nil) == 0)
    #expect(names.count == 2)
    #expect(names.name(2) == "Reuters")
    #expect(names.optionalName(0) == nil)
    #expect(names.optionalName(1) == "p-1")
  }

  @Test(
    "A table of names whose lookup was let go reads the same names, and numbers names as before")
  func namesAfterTheLookupIsReleased() {
    var names = NameNumbers()
    let numbers = (0..<5_000).map { names.number(of: "name-\($0)") }
    names.releaseLookup()
    #expect(numbers == (1...5_000).map(UInt32.init))
    #expect((1...5_000).allSatisfy { names.name(UInt32($0)) == "name-\($0 - 1)" })
    // Names met again (past the cache of recent names) keep their numbers; a new one comes next.
    #expect((0..<5_000).allSatisfy { names.number(of: "name-\($0)") == UInt32($0 + 1) })
    names.releaseLookup()
    #expect(names.number(of: "new") == 5_001 && names.number(of: "name-0") == 1)
    #expect(names.count == 5_001)
  }

  @Test(
    "A name is numbered as before, met as the same string or an equal one held apart, past the size of the cache of recent names"
  )
  func namesThroughTheCacheOfRecentNames() {
    var names = NameNumbers()
    // Longer than 15 bytes, so each is held in storage of its own; and short ones, held inline.
    let long = (0..<3 * RecentNames.slotCount).map { "a name held in storage of its own, \($0)" }
    let short = (0..<RecentNames.slotCount).map { "s\($0)" }
    let numbers = (long + short).map { names.number(of: $0) }
    #expect(Set(numbers).count == long.count + short.count)
    #expect(numbers.first == 1 && names.count == numbers.count)
    // The same strings again, in another order; then equal strings made anew.
    let again = zip(long + short, numbers).reversed()
    #expect(again.allSatisfy { names.number(of: $0.0) == $0.1 })
    let copies = (long + short).map { String(decoding: Array($0.utf8), as: UTF8.self) }
    #expect(copies.map { names.number(of: $0) } == numbers)
    #expect(zip(numbers, long + short).allSatisfy { names.name($0.0) == $0.1 })
    #expect(names.count == numbers.count)
  }
}
