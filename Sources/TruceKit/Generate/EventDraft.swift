/// An event about to be generated: its type, area, announcement and type-specific fields, before
/// the fields every event shares are filled in.
struct EventDraft: Sendable {
  var type: EventType
  /// The index of its area.
  var area: Int
  /// When it was announced; written in a form whose range holds this instant.
  var announced: Instant
  /// The type-specific fields, in order.
  var payload: [(String, JSONValue)] = []
  var disputes: [String] = []
  var sameAnnouncementAs: [String] = []
  /// Who announced it; drawn from the country's actors when `nil`.
  var announcedBy: [String]?
  var note: String?
  var quote: String?
  /// The form of `announced`; drawn when `nil`.
  var announcedForm: TimeForm?
  /// The end it gives, for a `pause.extended` (an erratum may move it).
  var end: Instant?
  /// The item it declares, opens or launches (see ``RecentEvent/founds``).
  var founds: String?
  /// What withdrawing it (an ending) puts back under way.
  var reopens: Reopening?

  init(_ type: EventType, area: Int, announced: Instant) {
    self.type = type
    self.area = area
    self.announced = announced
  }
}

extension HistoryWorld {
  /// The id of the event being generated: its country's code and its seq.
  var eventID: String { "\(theatreCode)-\(seq)" }

  /// Turns a draft into the event's JSON object (without `prev`, which the writer adds).
  mutating func render(_ draft: EventDraft, theatre: Int) -> JSONObject {
    let profile = areas.theatres[theatre].profile
    let area = areas.areas[draft.area]
    let announcedForm = draft.announcedForm ?? TimeSpeller.draw(TimeSpeller.announcement, &random)
    let reported = draft.announced.adding(seconds: 60 * Int64(random.int(in: 10...(36 * 60))))
    let recorded = reported.adding(seconds: 600 * Int64(random.int(in: 6...(48 * 6))))
    var by = draft.announcedBy ?? [random.element(of: profile.actors)]
    if draft.announcedBy == nil && random.chance(1, in: 12) {
      let second = random.element(of: profile.actors)
      if second != by[0] { by.append(second) }
    }
    var source: JSONObject = ["publication": .string(random.element(of: profile.publications))]
    if random.chance(1, in: 60) {
      source["headline"] = .string("\(area.name): \(Self.headlines[draft.type] ?? "latest")")
    }
    if let quote = draft.quote { source["quote"] = .string(quote) }
    var members: [(String, JSONValue)] = [
      ("seq", .int(seq)), ("id", .string(eventID)),
      ("type", .string(draft.type.rawValue)),
      (
        "announced",
        .string(speller.spell(draft.announced, in: area.zone, form: announcedForm, &random))
      ),
      ("reported", .string(speller.spell(reported, in: area.zone, TimeSpeller.report, &random))),
      (
        "recorded",
        ["at": .string(Self.minuteUTC(recorded)), "by": .string(random.element(of: Self.desks))]
      ),
      ("announcedBy", .array(by.map { .string($0) })), ("area", .string(area.id)),
      ("source", .object(source)),
    ]
    if let note = draft.note ?? note(for: announcedForm) { members.append(("note", .string(note))) }
    if !draft.disputes.isEmpty {
      members.append(("disputes", .array(draft.disputes.map { .string($0) })))
      features.disputes += 1
    }
    if !draft.sameAnnouncementAs.isEmpty {
      members.append(("sameAnnouncementAs", .array(draft.sameAnnouncementAs.map { .string($0) })))
      features.sameAnnouncement += 1
    }
    members.append(contentsOf: draft.payload)
    return JSONObject(members)
  }

  /// A note saying how coarse a date is, for some events.
  private mutating func note(for form: TimeForm) -> String? {
    guard random.chance(1, in: 30) else { return nil }
    switch form {
    case .day: return "The source gives the day only."
    case .utc: return "Time given in GMT."
    case .onOrBefore, .undated: return "Undated in the source; before its publication."
    case .onOrAfter, .between: return "The source's dates disagree; kept as a range."
    default: return nil
    }
  }

  /// A UTC instant to the minute: `2016-11-04T10:00Z`.
  static func minuteUTC(_ instant: Instant) -> String {
    instant.adding(seconds: -(instant.secondsSinceEpoch % 60)).iso8601
  }

  static let desks = ["am", "jd", "kr", "lt", "ns"]

  static let headlines: [EventType: String] = [
    .pauseDeclared: "pause announced", .pauseExtended: "truce extended",
    .pauseEnded: "truce over", .corridorOpened: "corridors to open",
    .offensiveLaunched: "offensive begins", .violationReported: "shelling despite truce",
    .statement: "parties trade claims", .proposal: "new truce proposal",
  ]
}
