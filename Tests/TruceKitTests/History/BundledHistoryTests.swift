import Foundation
import Testing

@testable import TruceKit

@Suite("The bundled Aleppo 2016 history")
struct BundledHistoryTests {
  static let halt = "aleppo-air-strike-halt-2016-10"
  static let fighters = "aleppo-2016-11-04-fighters"
  static let civilians = "aleppo-2016-11-04-civilians"

  private func answer(_ moment: String, asOf: String? = nil, area: String? = nil) throws -> AtAnswer
  {
    let log = try TestLog.bundled()
    let zone = TestLog.damascus
    return AtQuery(
      moment: try Moment(parsing: moment, zone: zone),
      asOf: try asOf.map { try Moment(parsing: $0, zone: zone) },
      area: area.flatMap { log.areas.area(named: $0) }, zone: zone
    ).answer(from: log)
  }

  private func section(_ answer: AtAnswer, _ id: String) -> ItemStatus.Section? {
    answer.items.first { $0.id == id }?.section
  }

  @Test("It reads without error and every event cites a seed article")
  func readsAndCites() throws {
    let log = try TestLog.bundled()
    #expect(log.events.count >= 40)
    for event in log.events {
      #expect(event.source.seed?.hasSuffix(".txt") == true, "\(event.id) cites no seed")
      #expect(event.source.quote != nil, "\(event.id) has no quote")
    }
  }

  @Test(
    "Every quote appears verbatim in the article it cites",
    .enabled(
      if: TestLog.seedsFolder != nil,
      "seed articles not found beside the repository (../shared/seeds)"))
  func quotesAreVerbatim() throws {
    let folder = try #require(TestLog.seedsFolder)
    for event in try TestLog.bundled().events {
      let seed = try #require(event.source.seed)
      let article = try String(contentsOfFile: "\(folder)/\(seed)", encoding: .utf8)
      let quote = try #require(event.source.quote)
      #expect(article.contains(quote), "\(event.id): quote not found in \(seed)")
    }
  }

  @Test(
    "Midday on 4 November: the pause and eight corridors, two for fighters and six for civilians")
  func middayFourthNovember() throws {
    let answer = try answer("2016-11-04T12:00")
    #expect(section(answer, Self.halt) == .inForce)
    #expect(section(answer, Self.fighters) == .inForce)
    #expect(section(answer, Self.civilians) == .inForce)
    let corridors = answer.projection.corridors
    #expect(corridors.first { $0.id == Self.fighters }?.counts.map(\.value) == [2])
    #expect(corridors.first { $0.id == Self.civilians }?.counts.map(\.value) == [6])
    #expect(corridors.first { $0.id == Self.civilians }?.users == [.civilians, .sickAndWounded])
    #expect(
      corridors.first { $0.id == Self.fighters }?.users.contains(.fightersWithWeapons) == true)
    // 000 calls the 2 November announcement a prolongation, 001 a new pause: both are kept.
    let dispute = try #require(answer.disputes.first { $0.aspect == "what was announced" })
    #expect(Set(dispute.versions.flatMap(\.citations)) == ["000", "001"])
    // The offensive launched in September has no reported end: a pause and an offensive at once.
    #expect(section(answer, "aleppo-offensive-2016-09") == .inForce)
    #expect(
      answer.conflicts.contains {
        $0.pause == Self.halt && $0.offensive == "aleppo-offensive-2016-09"
      })
  }

  @Test(
    "20:00 local on 4 November: 001 closed the fighters' exit at 19:00 local, 000 runs to 19:00 GMT"
  )
  func eightPM() throws {
    let answer = try answer("2016-11-04T20:00")
    #expect(section(answer, Self.fighters) == .possibly)
    let fighters = try #require(answer.projection.corridors.first { $0.id == Self.fighters })
    #expect(fighters.end.isDisputed)
    #expect(Set(fighters.end.reports.map(\.citation)) == ["000", "001"])
    #expect(section(answer, Self.halt) == .inForce)
    #expect(section(answer, Self.civilians) == .inForce)
  }

  @Test("21:30 local on 4 November: past 19:00 GMT, everything of 4 November is over")
  func nineThirtyPM() throws {
    let answer = try answer("2016-11-04T21:30")
    #expect(section(answer, Self.halt) == .noLonger)
    #expect(section(answer, Self.fighters) == .noLonger)
    #expect(section(answer, Self.civilians) == .noLonger)
  }

  @Test("16 November: the offensive of 15 November in force all day, no pause")
  func sixteenthNovember() throws {
    let answer = try answer("2016-11-16")
    #expect(section(answer, "aleppo-offensive-2016-11") == .allDay)
    #expect(answer.items.filter { $0.kind == .pause && $0.section == .allDay }.isEmpty)
    #expect(section(answer, Self.halt) == .noLonger)
  }

  @Test("Midday on 4 November as of 1 November: only 001's undated offer could have been known")
  func asOfFirstNovember() throws {
    let answer = try answer("2016-11-04T12:00", asOf: "2016-11-01")
    #expect(answer.projection.events["halt-extended-000"] == nil)
    let pause = try #require(answer.items.first { $0.id == Self.halt })
    #expect(pause.possiblyKnown)
    #expect(pause.section == .possibly)
    #expect(answer.projection.events["peskov-condition-000"] != nil)
    let fighters = try #require(answer.items.first { $0.id == Self.fighters })
    #expect(fighters.possiblyKnown)
  }

  @Test(
    "Asked about Aleppo, the answer includes the Syria-wide ceasefire around it and the corridors inside it"
  )
  func areaNesting() throws {
    let september15 = try answer("2016-09-15T12:00", area: "aleppo")
    let september = try #require(september15.items.first { $0.id == "us-russia-ceasefire-2016-09" })
    #expect(september.areaRelation == .around)
    #expect(september.section == .possibly)
    let inside = try answer("2016-11-04T12:00", area: "Aleppo").items.first {
      $0.id == Self.civilians
    }
    #expect(inside?.areaRelation == .inside)
    let eastOnly = try answer("2016-11-04T12:00", area: "east Aleppo")
    #expect(eastOnly.items.contains { $0.id == Self.halt && $0.areaRelation == .around })
  }
}
