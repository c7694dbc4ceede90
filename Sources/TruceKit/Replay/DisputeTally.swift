/// Every dispute on record during a replay, counted, so that a step can tell whether a dispute
/// (or another of the same fact) was on record before it, or still is after it.
struct DisputeTally {
  private var disputes: [Dispute: Int] = [:]
  private var facts: [Fact: Int] = [:]

  /// A disputed fact: its subject and aspect.
  private struct Fact: Hashable {
    var subject: String
    var aspect: String
  }

  func contains(_ dispute: Dispute) -> Bool { disputes[dispute] != nil }

  func containsFact(of dispute: Dispute) -> Bool {
    facts[Fact(subject: dispute.subject, aspect: dispute.aspect)] != nil
  }

  mutating func add(_ dispute: Dispute) {
    disputes[dispute, default: 0] += 1
    facts[Fact(subject: dispute.subject, aspect: dispute.aspect), default: 0] += 1
  }

  mutating func remove(_ dispute: Dispute) {
    decrement(&disputes, dispute)
    decrement(&facts, Fact(subject: dispute.subject, aspect: dispute.aspect))
  }

  private func decrement<Key>(_ counts: inout [Key: Int], _ key: Key) {
    guard let count = counts[key] else { return }
    counts[key] = count > 1 ? count - 1 : nil
  }
}
