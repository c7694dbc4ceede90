/// One report of when something started or ended, with the event and source behind it.
public struct BoundaryReport: Hashable, Sendable {
  /// The instants the report allows.
  public var range: UncertainInstant
  /// The time as the source wrote it, when the report is not derived.
  public var spec: TimeSpec? {
    get { written.value?.spec }
    set { written = OptionalWrittenTime(newValue.map(WrittenTime.init)) }
  }
  /// The spec, in 8 bytes (``OptionalWrittenTime``): a million events' tracks hold about as many
  /// reports.
  private var written: OptionalWrittenTime
  /// The event that carries the report.
  public var eventID: String
  /// A short citation of the event's source.
  public var citation: String
  /// How the boundary was derived, when no source gave it directly ("ends with its pause").
  public var derivation: String?

  /// Creates a report.
  public init(
    range: UncertainInstant, spec: TimeSpec?, eventID: String, citation: String,
    derivation: String? = nil
  ) {
    self.range = range
    written = OptionalWrittenTime(spec.map(WrittenTime.init))
    self.eventID = eventID
    self.citation = citation
    self.derivation = derivation
  }

  /// Creates a report of a time as written, kept as it is packed.
  init(range: UncertainInstant, written: WrittenTime, eventID: String, citation: String) {
    self.range = range
    self.written = OptionalWrittenTime(written)
    self.eventID = eventID
    self.citation = citation
    derivation = nil
  }
}

/// Where every report of a boundary leaves it.
public enum BoundaryState: Hashable, Sendable {
  /// No report gives the boundary: an end not reported stays open.
  case notReported
  /// All reports fit together; the instant lies in their common range.
  case agreed(UncertainInstant)
  /// Reports contradict each other; the instant lies somewhere in this envelope.
  case disputed(UncertainInstant)
}

/// The start or end of a pause, corridor or offensive, as every report gives it.
///
/// Reports agree when their ranges share instants ("4 November" and "19:00Z on 4 November");
/// they are disputed when no instant fits them all ("19:00 local" and "19:00 GMT"). A disputed
/// boundary keeps every version; nothing picks one.
public struct Boundary: Hashable, Sendable {
  /// Every report, in log order.
  public var reports: [BoundaryReport]

  /// Creates a boundary from its reports.
  public init(reports: [BoundaryReport] = []) {
    self.reports = reports
  }

  /// What the reports together say.
  public var state: BoundaryState {
    guard let first = reports.first else { return .notReported }
    var common: UncertainInstant? = first.range
    var envelope = first.range
    for report in reports.dropFirst() {
      common = common.flatMap { $0.intersection(report.range) }
      envelope = envelope.hull(report.range)
    }
    if let common { return .agreed(common) }
    return .disputed(envelope)
  }

  /// The instants the boundary may be at; `nil` when not reported.
  public var possibleRange: UncertainInstant? {
    switch state {
    case .notReported: return nil
    case .agreed(let range), .disputed(let range): return range
    }
  }

  /// The first instant certainly after the boundary: its latest possible instant, or the second
  /// after that when the latest comes from a period (a day ends at its last second, an exact
  /// instant at itself); `nil` when unbounded or not reported.
  public var latestExclusive: Instant? {
    func exclusive(_ range: UncertainInstant) -> Instant? {
      range.latest.map { range.isExact ? $0 : $0.adding(seconds: 1) }
    }
    switch state {
    case .notReported: return nil
    case .agreed(let range): return exclusive(range)
    case .disputed:
      let bounds = reports.map { exclusive($0.range) }
      guard !bounds.contains(where: { $0 == nil }) else { return nil }
      return bounds.compactMap { $0 }.max()
    }
  }

  /// Whether the reports contradict each other.
  public var isDisputed: Bool {
    if case .disputed = state { return true }
    return false
  }

  /// The distinct times reported, each with the citations that give it.
  public var versions: [(text: String, citations: [String])] {
    var result: [(text: String, citations: [String])] = []
    for report in reports {
      let text = report.spec?.description ?? report.derivation ?? "derived"
      if let index = result.firstIndex(where: { $0.text == text }) {
        if !result[index].citations.contains(report.citation) {
          result[index].citations.append(report.citation)
        }
      } else {
        result.append((text, [report.citation]))
      }
    }
    return result
  }
}
