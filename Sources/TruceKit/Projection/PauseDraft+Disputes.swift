extension PauseDraft {
  /// One dispute per re-characterized announcement: what each source says was announced.
  ///
  /// - Parameters:
  ///   - pause: The pause's id.
  ///   - folded: The position of the folded event with an id, if one is folded.
  func characterizationDisputes(
    of pause: String, in events: some FoldEvents, folded: (String) -> Int?
  ) -> [Dispute] {
    recharacterizations.compactMap { position in
      let others = events.sameAnnouncementAs(at: position).compactMap(folded)
      // Until another report of the announcement is on the record, nothing is disputed.
      guard !others.isEmpty else { return nil }
      return Dispute(
        subject: pause, aspect: "what was announced",
        versions: [version(of: position, in: events)] + others.map { version(of: $0, in: events) })
    }
  }

  private func version(of position: Int, in events: some FoldEvents) -> Dispute.Version {
    let says: String
    switch events.payload(at: position) {
    case .pauseDeclared(let declaration):
      let window = [
        declaration.window.start.map { "from \($0)" }, declaration.window.end.map { "until \($0)" },
      ]
      .compactMap { $0 }.joined(separator: " ")
      says = "a new \(declaration.kind.rawValue)" + (window.isEmpty ? "" : " \(window)")
    case .pauseExtended(_, let end):
      says =
        "an extension of the pause in force"
        + (end.map { " until \($0)" } ?? ", new end not reported")
    default:
      says = events.type(at: position).rawValue
    }
    return Dispute.Version(
      says: says, citationList: SmallList(one: events.citation(at: position)),
      eventIDList: SmallList(one: events.id(at: position)))
  }
}
