import Testing

@testable import TruceKit

@Suite("Removing elements at ascending positions in place")
struct AscendingRemovalTests {
  /// Positions to remove from ten elements: none, the first, the last, side by side, apart, all.
  static let removals: [[Int]] = [
    [], [0], [9], [0, 1], [4, 5, 6], [8, 9], [0, 9], [1, 3, 5, 7], [0, 2, 3, 9], Array(0..<10),
  ]

  @Test("The others move up in order and the tail holds the placeholder", arguments: removals)
  func keepsTheOthersInOrder(removed: [Int]) {
    // Strings long enough to be stored apart, so that a slot moved twice or never freed shows.
    var elements = (0..<10).map { "element number \($0), long enough to be stored apart" }
    let expected = elements.indices.filter { !removed.contains($0) }.map { elements[$0] }
    elements.withUnsafeMutableBufferPointer { $0.removeAscending(removed, leaving: "gone") }
    #expect(Array(elements.prefix(expected.count)) == expected)
    #expect(elements.suffix(removed.count).allSatisfy { $0 == "gone" })
    elements.removeLast(removed.count)
    #expect(elements == expected)
  }
}
