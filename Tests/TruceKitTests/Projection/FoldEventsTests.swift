import Testing

@testable import TruceKit

/// The fold reads events only through ``FoldEvents``: a list held in another form (here one
/// column per field, as records would hold it) folds to exactly what the list of events folds to.
@Suite("Folding events read through the fold's interface")
struct FoldEventsTests {
  /// Events held one field per column, nothing of them as an ``Event``.
  private struct ColumnEvents: FoldEvents {
    private var ids: [String] = []
    private var types: [EventType] = []
    private var areas: [String] = []
    private var announcedStamps: [Stamp] = []
    private var payloads: [EventPayload] = []
    private var citations: [String] = []
    private var wordings: [String?] = []
    private var subjects: [String?] = []
    private var disputeLists: [[String]] = []
    private var sameAnnouncementLists: [[String]] = []

    init(_ events: [Event]) {
      for event in events {
        ids.append(event.id)
        types.append(event.type)
        areas.append(event.area)
        announcedStamps.append(event.announced)
        payloads.append(event.payload)
        citations.append(event.source.citation)
        wordings.append(event.source.quote ?? event.note)
        subjects.append(event.subject)
        disputeLists.append(event.disputes)
        sameAnnouncementLists.append(event.sameAnnouncementAs)
      }
    }

    var count: Int { ids.count }
    func id(at position: Int) -> String { ids[position] }
    func type(at position: Int) -> EventType { types[position] }
    func area(at position: Int) -> String { areas[position] }
    func announced(at position: Int) -> Stamp { announcedStamps[position] }
    func payload(at position: Int) -> EventPayload { payloads[position] }
    func citation(at position: Int) -> String { citations[position] }
    func words(at position: Int) -> String? { wordings[position] }
    func subject(at position: Int) -> String? { subjects[position] }
    func disputes(at position: Int) -> [String] { disputeLists[position] }
    func sameAnnouncementAs(at position: Int) -> [String] { sameAnnouncementLists[position] }
  }

  /// A generated history long enough to be folded in lanes, with its effective events.
  private static let generated: Result<[Event], any Error> = Result {
    try GeneratorScratch.log(events: 12_000, areas: 8, seed: 61).effectiveEvents
  }

  /// The bundled history's effective events, or a generated history's.
  private static func events(_ history: String) throws -> [Event] {
    history == "bundled" ? try TestLog.bundled().effectiveEvents : try generated.get()
  }

  /// The as-of moments to fold at: everything, and the announcement times of events a tenth,
  /// a third and two thirds of the way through.
  private static func knowledge(of events: [Event]) -> [Knowledge] {
    [Knowledge.everything]
      + [0.1, 0.35, 0.7].compactMap { fraction in
        events[Int(Double(events.count) * fraction)].announced.range.earliest.map {
          Knowledge(asOf: $0)
        }
      }
  }

  @Test(
    "Events held in columns fold as the list of events does, in lanes and in one pass",
    arguments: ["bundled", "generated"], [false, true])
  func columnsFoldAsEvents(history: String, inLanes: Bool) throws {
    let events = try Self.events(history)
    let columns = ColumnEvents(events)
    let hypothetical = Set(events.lazy.filter { $0.seq % 9 == 0 }.map(\.id))
    for knowledge in Self.knowledge(of: events) {
      for count in [events.count, events.count / 2] {
        let input = FoldInput(
          events: events, count: count, knowledge: knowledge, hypothetical: hypothetical)
        let context = "\(history), first \(count), as of \(String(describing: knowledge.asOf))"
        expectSameParts(
          ProjectionFold.parts(of: input, reading: columns, inLanes: inLanes),
          ProjectionFold.parts(of: input, inLanes: inLanes), context)
      }
    }
  }

  @Test("What the fold reads comes from the interface, not from the input's list of events")
  func foldReadsOnlyThroughTheInterface() throws {
    let events = try TestLog.bundled().effectiveEvents
    // Every field the fold reads that can change without changing what refers to what.
    let changed = events.map { event in
      var copy = event
      copy.area = "elsewhere-\(event.area)"
      copy.source.publication = "another wire"
      copy.source.seed = nil
      copy.source.quote = event.source.quote.map { "quoted: \($0)" }
      copy.note = event.note.map { "noted: \($0)" }
      return copy
    }
    let input = FoldInput(
      events: events, count: events.count, knowledge: .everything, hypothetical: [])
    let changedInput = FoldInput(
      events: changed, count: changed.count, knowledge: .everything, hypothetical: [])
    let read = ProjectionFold.parts(of: input, reading: ColumnEvents(changed))
    expectSameParts(read, ProjectionFold.parts(of: changedInput), "the changed copy")
    // The change shows: had the fold read the input's own events, these would hold.
    let plain = ProjectionFold.parts(of: input)
    #expect(read.pauses != plain.pauses)
    #expect(read.disputes != plain.disputes)
    #expect(read.pauses.allSatisfy { $0.area.hasPrefix("elsewhere-") })
  }
}
