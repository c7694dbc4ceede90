/// Writes every disputed fact: what each side says and who says it.
public struct DisputesRenderer: Sendable {
  /// The schema of the JSON document.
  public static let schema = "truce.disputes/1"

  /// Creates a renderer.
  public init() {}

  /// The disputes as text, ending with a newline.
  public func text(_ disputes: [Dispute]) -> String {
    guard !disputes.isEmpty else { return "No disputes on the record.\n" }
    var block = TextBlock()
    for (index, dispute) in disputes.enumerated() {
      if index > 0 { block.blank() }
      block.line("\(dispute.subject): \(dispute.aspect)")
      for version in dispute.versions {
        block.item(
          version.citations.joined(separator: ", "), version.says,
          version.eventIDs.joined(separator: ", "))
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
