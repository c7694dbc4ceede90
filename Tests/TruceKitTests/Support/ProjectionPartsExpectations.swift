import Testing

@testable import TruceKit

/// Expects two folds to yield the same, compared field by field (all but the list
/// ``ProjectionParts/folded`` names); `context` names the case.
func expectSameParts(
  _ actual: ProjectionParts, _ expected: ProjectionParts, _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(actual.pauses == expected.pauses, "pauses, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.corridors == expected.corridors, "corridors, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.offensives == expected.offensives, "offensives, \(context)",
    sourceLocation: sourceLocation)
  #expect(
    actual.disputes == expected.disputes, "disputes, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.listed.proposals == expected.listed.proposals
      && actual.listed.statements == expected.listed.statements
      && actual.listed.violations == expected.listed.violations,
    "lists, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.pauseIndex == expected.pauseIndex && actual.corridorIndex == expected.corridorIndex
      && actual.offensiveIndex == expected.offensiveIndex,
    "indexes, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.folded.skipped == expected.folded.skipped
      && actual.folded.count == expected.folded.count,
    "skipped, \(context)", sourceLocation: sourceLocation)
  #expect(
    actual.possiblyKnown == expected.possiblyKnown && actual.retracted == expected.retracted
      && actual.possiblyRetracted == expected.possiblyRetracted
      && actual.hypotheticallyCorrected == expected.hypotheticallyCorrected,
    "knowledge and corrections, \(context)", sourceLocation: sourceLocation)
}

/// Expects `list` to fold, as of `knowledge`, to the parts that its events with errata applied
/// (`effective`), in a list of their own, fold to.
func expectFoldsAlike(
  _ list: FoldedList, _ effective: [Event], as knowledge: Knowledge, _ context: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let folded = ProjectionFold.parts(
    of: FoldInput(list: list, count: list.count, knowledge: knowledge, hypothetical: []))
  let fromCopy = ProjectionFold.parts(
    of: FoldInput(
      events: effective, count: effective.count, knowledge: knowledge, hypothetical: []))
  expectSameParts(
    folded, fromCopy, "\(context), as of \(String(describing: knowledge.asOf))",
    sourceLocation: sourceLocation)
}
