/// Writes every disputed fact: what each side says and who says it.
public struct DisputesRenderer: Sendable {
  /// The schema of the JSON document.
  public static let schema = "truce.disputes/1"

  /// Creates a renderer.
  public init() {}

  /// The disputes as text, ending with a newline: each version with its sources, who announced
  /// it (from the events that carry it, looked up one by one: see ``Projection/event(_:)``), and
  /// those events' ids.
  public func text(_ disputes: [Dispute], event: (String) -> Event? = { _ in nil }) -> String {
    guard !disputes.isEmpty else { return "No disputes on the record.\n" }
    var block = TextBlock()
    for (index, dispute) in disputes.enumerated() {
      if index > 0 { block.blank() }
      block.line("\(dispute.subject): \(dispute.aspect)")
      for version in dispute.versions {
        var who: [String] = []
        for id in version.eventIDs {
          for name in event(id)?.announcedBy ?? [] where !who.contains(name) { who.append(name) }
        }
        let says = who.isEmpty ? version.says : "\(version.says) — \(who.joined(separator: ", "))"
        block.item(
          version.citations.joined(separator: ", "), says, version.eventIDs.joined(separator: ", "))
      }
    }
    return block.rendered()
  }

  /// The disputes as JSON.
  public func json(_ disputes: [Dispute]) -> String {
    JSONValue.object([
      "schema": .string(Self.schema), "disputes": .array(disputes.map(EventJSON.dispute)),
    ])
    .serialized(pretty: true) + "\n"
  }
}
