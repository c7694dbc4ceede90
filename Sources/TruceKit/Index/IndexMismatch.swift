/// Why the index beside a log cannot answer: it is missing, stale, damaged, or names a line
/// that does not say what it should. The caller then reads the whole log and rebuilds it.
struct IndexMismatch: Error, CustomStringConvertible {
  /// What was found.
  var reason: String

  var description: String { reason }
}
