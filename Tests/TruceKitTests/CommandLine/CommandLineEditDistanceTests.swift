import Testing

@testable import TruceKit

/// The edit distance behind "Did you mean", with the cases of
/// swift-argument-parser 1.8.2's `StringEditDistanceTests`.
@Suite("Edit distance")
struct CommandLineEditDistanceTests {
  @Test(
    "Distances match swift-argument-parser's",
    arguments: [
      ("", "", 0), ("", "foo", 3), ("foo", "", 3), ("foo", "bar", 3), ("bar", "foo", 3),
      ("bar", "baz", 1), ("baz", "bar", 1), ("friend", "fresh", 3), ("friend", "friend", 0),
      ("friend", "fried", 1), ("friend", "friendly", 2), ("friendly", "friend", 2),
      ("--json", "--jsn", 1), ("--log", "-jl", 3), ("--json", "-jl", 4),
    ])
  func distance(source: String, target: String, expected: Int) {
    #expect(EditDistance.between(source, target) == expected)
  }
}
