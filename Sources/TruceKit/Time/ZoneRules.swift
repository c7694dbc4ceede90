/// One zone's offset changes as its TZif file gives them, and the rule that continues them.
///
/// Immutable and shared: every ``Zone`` with the same identifier holds the same rules.
final class ZoneRules: Sendable {
  /// When each change takes effect, in seconds since the epoch, ascending.
  private let transitions: [Int64]
  /// The offset east of UTC, in seconds, from each change on.
  private let offsets: [Int]
  /// The offset before the first change.
  private let initialOffset: Int
  /// The rule for instants after the last change (all instants when there are none).
  private let footer: PosixZoneRule?

  /// The rules of a TZif file.
  ///
  /// - Throws: ``TZifError`` when its footer is not a POSIX TZ string this reads.
  init(_ file: TZifFile) throws(TZifError) {
    transitions = file.transitions
    offsets = file.offsets.map(Int.init)
    initialOffset = Int(file.initialOffset)
    footer = try file.footer.map { text throws(TZifError) in try PosixZoneRule(text) }
  }

  /// Rules of one offset that never changes.
  init(fixedOffset offset: Int) {
    transitions = []
    offsets = []
    initialOffset = offset
    footer = nil
  }

  /// The offset east of UTC, in seconds, at an instant (seconds since the epoch).
  func offset(at instant: Int64) -> Int {
    guard let last = transitions.last else { return footer?.offset(at: instant) ?? initialOffset }
    if instant > last, let footer { return footer.offset(at: instant) }
    let index = firstTransition(after: instant)
    return index == 0 ? initialOffset : offsets[index - 1]
  }

  /// The first instant strictly after `instant` at which the offset changes, or `nil` when it
  /// never does again. Changes that keep the offset (only the abbreviation or the
  /// daylight-saving flag change) are passed over.
  func nextChange(after instant: Int64) -> Int64? {
    let current = offset(at: instant)
    var index = firstTransition(after: instant)
    while index < transitions.count {
      if offsets[index] != current { return transitions[index] }
      index += 1
    }
    guard let footer else { return nil }
    return footer.nextChange(after: max(instant, transitions.last ?? instant))
  }

  /// The index of the first change strictly after `instant` (the count when there is none).
  private func firstTransition(after instant: Int64) -> Int {
    var low = 0
    var high = transitions.count
    while low < high {
      let middle = (low + high) / 2
      if transitions[middle] <= instant { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
