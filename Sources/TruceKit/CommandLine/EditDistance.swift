/// The Levenshtein edit distance used to suggest near-miss option names.
///
/// This is the same algorithm swift-argument-parser uses for its
/// "Did you mean …?" suggestions: common prefixes and suffixes are trimmed, then
/// the classic two-row Levenshtein matrix is computed over `Character`s.
enum EditDistance {
  /// The number of single-character insertions, deletions or substitutions
  /// needed to turn one string into another.
  ///
  /// - Parameters:
  ///   - source: The string to start from.
  ///   - target: The string to reach.
  /// - Returns: The edit distance, `0` for equal strings.
  static func between(_ source: String, _ target: String) -> Int {
    let source = Array(source)
    let target = Array(target)
    if source.isEmpty || target.isEmpty {
      return max(source.count, target.count)
    }

    var start = 0
    while start < source.count, start < target.count, source[start] == target[start] {
      start += 1
    }
    var sourceEnd = source.count
    var targetEnd = target.count
    while sourceEnd > start, targetEnd > start, source[sourceEnd - 1] == target[targetEnd - 1] {
      sourceEnd -= 1
      targetEnd -= 1
    }

    let trimmedSource = source[start..<sourceEnd]
    let trimmedTarget = target[start..<targetEnd]
    if trimmedSource.isEmpty { return trimmedTarget.count }
    if trimmedTarget.isEmpty { return trimmedSource.count }

    var previousRow = [Int](repeating: 0, count: trimmedTarget.count + 1)
    var currentRow = Array(0...trimmedTarget.count)
    for (i, sourceCharacter) in trimmedSource.enumerated() {
      swap(&previousRow, &currentRow)
      currentRow[0] = i + 1
      for (j, targetCharacter) in trimmedTarget.enumerated() {
        if sourceCharacter == targetCharacter {
          currentRow[j + 1] = previousRow[j]
        } else {
          currentRow[j + 1] = min(previousRow[j + 1], currentRow[j], previousRow[j]) + 1
        }
      }
    }
    return currentRow[trimmedTarget.count]
  }
}
