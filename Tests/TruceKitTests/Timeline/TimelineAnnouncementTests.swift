import Testing

@testable import TruceKit

/// The announcements a timeline marks, found among the folded events in place, against the
/// plain way: every folded event by id, filtered, put in announcement order, then cut to the
/// window.
@Suite("The announcements a timeline marks")
struct TimelineAnnouncementTests {
  /// The announcements as the timeline first found them, from ``Projection/events``.
  static func plainAnnouncements(
    _ projection: Projection, window: Span, itemIDs: Set<String>, area: Area?,
    areas: AreaRegistry
  ) -> [Timeline.Announcement] {
    let events = projection.events.values.filter { event in
      if let subject = event.subject { return itemIDs.contains(subject) }
      return area.map { areas.areRelated(event.area, $0.id) } ?? true
    }
    return AnnouncementOrder.sorted(Array(events)).compactMap { event in
      let placement = AnnouncementOrder.placement(of: event)
      guard placement.instant >= window.start, placement.instant < window.end else { return nil }
      return Timeline.Announcement(at: placement.instant, eventID: event.id, subject: event.subject)
    }
  }

  static func itemIDs(_ projection: Projection, area: Area?, areas: AreaRegistry) -> Set<String> {
    let items =
      projection.pauses.map { ($0.id, $0.area) } + projection.corridors.map { ($0.id, $0.area) }
      + projection.offensives.map { ($0.id, $0.area) }
    let kept = items.filter { id, itemArea in
      area.map { areas.areRelated(itemArea, $0.id) } ?? true
    }
    return Set(kept.map(\.0))
  }

  @Test(
    "A generated history's timelines mark the announcements filtering every folded event gives, for spans, areas and the default window"
  )
  func generatedHistory() throws {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 6_000, areas: 10, seed: 44).write(to: scratch.log)
    let log = try EventLog.read(path: scratch.log)
    let instants = log.events.compactMap(\.announced.range.earliest).sorted()
    var checked = 0
    for area in [nil] + log.areas.areas.prefix(4).map(Optional.some) {
      for (fraction, days) in [(0.1, 1), (0.4, 7), (0.7, 60)] {
        let start = instants[Int(Double(instants.count - 1) * fraction)]
        let window = Timeline.window(from: start, to: start.adding(seconds: Int64(days) * 86_400))
        // A fresh projection each time: the first asks for events before the table of every
        // event by id is built, the second after.
        for tableBuilt in [false, true] {
          let projection = Projection(log: log)
          if tableBuilt { _ = projection.events }
          let timeline = Timeline(
            projection: projection, from: window.start, to: window.end, area: area,
            areas: log.areas)
          let expected = Self.plainAnnouncements(
            projection, window: window,
            itemIDs: Self.itemIDs(projection, area: area, areas: log.areas), area: area,
            areas: log.areas)
          #expect(timeline.announcements == expected, "\(area?.id ?? "all") \(fraction)")
          #expect(!expected.isEmpty)
          checked += 1
        }
      }
      // The default window: from a day before the first boundary to a day after the last.
      let projection = Projection(log: log)
      let timeline = Timeline(projection: projection, area: area, areas: log.areas)
      let expected = Self.plainAnnouncements(
        projection, window: Span(start: timeline.from, end: timeline.to),
        itemIDs: Self.itemIDs(projection, area: area, areas: log.areas), area: area,
        areas: log.areas)
      #expect(timeline.announcements == expected)
    }
    #expect(checked == 30)
  }

  @Test("Folded events found in place are those filtering the table of every event by id gives")
  func eventsInPlace() throws {
    let log = try TestLog.bundled()
    let projection = Projection(log: log)
    let inPlace = projection.events { $0.type == .statement || $0.area == "aleppo" }
    let table = Projection(log: log).events.values.filter {
      $0.type == .statement || $0.area == "aleppo"
    }
    #expect(Set(inPlace.map(\.id)) == Set(table.map(\.id)))
    #expect(inPlace.count == table.count)
    #expect(!inPlace.isEmpty)
  }
}
