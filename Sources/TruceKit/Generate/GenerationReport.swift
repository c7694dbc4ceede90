/// What ``HistoryGenerator`` wrote: the mix of event types, the areas and zones, the size.
public struct GenerationReport: Sendable {
  /// The log file.
  public var path: String
  public var seed: UInt64
  /// The number of events.
  public var events: Int
  /// The number of areas declared, and of countries among them.
  public var areas: Int
  public var countries: Int
  /// The zones the areas use, in the order they first appear.
  public var zones: [String]
  /// The number of events of each type, in the order of ``EventType/allCases``.
  public var counts: [(type: EventType, count: Int)]
  /// The log's size in bytes, and its header line's (newline included).
  public var bytes: Int
  public var headerBytes: Int
  /// The head written beside the log.
  public var head: LogHead
  /// How often some features of interest occur.
  public var features: Features

  /// Counts of the links and times worth testing against.
  public struct Features: Hashable, Sendable {
    /// Events that dispute another (`disputes`).
    public var disputes = 0
    /// Events that report another's announcement in other words (`sameAnnouncementAs`).
    public var sameAnnouncement = 0
    /// Extensions whose new end is not reported (`"end": null`).
    public var nullEnds = 0
    /// Pauses limited to some hours of each day.
    public var dailyHours = 0
    /// Local wall times written within a day of a change of the clocks.
    public var localNearClockChange = 0
    /// Local wall times that were ambiguous and were written with an offset instead.
    public var ambiguousLocalAvoided = 0
    /// Times written as a day, week, month or range.
    public var coarseTimes = 0
    /// Open-ended times (`../X`, `X/..`) of reports of pauses, corridors and offensives that a
    /// later erratum narrowed to a day or a time.
    public var openBoundsNarrowed = 0

    /// Creates empty counts.
    public init() {}
  }

  /// The average length of an event line in bytes, its newline included.
  public var averageEventLineBytes: Double {
    Double(bytes - headerBytes) / Double(max(events, 1))
  }

  /// The report as text: a summary, a table of the event types, the features and the head.
  public var text: String {
    var lines = [
      "Generated \(path) (seed \(seed)): \(grouped(events)) events in \(areas) areas "
        + "of \(countries) countr\(countries == 1 ? "y" : "ies").",
      "Zones: \(zones.joined(separator: ", ")).",
      "Size: \(grouped(bytes)) bytes; event lines average "
        + "\(oneDecimal(averageEventLineBytes)) bytes (header \(grouped(headerBytes)) bytes).",
      "",
      "type".padding(24) + "events".leftPadding(10) + "share".leftPadding(8),
    ]
    for (type, count) in counts {
      let share = Double(count) * 100 / Double(max(events, 1))
      lines.append(
        type.rawValue.padding(24) + grouped(count).leftPadding(10)
          + "\(oneDecimal(share))%".leftPadding(8))
    }
    lines.append("total".padding(24) + grouped(events).leftPadding(10) + "100.0%".leftPadding(8))
    lines += [
      "",
      "\(grouped(features.disputes)) disputes, \(grouped(features.sameAnnouncement)) "
        + "sameAnnouncementAs, \(grouped(features.nullEnds)) extensions with no end, "
        + "\(grouped(features.dailyHours)) pauses with daily hours.",
      "\(grouped(features.localNearClockChange)) local times within a day of a clock change; "
        + "\(grouped(features.ambiguousLocalAvoided)) ambiguous local times written with an "
        + "offset; \(grouped(features.coarseTimes)) times known to the day or more coarsely; "
        + "\(grouped(features.openBoundsNarrowed)) open-ended times narrowed by a later report.",
      "Head: seq \(head.seq), hash \(head.hash.hex.prefix(12))…",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// The report as JSON (`truce.generate/1`).
  public var json: JSONValue {
    [
      "schema": "truce.generate/1", "log": .string(path), "seed": .number(String(seed)),
      "events": .int(events), "areas": .int(areas), "countries": .int(countries),
      "zones": .array(zones.map { .string($0) }),
      "types": .object(JSONObject(counts.map { ($0.type.rawValue, .int($0.count)) })),
      "bytes": .int(bytes), "headerBytes": .int(headerBytes),
      "averageEventLineBytes": .double((averageEventLineBytes * 10).rounded() / 10),
      "features": [
        "disputes": .int(features.disputes), "sameAnnouncementAs": .int(features.sameAnnouncement),
        "nullEnds": .int(features.nullEnds), "dailyHours": .int(features.dailyHours),
        "localNearClockChange": .int(features.localNearClockChange),
        "ambiguousLocalAvoided": .int(features.ambiguousLocalAvoided),
        "coarseTimes": .int(features.coarseTimes),
        "openBoundsNarrowed": .int(features.openBoundsNarrowed),
      ],
      "head": [
        "seq": .int(head.seq), "hash": .string(head.hash.hex), "length": .int(head.length),
      ],
    ]
  }

  private func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var text = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return text
  }

  private func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}

extension String {
  fileprivate func padding(_ width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }

  fileprivate func leftPadding(_ width: Int) -> String {
    count >= width ? " " + self : String(repeating: " ", count: width - count) + self
  }
}
