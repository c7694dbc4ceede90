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
}
