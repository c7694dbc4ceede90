import Foundation
import Testing

@testable import TruceKit

/// A long history holds thousands of items far from the moment asked about: `at` lists the
/// nearest of them and counts the rest, unless asked for every one.
@Suite("at lists the nearest items announced for later or ended, and counts the rest")
struct AtContextLimitTests {
  /// A generated history of several years, with the answer at a moment in its middle, limited
  /// and in full.
  private static func answers() throws -> (limited: AtAnswer, full: AtAnswer) {
    let log = try GeneratorScratch.log(events: 3_000, areas: 12, seed: 21)
    let middle = try #require(log.events[log.events.count / 2].announced.range.earliest)
    let moment = try Moment(parsing: middle.iso8601, zone: TestLog.damascus)
    let query = AtQuery(moment: moment, zone: TestLog.damascus)
    var all = query
    all.contextLimit = nil
    return (query.answer(from: log), all.answer(from: log))
  }

  @Test("Each of the two sections lists at most 10, and the counts add up to the full answer")
  func limitedSectionsCountTheRest() throws {
    let (limited, full) = try Self.answers()
    for section in [ItemStatus.Section.notYet, .noLonger] {
      let shown = limited.items.filter { $0.section == section }.count
      let everything = full.items.filter { $0.section == section }.count
      #expect(shown == min(everything, AtQuery.defaultContextLimit))
      #expect(shown + (limited.omitted[section] ?? 0) == everything)
      #expect(everything > AtQuery.defaultContextLimit, "the history is long enough to limit")
    }
    #expect(full.omitted.isEmpty && full.omittedConflicts == 0)
    // What is in force, possibly or not applying is never cut.
    for section in [ItemStatus.Section.inForce, .possibly, .notApplying] {
      #expect(
        limited.items.filter { $0.section == section }.map(\.id)
          == full.items.filter { $0.section == section }.map(\.id))
    }
  }

  @Test("The items kept are the soonest to start and the latest to end")
  func nearestAreKept() throws {
    let (limited, full) = try Self.answers()
    let projection = full.projection
    func start(_ id: String) -> Instant? {
      (projection.pause(id)?.start ?? projection.corridor(id)?.start
        ?? projection.offensive(id)?.start)?.possibleRange?.earliest
    }
    func end(_ id: String) -> Instant? {
      (projection.pause(id)?.end ?? projection.corridor(id)?.end
        ?? projection.offensive(id)?.end)?.possibleRange?.latest
    }
    let keptLater = limited.items.filter { $0.section == .notYet }.compactMap { start($0.id) }
    let allLater = full.items.filter { $0.section == .notYet }.compactMap { start($0.id) }.sorted()
    #expect(keptLater.sorted() == Array(allLater.prefix(keptLater.count)))
    let keptEnded = limited.items.filter { $0.section == .noLonger }.compactMap { end($0.id) }
    let allEnded = full.items.filter { $0.section == .noLonger }.compactMap { end($0.id) }
      .sorted(by: >)
    #expect(keptEnded.sorted(by: >) == Array(allEnded.prefix(keptEnded.count)))
  }

  @Test("Certain conflicts are all listed; possible ones up to 10, with the rest counted")
  func conflictsAreLimited() throws {
    let (limited, full) = try Self.answers()
    #expect(
      limited.conflicts.filter(\.certain).count == full.conflicts.filter(\.certain).count)
    let possible = full.conflicts.filter { !$0.certain }.count
    #expect(
      limited.conflicts.filter { !$0.certain }.count
        == min(possible, AtQuery.defaultContextLimit))
    #expect(limited.omittedConflicts == max(0, possible - AtQuery.defaultContextLimit))
  }

  /// Moments through the generated history: instants at a quarter, half and three quarters of
  /// it, and a day, each for every area and for one.
  static let moments: [(fraction: Double, day: Bool, area: Int?)] = [
    (0.25, false, nil), (0.5, false, nil), (0.75, false, nil), (0.5, true, nil),
    (0.5, false, 1), (0.9, true, 1),
  ]

  @Test(
    "The limited answer lists exactly the items of the full one that are in force, possibly, not applying, or among the nearest by start or end, in order",
    arguments: moments)
  func limitedListIsTheFullListCut(fraction: Double, day: Bool, area: Int?) throws {
    let log = try GeneratorScratch.log(events: 3_000, areas: 12, seed: 21)
    let at = try #require(
      log.events[Int(Double(log.events.count) * fraction)].announced.range.earliest)
    let text = day ? String(at.iso8601.prefix(10)) : at.iso8601
    let moment = try Moment(parsing: text, zone: TestLog.damascus)
    var query = AtQuery(
      moment: moment, area: area.map { log.areas.areas[$0] }, zone: TestLog.damascus)
    let limited = query.answer(from: log)
    query.contextLimit = nil
    let full = query.answer(from: log)
    let limit = AtQuery.defaultContextLimit
    // The rule, applied to the full list: known instants first (the soonest start, the latest
    // end), ties in the listed order.
    let projection = full.projection
    func key(_ item: ItemStatus) -> Instant? {
      let track =
        projection.pause(item.id).map { ($0.start, $0.end) }
        ?? projection.corridor(item.id).map { ($0.start, $0.end) }
        ?? projection.offensive(item.id).map { ($0.start, $0.end) }
      return item.section == .notYet
        ? track?.0.possibleRange?.earliest : track?.1.possibleRange?.latest
    }
    var dropped = Set<Int>()
    for section in [ItemStatus.Section.notYet, .noLonger] {
      let members = full.items.indices.filter { full.items[$0].section == section }
      let ordered = members.sorted { left, right in
        switch (key(full.items[left]), key(full.items[right])) {
        case (let a?, let b?) where a != b: return section == .notYet ? a < b : a > b
        case (.some, .none): return true
        case (.none, .some): return false
        default: return left < right
        }
      }
      dropped.formUnion(ordered.dropFirst(limit))
      #expect(limited.omitted[section] == (members.count > limit ? members.count - limit : nil))
    }
    func summary(_ item: ItemStatus) -> String {
      "\(item.kind) \(item.id) \(item.section) \(item.possiblyKnown) \(item.hypothetical)"
        + " \(String(describing: item.phase)) \(item.phaseIsUncertain) \(item.uncertainties)"
        + " \(String(describing: item.qualifier)) \(String(describing: item.areaRelation))"
    }
    let expected = full.items.indices.filter { !dropped.contains($0) }.map { full.items[$0] }
    #expect(limited.items.map(summary) == expected.map(summary))
    #expect(!dropped.isEmpty, "the moment leaves items out")
  }
}
