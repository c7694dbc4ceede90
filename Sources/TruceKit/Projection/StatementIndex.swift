/// The positions in a list of statements of those about each subject, in list order; a statement
/// that names a subject twice is listed once under it.
///
/// Subjects are numbered in a table of names, and each subject's positions are one stretch of a
/// single array (counted, then placed), rather than an array of its own in a dictionary by
/// string: a fifth fewer instructions for the 11,600 statements of a generated 100k log.
struct StatementIndex: Sendable {
  /// The subjects, numbered in the order first met.
  private var subjects = NameMap<Void>()
  /// Where each subject's positions start in ``positions``, by its number, and past the last,
  /// where they end.
  private var starts: [Int] = [0]
  /// Every subject's positions, one subject after another.
  private var positions: [Int] = []

  /// The index of a list of statements, given by their payloads (other payloads are skipped,
  /// their positions counted).
  init(_ statements: some Sequence<EventPayload>) {
    var pairs: [(subject: Int, position: Int)] = []
    for (position, payload) in statements.enumerated() {
      guard case .statement(_, let about) = payload else { continue }
      for (offset, subject) in about.enumerated() where !about[..<offset].contains(subject) {
        pairs.append((subjects.entry(ofEntering: subject), position))
      }
    }
    var starts = [Int](repeating: 0, count: subjects.count + 1)
    for pair in pairs { starts[pair.subject + 1] += 1 }
    for subject in starts.indices.dropFirst() { starts[subject] += starts[subject - 1] }
    // Placed in list order, so each subject's stretch stays ascending.
    var next = starts
    positions = [Int](repeating: 0, count: pairs.count)
    for pair in pairs {
      positions[next[pair.subject]] = pair.position
      next[pair.subject] += 1
    }
    self.starts = starts
  }

  /// The positions of the statements about `subject`, ascending; none when no statement is.
  func positions(about subject: String) -> ArraySlice<Int> {
    guard let entry = subjects.entry(named: subject) else { return [] }
    return positions[starts[entry]..<starts[entry + 1]]
  }
}
