import Foundation
import TruceKit

/// Measures of the fold (each in a fresh process, see ``FreshFold``) and of a replay (in this
/// process), from events already decoded (decoding is not timed):
/// ``Projection/init(events:knowledge:hypothetical:)``, a ``Replayer`` pass that shows only the
/// last events (every event folded one at a time, settled once), and, up to 100k
/// events, a ``Replayer`` pass that describes every step.
enum ReplayMeasure {
  /// Sizes above this are not replayed with every step described (a million steps, each with its
  /// event and changes, take about a gigabyte).
  static let describedLimit = 100_000

  /// The measures for each size, as lines of text.
  ///
  /// - Parameters:
  ///   - sizes: How many events to generate for each measure.
  ///   - truce: The `truce` binary, which generates the logs.
  ///   - work: A directory for the generated logs (they are removed).
  static func summary(sizes: [Int], truce: String, work: String) -> String {
    var lines = [
      "",
      "replay (fold only, from decoded events or records), best of 3 (the Replayer: 1 at 1M):",
    ]
    for size in sizes {
      let path = "\(work)/replay-\(size).jsonl"
      defer {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: path + ".head")
      }
      guard Measure.generateSettled(truce, size: size, at: path),
        let log = try? EventLog.read(path: path),
        let zone = log.areas.areas.first?.zone
      else {
        lines.append("  \(Format.count(size)) events: generating or reading the log failed")
        continue
      }
      lines.append(
        "  \(Format.count(size)) events: " + rates(of: log, at: path, zone: zone, size: size))
    }
    lines.append(
      "  Projection(events:): the fold of the whole log; its index by id and its lists of"
        + " statements, proposals and violations are built when first read and not counted."
        + " Each run is one fold in a fresh process (a new copy of the benchmark, which reads the log"
        + " first), so that every page the fold writes is new to it, as in a `truce at` with no"
        + " index; in the benchmark's own process, which has freed much memory by then, a fold"
        + " reuses pages and its speed depends on what ran before. Projection(records:): the same"
        + " fold of the events held as records (as a cold `truce at` reads them), errata applied"
        + " before the time is taken, as for events.")
    lines.append(
      "  Replayer to the last step: a replay that shows only the events placed last (and those"
        + " with no earliest announcement time, which any span takes: under 1%), so every event is"
        + " folded one at a time and what they touched is settled at the shown steps; described:"
        + " every step shown with its changes in words.")
    return lines.joined(separator: "\n")
  }

  /// The rates for one log, in words.
  private static func rates(of log: EventLog, at path: String, zone: Zone, size: Int) -> String {
    let events = log.effectiveEvents
    let runs = size >= 1_000_000 ? 1 : 3
    let fresh = FreshFold.seconds(ofLogAt: path)
    let freshRecords = FreshFold.seconds(ofLogAt: path, records: true)
    let lastOnly = Replayer(filter: lastStepsFilter(of: events), zone: zone)
    let foldOnly = Measure.best(runs: runs) { _ = lastOnly.steps(of: log) }
    let freshRate = fresh.map { Format.perSecond(Double(events.count) / $0) } ?? "failed"
    let recordsRate =
      freshRecords.map { Format.perSecond(Double(events.count) / $0) } ?? "failed"
    var text =
      "Projection(events:) \(freshRate), Projection(records:) \(recordsRate),"
      + " Replayer to the last step \(Format.perSecond(Double(events.count) / foldOnly))"
    if size <= describedLimit {
      let replayer = Replayer(zone: zone)
      var steps: [[ReplayStep]] = []
      let described = Measure.best(runs: runs) { steps.append(replayer.steps(of: log)) }
      text += ", described \(Format.perSecond(Double(events.count) / described))"
    }
    return text
  }

  /// A filter that shows the events placed last in announcement order (at the latest instant
  /// an announcement is placed at), and the few whose announcement may be as late: a replay
  /// with it folds every event, and settles what they touched once, at the end (a replay that
  /// shows nothing folds nothing, and one that shows every step describes each).
  private static func lastStepsFilter(of events: [Event]) -> EventFilter {
    var filter = EventFilter()
    filter.from = events.lazy.map { AnnouncementOrder.placement(of: $0).instant }.max()
    return filter
  }
}
