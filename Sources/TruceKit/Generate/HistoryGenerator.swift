/// Writes a synthetic history: a valid, hash-chained log of many events over many areas, the
/// same bytes for the same arguments on every run and every machine.
///
/// The history spreads over four years (from 2015) in a few countries, each with regions and
/// cities in their own tz zones: pauses declared, reported again with other ends, extended
/// (sometimes with no reported end), suspended and resumed, ended; corridors opened and closed;
/// offensives launched, scaled back, intensified and ended; violations, proposals, statements
/// (some disputing a report); errata (setting fields or voiding) and retractions. Times come in
/// every form the log accepts, some local times close to a change of the clocks (never one that
/// is ambiguous), and lines are about 400 bytes long. The log passes `truce verify`.
///
/// It reads like an analyst's log, where few items are possibly in force at any moment (tens at
/// a million events, most of them dated only to the day): open-ended times ("on or after 13
/// July") are rare and a later erratum narrows each of them; a pause or corridors that start
/// with their announcement have it dated to a range of days at worst; what a later report names
/// is never withdrawn (only a declaration nothing follows yet is), and a withdrawn ending leaves
/// the item under way, to end later; the longest offensives are the likeliest to end.
///
/// ```swift
/// let report = try HistoryGenerator(events: 100_000, areas: 12, seed: 1).write(to: "big.jsonl")
/// print(report.text)
/// ```
public struct HistoryGenerator: Hashable, Sendable {
  /// The number of events to write.
  public var events: Int
  /// The number of areas to declare.
  public var areas: Int
  /// The seed: the same seed writes the same history.
  public var seed: UInt64

  /// The most areas a history can declare.
  public static let areaLimit = 10_000

  /// Describes a history to generate.
  ///
  /// - Parameters:
  ///   - events: How many events (at least 1).
  ///   - areas: How many areas (1 to ``areaLimit``): about five countries for twelve, with
  ///     regions and cities inside them.
  ///   - seed: What the history is drawn from.
  public init(events: Int, areas: Int = 12, seed: UInt64 = 1) {
    self.events = events
    self.areas = areas
    self.seed = seed
  }

  /// Writes the log and its head.
  ///
  /// Lines are buffered and written in large blocks; the file is flushed to the disk before the
  /// head is written. On failure the file is removed.
  ///
  /// - Parameter path: The log file to create; it must not exist.
  /// - Returns: What was written: the mix of event types, the areas, the size.
  /// - Throws: ``WriteError/input(_:)`` for counts out of range, ``WriteError/exists(_:)`` when
  ///   the file exists, ``WriteError/io(_:)`` when it cannot be written.
  public func write(to path: String) throws(WriteError) -> GenerationReport {
    guard events >= 1 else { throw .input("the number of events must be at least 1") }
    guard (1...Self.areaLimit).contains(areas) else {
      throw .input("the number of areas must be between 1 and \(Self.areaLimit)")
    }
    let generated = try GeneratedAreas(count: areas)
    let title = "Synthetic history: \(events) events, \(areas) areas, seed \(seed)"
    var writer = try ChainedLogWriter(path: path, header: generated.header(title: title))
    var world = HistoryWorld(areas: generated, events: events, seed: seed)
    var counts = Array(repeating: 0, count: EventType.allCases.count)
    let head: LogHead
    do {
      for seq in 1...events {
        let (type, event) = world.next(seq: seq)
        counts[EventType.allCases.firstIndex(of: type) ?? 0] += 1
        try writer.append(event)
      }
      head = try writer.finish()
    } catch {
      writer.abandon()
      throw error
    }
    var features = world.features
    features.localNearClockChange = world.speller.localNearTransition
    features.ambiguousLocalAvoided = world.speller.ambiguousAvoided
    features.coarseTimes = world.speller.coarse
    return GenerationReport(
      path: path, seed: seed, events: events, areas: generated.areas.count,
      countries: generated.theatres.count, zones: generated.zones,
      counts: zip(EventType.allCases, counts).map { ($0, $1) }, bytes: head.length,
      headerBytes: writer.headerLength, head: head, features: features)
  }
}
