/// Reads the type-specific fields of an event and checks what they refer to.
struct PayloadDecoder {
  let known: DeclaredIDs
  let zone: Zone
  /// The events this one disputes or reports in other words.
  let links: Set<String>

  func decode(_ type: EventType, _ reader: inout FieldReader) throws(FieldError) -> EventPayload {
    switch type {
    case .pauseDeclared: return .pauseDeclared(try pauseDeclaration(&reader))
    case .pauseExtended:
      let pause = try existingPause(&reader)
      let end = try reader.optionalTime("end", zone: zone)
      if let end { try checkNotBeforeStart(end, of: pause, field: "end") }
      return .pauseExtended(pause: pause, end: end)
    case .pauseSuspended:
      let pause = try existingPause(&reader)
      let at = try reader.time("at", zone: zone)
      try checkNotBeforeStart(at, of: pause, field: "at")
      // A second report of the same suspension is accepted when it says so (or disputes it).
      if let open = known.suspended[pause], !links.contains(open.event) {
        throw FieldError(
          field: "pause",
          problem: .invalidValue(
            "pause '\(pause)' is already suspended (by '\(open.event)') and not resumed; a report of "
              + "the same suspension names it in sameAnnouncementAs or disputes"))
      }
      return .pauseSuspended(pause: pause, at: at)
    case .pauseResumed:
      let pause = try existingPause(&reader)
      let at = try reader.time("at", zone: zone)
      guard let since = known.suspended[pause] else {
        throw FieldError(
          field: "pause", problem: .invalidValue("pause '\(pause)' is not suspended"))
      }
      if let latest = at.range.latest, let earliest = since.at.earliest, latest < earliest {
        throw FieldError(
          field: "at", problem: .invalidValue("\(at) is before the suspension began"))
      }
      return .pauseResumed(pause: pause, at: at)
    case .pauseEnded:
      let pause = try existingPause(&reader)
      let at = try reader.time("at", zone: zone)
      try checkNotBeforeStart(at, of: pause, field: "at")
      return .pauseEnded(pause: pause, at: at, how: try reader.choice("how", as: PauseEnding.self))
    case .corridorOpened: return .corridorOpened(try corridorOpening(&reader))
    case .corridorClosed:
      let corridor = try reader.identifier("corridor")
      guard let start = known.corridors[corridor] else {
        throw FieldError(
          field: "corridor",
          problem: .unknownReference("no corridor '\(corridor)' was opened earlier"))
      }
      let at = try reader.time("at", zone: zone)
      if let start, let earliest = start.earliest, let latest = at.range.latest, latest < earliest {
        throw FieldError(
          field: "at", problem: .invalidValue("\(at) is before the corridors opened"))
      }
      return .corridorClosed(corridor: corridor, at: at)
    case .offensiveLaunched:
      let launch = OffensiveLaunch(
        offensive: try reader.identifier("offensive"), at: try reader.time("at", zone: zone),
        parties: try reader.strings("parties", required: true),
        aim: try reader.optionalString("aim"))
      return .offensiveLaunched(launch)
    case .offensiveScaledBack:
      let (offensive, at) = try offensiveChange(&reader)
      return .offensiveScaledBack(offensive: offensive, at: at)
    case .offensiveIntensified:
      let (offensive, at) = try offensiveChange(&reader)
      return .offensiveIntensified(offensive: offensive, at: at)
    case .offensiveEnded:
      let (offensive, at) = try offensiveChange(&reader)
      return .offensiveEnded(offensive: offensive, at: at)
    case .violationReported:
      let pause = try reader.optionalIdentifier("pause")
      if let pause, known.pauses[pause] == nil {
        throw FieldError(
          field: "pause", problem: .unknownReference("no pause '\(pause)' was declared earlier"))
      }
      let offensive = try reader.optionalIdentifier("offensive")
      if let offensive, known.offensives[offensive] == nil {
        throw FieldError(
          field: "offensive",
          problem: .unknownReference("no offensive '\(offensive)' was launched earlier"))
      }
      return .violationReported(
        pause: pause, offensive: offensive, at: try reader.time("at", zone: zone),
        by: try reader.strings("by"))
    case .proposal:
      return .proposal(
        id: try reader.identifier("proposal"),
        kind: try reader.choice("kind", as: ProposalKind.self),
        terms: try reader.strings("terms"), parties: try reader.strings("parties"))
    case .statement:
      let kind = try reader.choice("kind", as: StatementKind.self)
      let about = try reader.strings("about")
      for (index, id) in about.enumerated() where !known.isSubject(id) {
        throw FieldError(
          field: "about[\(index)]",
          problem: .unknownReference(
            "no pause, corridor, offensive or proposal '\(id)' is declared earlier"))
      }
      return .statement(kind: kind, about: about)
    case .erratum:
      let target = try reader.identifier("corrects")
      try checkEvent(target, field: "corrects")
      try checkNotCorrection(target, field: "corrects")
      let void = try reader.optionalBool("void") ?? false
      let hasSet = reader.has("set")
      _ = reader.value("set")  // read by the log, which re-decodes the amended event
      guard void != hasSet else {
        throw FieldError(
          field: "set",
          problem: .invalidValue(
            "an erratum either sets fields ('set') or voids the event ('void': true)"))
      }
      return .erratum(corrects: target, void: void)
    case .retraction:
      let target = try reader.identifier("retracts")
      try checkEvent(target, field: "retracts")
      try checkNotCorrection(target, field: "retracts")
      return .retraction(retracts: target)
    }
  }

  private func pauseDeclaration(_ reader: inout FieldReader) throws(FieldError) -> PauseDeclaration
  {
    let pause = try reader.identifier("pause")
    let kind = try reader.choice("kind", as: PauseKind.self)
    let scope = try reader.optionalString("scope")
    let window = try self.window(&reader)
    let dailyHours = try self.dailyHours(&reader)
    return PauseDeclaration(
      pause: pause, kind: kind, scope: scope, window: window, dailyHours: dailyHours,
      conditions: try reader.strings("conditions"), parties: try reader.strings("parties"),
      unilateral: try reader.optionalBool("unilateral"))
  }

  private func corridorOpening(_ reader: inout FieldReader) throws(FieldError) -> CorridorOpening {
    let corridor = try reader.identifier("corridor")
    let pause = try existingPause(&reader)
    let window = try window(&reader)
    if let end = window.end { try checkNotBeforeStart(end, of: pause, field: "window.end") }
    return CorridorOpening(
      corridor: corridor, pause: pause, count: try reader.optionalInt("count", in: 1...10_000),
      users: try reader.choices("users", as: CorridorUser.self),
      route: try reader.optionalString("route"),
      window: window, dailyHours: try dailyHours(&reader))
  }

  private func window(_ reader: inout FieldReader) throws(FieldError) -> Window {
    guard var nested = try reader.nested("window") else { return Window() }
    let start = try nested.optionalTime("start", zone: zone)
    let end = try nested.optionalTime("end", zone: zone)
    try nested.finish()
    if let start, let end, let earliestStart = start.range.earliest,
      let latestEnd = end.range.latest,
      latestEnd < earliestStart
    {
      throw FieldError(
        field: "window.end", problem: .invalidValue("ends (\(end)) before it starts (\(start))"))
    }
    return Window(start: start, end: end)
  }

  private func dailyHours(_ reader: inout FieldReader) throws(FieldError) -> DailyHours? {
    guard var nested = try reader.nested("dailyHours") else { return nil }
    let from = try minuteOfDay(nested.string("from"), field: nested.fieldPath("from"))
    let to = try minuteOfDay(nested.string("to"), field: nested.fieldPath("to"))
    try nested.finish()
    guard from < to else {
      throw FieldError(
        field: "dailyHours.to", problem: .invalidValue("daily hours end before they start"))
    }
    return DailyHours(fromMinute: from, toMinute: to)
  }

  private func minuteOfDay(_ text: String, field: String) throws(FieldError) -> Int {
    var scanner = DigitScanner(text)
    guard let hour = scanner.digits(2), scanner.take(":"), let minute = scanner.digits(2),
      scanner.atEnd, hour <= 24, minute < 60, hour * 60 + minute <= 1440
    else {
      throw FieldError(
        field: field, problem: .invalidValue("'\(text)' is not a time of day such as 09:00"))
    }
    return hour * 60 + minute
  }

  private func existingPause(_ reader: inout FieldReader) throws(FieldError) -> String {
    let pause = try reader.identifier("pause")
    guard known.pauses[pause] != nil else {
      throw FieldError(
        field: "pause", problem: .unknownReference("no pause '\(pause)' was declared earlier"))
    }
    return pause
  }

  private func offensiveChange(_ reader: inout FieldReader) throws(FieldError) -> (String, Stamp) {
    let offensive = try reader.identifier("offensive")
    guard let start = known.offensives[offensive] else {
      throw FieldError(
        field: "offensive",
        problem: .unknownReference("no offensive '\(offensive)' was launched earlier"))
    }
    let at = try reader.time("at", zone: zone)
    if let latest = at.range.latest, let earliest = start.earliest, latest < earliest {
      throw FieldError(field: "at", problem: .invalidValue("\(at) is before the offensive began"))
    }
    return (offensive, at)
  }

  private func checkNotBeforeStart(_ stamp: Stamp, of pause: String, field: String)
    throws(FieldError)
  {
    guard let start = known.pauses[pause] ?? nil, let earliest = start.earliest,
      let latest = stamp.range.latest, latest < earliest
    else { return }
    throw FieldError(
      field: field, problem: .invalidValue("\(stamp) is before pause '\(pause)' began"))
  }

  private func checkNotCorrection(_ id: String, field: String) throws(FieldError) {
    guard known.corrections.contains(id) else { return }
    throw FieldError(
      field: field,
      problem: .invalidValue(
        "'\(id)' is itself a correction; correct the original event again instead"))
  }

  private func checkEvent(_ id: String, field: String) throws(FieldError) {
    guard known.events.contains(id) else {
      throw FieldError(field: field, problem: .unknownReference("no earlier event has id '\(id)'"))
    }
  }
}
