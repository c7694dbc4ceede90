@testable import TruceKit

/// Decodes a log with the fast decoder and the reference decoder and says how they differ.
enum DecoderComparison {
  /// `nil` when both accept with the same log, or both reject with an error of the same kind at
  /// the same line and field; otherwise what differs.
  static func disagreement(
    _ bytes: [UInt8], file: String, options: ReadOptions = .reading
  ) -> String? {
    compare(
      bytes, file: file, fastOptions: options, referenceOptions: options, label: "fast",
      accepted: difference)
  }

  /// ``disagreement(_:file:options:)`` for the fast decoder holding the events as records
  /// (``ReadOptions/holdsRecords``): when both accept, the records read back, errata applied, as
  /// the reference's events with errata applied.
  static func recordsDisagreement(_ bytes: [UInt8], file: String) -> String? {
    compare(
      bytes, file: file, fastOptions: .readingRecords, referenceOptions: .reading,
      label: "fast, as records", accepted: recordsDifference)
  }

  /// Decodes `bytes` both ways; when both accept, what `accepted` finds differs; when both
  /// reject, whether with an error of the same kind at the same line and field.
  private static func compare(
    _ bytes: [UInt8], file: String, fastOptions: ReadOptions, referenceOptions: ReadOptions,
    label: String, accepted: (EventLog, EventLog) -> String?
  ) -> String? {
    let fast = Result { () throws(LogError) in
      try EventLog.parse(bytes, file: file, options: fastOptions)
    }
    let reference = Result { () throws(LogError) in
      try ReferenceLogDecoder.parse(bytes, file: file, options: referenceOptions)
    }
    switch (fast, reference) {
    case (.success(let fast), .success(let reference)):
      return accepted(fast, reference)
    case (.failure(let fast), .failure(let reference)):
      guard fast.line == reference.line, fast.field == reference.field,
        kind(fast.problem) == kind(reference.problem)
      else { return "\(label): \(fast); reference: \(reference)" }
      return nil
    case (.success, .failure(let reference)):
      return "the decoder (\(label)) accepts what the reference rejects: \(reference)"
    case (.failure(let fast), .success):
      return "the decoder (\(label)) rejects what the reference accepts: \(fast)"
    }
  }

  /// What differs between a log read as records, its errata applied and its events read again,
  /// and the reference's events with errata applied.
  static func recordsDifference(_ fast: EventLog, _ reference: EventLog) -> String? {
    guard fast.events.isEmpty, fast.eventCount == reference.events.count else {
      return "\(fast.eventCount) records against \(reference.events.count) events"
    }
    var taken = fast
    guard let recorded = taken.takeEffectiveRecords() else { return "no records" }
    let effective = reference.effectiveEvents
    guard recorded.count == effective.count else {
      return "\(recorded.count) effective records against \(effective.count) events"
    }
    for position in effective.indices where recorded.event(at: position) != effective[position] {
      return "effective event \(position + 1) differs"
    }
    return recorded.rereadFailure.map { "a line was not read again: \($0)" }
  }

  /// What differs between two decoded logs, event by event.
  static func difference(_ fast: EventLog, _ reference: EventLog) -> String? {
    guard fast.events.count == reference.events.count else {
      return "\(fast.events.count) events against \(reference.events.count)"
    }
    for (index, (mine, theirs)) in zip(fast.events, reference.events).enumerated()
    where mine != theirs {
      return "event \(index + 1) differs:\n  fast:      \(mine)\n  reference: \(theirs)"
    }
    if fast.amendments != reference.amendments { return "the amendments differ" }
    if fast.voided != reference.voided { return "the voided events differ" }
    if fast.isChained != reference.isChained { return "isChained differs" }
    if fast.lastLineHash != reference.lastLineHash { return "the last line's hash differs" }
    if fast.completeLength != reference.completeLength { return "the complete length differs" }
    if fast.torn != reference.torn { return "the torn tail differs" }
    if fast.lineByID != reference.lineByID { return "the lines by id differ" }
    if fast.eventLines != reference.eventLines { return "the event lines differ" }
    for id in fast.amendments.keys
    where fast.amendedObject(id: id) != reference.amendedObject(id: id) {
      return "the amended line of '\(id)' differs"
    }
    return nil
  }

  /// The kind of a problem, without its message.
  static func kind(_ problem: LogProblem) -> String {
    switch problem {
    case .unreadable: "unreadable"
    case .missingHeader: "missingHeader"
    case .unsupportedFormat: "unsupportedFormat"
    case .syntax: "syntax"
    case .invalidUTF8: "invalidUTF8"
    case .emptyLine: "emptyLine"
    case .tornLastLine: "tornLastLine"
    case .missingField: "missingField"
    case .wrongType: "wrongType"
    case .unknownField: "unknownField"
    case .invalidValue: "invalidValue"
    case .unknownType: "unknownType"
    case .unknownReference: "unknownReference"
    case .duplicateID: "duplicateID"
    case .outOfSequence: "outOfSequence"
    case .time(let error): "time.\(error)".prefix { $0 != "(" }.description
    case .brokenChain: "brokenChain"
    }
  }
}
