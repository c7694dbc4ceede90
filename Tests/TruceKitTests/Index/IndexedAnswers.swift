import Testing

@testable import TruceKit

/// `truce at` answered from the index beside a log and from the whole log, rendered alike for
/// the tests to compare.
enum IndexedAnswers {
  /// Both answers rendered as text (local times and UTC) and as JSON; `nil` for the indexed one
  /// when the index left the question to the whole log.
  static func answers(
    _ query: AtQuery, log: EventLog, reader: IndexedLogReader
  ) -> (whole: [String], indexed: [String]?) {
    func rendered(_ answer: AtAnswer) -> [String] {
      [
        AtTextRenderer(logFile: log.file, areas: log.areas, utcOnly: false).render(answer),
        AtTextRenderer(logFile: log.file, areas: log.areas, utcOnly: true).render(answer),
        AtJSONRenderer(logFile: log.file).render(answer),
      ]
    }
    return (rendered(query.answer(from: log)), reader.answer(query).map(rendered))
  }

  /// Expects the outputs drawn from the index to be those of the whole log, one for one;
  /// records the first that differs, under `label`.
  static func expectSame(
    _ fromIndex: [String], as whole: [String], _ label: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(fromIndex.count == whole.count, "\(label)", sourceLocation: sourceLocation)
    for (index, (expected, found)) in zip(whole, fromIndex).enumerated() where expected != found {
      Issue.record(
        "\(label), output \(index): \(found.prefix(300)) ≠ \(expected.prefix(300))",
        sourceLocation: sourceLocation)
      return
    }
  }

  /// Appends these events to a scratch log, then reads it whole and indexes it
  /// (``indexed(_:)``).
  static func indexed(_ events: [JSONObject], in log: ScratchLog) throws -> (
    EventLog, IndexedLogReader
  ) {
    for event in events { _ = try log.appender.append(event) }
    return try indexed(log.path)
  }

  /// Reads a log in full and writes its index, as a `truce at` that reads the whole log does.
  static func indexed(_ path: String) throws -> (EventLog, IndexedLogReader) {
    let log = try EventLog.read(path: path)
    _ = try AtIndexing.write(for: log, path: path)
    return (log, try #require(IndexedLogReader(path: path)))
  }

  /// Asks a question about every area of the log and about all of them at once (`question`
  /// makes it for an area, `nil` for all), listing two of each kind of context, and expects
  /// the index's answer to be the whole log's wherever the index answers; returns how many were
  /// asked and how many the index answered.
  static func compareInEveryArea(
    of log: EventLog, reader: IndexedLogReader, _ label: String,
    _ question: (Area?) throws -> AtQuery
  ) rethrows -> (asked: Int, answered: Int) {
    var counts = (asked: 0, answered: 0)
    for area in [nil] + log.areas.areas.map(Optional.some) {
      var query = try question(area)
      query.contextLimit = 2
      let (whole, fromIndex) = answers(query, log: log, reader: reader)
      counts.asked += 1
      guard let fromIndex else { continue }
      counts.answered += 1
      #expect(whole == fromIndex, "\(label) in \(area?.id ?? "all areas")")
    }
    return counts
  }
}
