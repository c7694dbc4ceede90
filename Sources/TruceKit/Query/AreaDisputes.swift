extension Projection {
  /// The disputes of an area (with the areas inside and around it), in the projection's order.
  ///
  /// A dispute is the area's when what it is about is: a pause, corridor group, offensive or
  /// event of the area. One about something else (a proposal, an item whose reports were all
  /// retracted) is the area's when one of its reports is.
  public func disputes(inArea area: Area, areas: AreaRegistry) -> [Dispute] {
    disputes.filter { dispute in
      let itemArea =
        pause(dispute.subject)?.area ?? corridor(dispute.subject)?.area
        ?? offensive(dispute.subject)?.area ?? event(dispute.subject)?.area
      if let itemArea { return areas.areRelated(itemArea, area.id) }
      return dispute.versions.contains { version in
        version.eventIDs.contains { id in
          event(id).map { areas.areRelated($0.area, area.id) } ?? false
        }
      }
    }
  }
}
