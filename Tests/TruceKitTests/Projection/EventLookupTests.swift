import Foundation
import Testing

@testable import TruceKit

/// `Projection.event(_:)`, which looks one event up without the table of every event.
@Suite("Looking up one folded event")
struct EventLookupTests {
  @Test(
    "One event looked up is the one the table of every event holds, retracted and unknown ones missing alike",
    arguments: [nil, 0.3, 0.7])
  func lookupsAgreeWithTheTable(asOfFraction: Double?) throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 6, seed: 31)
    let instants = log.events.compactMap { $0.announced.range.earliest }.sorted()
    let asOf = asOfFraction.map { instants[Int(Double(instants.count) * $0)] }
    // Looked up first, before the table exists; then compared with the table.
    let projection = Projection(log: log, knowledge: Knowledge(asOf: asOf))
    let looked = log.events.map { projection.event($0.id) }
    let table = projection.events
    #expect(looked.compactMap { $0 }.count == table.count)
    for (event, found) in zip(log.events, looked) {
      #expect(found == table[event.id], "\(event.id)")
    }
    // Some events are left out of the fold (retracted, or unknown as of the moment).
    #expect(looked.contains { $0 == nil })
    #expect(projection.event("no-such-event") == nil)
  }

  @Test("An event table set on a projection is what lookups read")
  func setTableIsRead() throws {
    let log = try TestLog.bundled()
    var projection = Projection(log: log)
    let first = try #require(log.events.first)
    #expect(projection.event(first.id) != nil)
    projection.events = [:]
    #expect(projection.event(first.id) == nil)
  }

  @Test(
    "Statements about a subject, asked before the list of statements is built, are those the list holds about it, in order"
  )
  func statementsAboutASubject() throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 6, seed: 31)
    let projection = Projection(log: log)
    let subjects = projection.pauses.prefix(40).map(\.id) + ["no-such-item"]
    let asked = subjects.map { projection.statements(about: $0).map(\.id) }
    let listed = projection.statements
    for (subject, found) in zip(subjects, asked) {
      let expected = listed.filter { statement in
        if case .statement(_, let about) = statement.payload { return about.contains(subject) }
        return false
      }
      #expect(found == expected.map(\.id), "\(subject)")
    }
    #expect(asked.contains { !$0.isEmpty })
    // A list set on the projection is what is asked.
    var replaced = projection
    replaced.statements = Array(listed.suffix(1))
    let last = try #require(listed.last)
    guard case .statement(_, let about) = last.payload, let subject = about.first else {
      Issue.record("the last statement names nothing")
      return
    }
    #expect(replaced.statements(about: subject).map(\.id) == [last.id])
  }
}
