extension EventReader {
  /// Reads the type-specific fields, recording the checks that depend on earlier lines.
  mutating func payload(
    _ type: EventType, _ fields: inout TapeFields, zone: Zone, links: [String]
  ) throws(FieldError) -> EventPayload {
    switch type {
    case .pauseDeclared: return .pauseDeclared(try pauseDeclaration(&fields, zone))
    case .pauseExtended:
      let pause = try declaredPause(&fields)
      let end = try optionalTime(.end, &fields, zone)
      if let end { checks.append(.notBeforePauseStart(end, pause: pause, field: "end")) }
      return .pauseExtended(pause: pause, end: end)
    case .pauseSuspended:
      let pause = try declaredPause(&fields)
      let at = try time(.at, &fields, zone)
      checks.append(.notBeforePauseStart(at, pause: pause, field: "at"))
      checks.append(.notAlreadySuspended(pause: pause, links: links))
      return .pauseSuspended(pause: pause, at: at)
    case .pauseResumed:
      let pause = try declaredPause(&fields)
      let at = try time(.at, &fields, zone)
      checks.append(.suspendedBefore(pause: pause, at: at))
      return .pauseResumed(pause: pause, at: at)
    case .pauseEnded:
      let pause = try declaredPause(&fields)
      let at = try time(.at, &fields, zone)
      checks.append(.notBeforePauseStart(at, pause: pause, field: "at"))
      return .pauseEnded(pause: pause, at: at, how: try fields.choice(.how, as: PauseEnding.self))
    case .corridorOpened: return .corridorOpened(try corridorOpening(&fields, zone))
    case .corridorClosed:
      let corridor = try sharedIdentifier(.corridor, &fields)
      checks.append(.corridorOpened(corridor))
      let at = try time(.at, &fields, zone)
      checks.append(.notBeforeCorridorStart(at, corridor: corridor))
      return .corridorClosed(corridor: corridor, at: at)
    case .offensiveLaunched:
      let launch = OffensiveLaunch(
        offensive: try sharedIdentifier(.offensive, &fields), at: try time(.at, &fields, zone),
        parties: try sharedStrings(.parties, &fields, required: true),
        aim: try sharedOptional(.aim, &fields))
      return .offensiveLaunched(launch)
    case .offensiveScaledBack:
      let (offensive, at) = try offensiveChange(&fields, zone)
      return .offensiveScaledBack(offensive: offensive, at: at)
    case .offensiveIntensified:
      let (offensive, at) = try offensiveChange(&fields, zone)
      return .offensiveIntensified(offensive: offensive, at: at)
    case .offensiveEnded:
      let (offensive, at) = try offensiveChange(&fields, zone)
      return .offensiveEnded(offensive: offensive, at: at)
    case .violationReported:
      let pause = try fields.optionalIdentifier(.pause)
      if let pause { checks.append(.pauseDeclared(pause)) }
      let offensive = try fields.optionalIdentifier(.offensive)
      if let offensive { checks.append(.offensiveLaunched(offensive)) }
      return .violationReported(
        pause: pause, offensive: offensive, at: try time(.at, &fields, zone),
        by: try sharedStrings(.by, &fields))
    case .proposal:
      return .proposal(
        id: try sharedIdentifier(.proposal, &fields),
        kind: try fields.choice(.kind, as: ProposalKind.self),
        terms: try sharedStrings(.terms, &fields), parties: try sharedStrings(.parties, &fields))
    case .statement:
      let kind = try fields.choice(.kind, as: StatementKind.self)
      let about = try sharedStrings(.about, &fields)
      for (index, id) in about.enumerated() { checks.append(.subjectExists(index: index, id: id)) }
      return .statement(kind: kind, about: about)
    case .erratum:
      let target = try fields.identifier(.corrects)
      checks.append(.correctedEventExists(field: "corrects", id: target))
      checks.append(.notACorrection(field: "corrects", id: target))
      let void = try fields.optionalBool(.void) ?? false
      let hasSet = fields.has(.set)
      _ = fields.value(.set)  // merged into the corrected event by the log state
      guard void != hasSet else {
        throw FieldError(
          field: "set",
          problem: .invalidValue(
            "an erratum either sets fields ('set') or voids the event ('void': true)"))
      }
      return .erratum(corrects: target, void: void)
    case .retraction:
      let target = try fields.identifier(.retracts)
      checks.append(.correctedEventExists(field: "retracts", id: target))
      checks.append(.notACorrection(field: "retracts", id: target))
      return .retraction(retracts: target)
    }
  }

  private mutating func pauseDeclaration(_ fields: inout TapeFields, _ zone: Zone)
    throws(FieldError) -> PauseDeclaration
  {
    let pause = try sharedIdentifier(.pause, &fields)
    let kind = try fields.choice(.kind, as: PauseKind.self)
    let scope = try sharedOptional(.scope, &fields)
    let window = try self.window(&fields, zone)
    let dailyHours = try self.dailyHours(&fields)
    return PauseDeclaration(
      pause: pause, kind: kind, scope: scope, window: window, dailyHours: dailyHours,
      conditions: try sharedStrings(.conditions, &fields),
      parties: try sharedStrings(.parties, &fields),
      unilateral: try fields.optionalBool(.unilateral))
  }

  private mutating func corridorOpening(_ fields: inout TapeFields, _ zone: Zone)
    throws(FieldError) -> CorridorOpening
  {
    let corridor = try sharedIdentifier(.corridor, &fields)
    let pause = try declaredPause(&fields)
    let window = try self.window(&fields, zone)
    if let end = window.end {
      checks.append(.notBeforePauseStart(end, pause: pause, field: "window.end"))
    }
    return CorridorOpening(
      corridor: corridor, pause: pause, count: try fields.optionalInt(.count, in: 1...10_000),
      users: try fields.choices(.users, as: CorridorUser.self),
      route: try sharedOptional(.route, &fields),
      window: window, dailyHours: try dailyHours(&fields))
  }

  private mutating func window(_ fields: inout TapeFields, _ zone: Zone) throws(FieldError)
    -> Window
  {
    guard var nested = try fields.nested(.window) else { return Window() }
    let start = try optionalTime(.start, &nested, zone)
    let end = try optionalTime(.end, &nested, zone)
    try nested.finish()
    if let start, let end, let earliestStart = start.range.earliest,
      let latestEnd = end.range.latest, latestEnd < earliestStart
    {
      throw FieldError(
        field: "window.end", problem: .invalidValue("ends (\(end)) before it starts (\(start))"))
    }
    return Window(start: start, end: end)
  }

  private func dailyHours(_ fields: inout TapeFields) throws(FieldError) -> DailyHours? {
    guard var nested = try fields.nested(.dailyHours) else { return nil }
    let from = try minuteOfDay(nested.stringIndex(.from), nested, field: nested.fieldPath(.from))
    let to = try minuteOfDay(nested.stringIndex(.to), nested, field: nested.fieldPath(.to))
    try nested.finish()
    guard from < to else {
      throw FieldError(
        field: "dailyHours.to", problem: .invalidValue("daily hours end before they start"))
    }
    return DailyHours(fromMinute: from, toMinute: to)
  }

  /// `HH:MM`, from 00:00 to 24:00.
  private func minuteOfDay(_ index: Int, _ fields: TapeFields, field: String) throws(FieldError)
    -> Int
  {
    let minute = fields.withBytes(index) { bytes -> Int? in
      guard bytes.count == 5, bytes[2] == UInt8(ascii: ":") else { return nil }
      // Read where they are (a list of the four digits was two arrays allocated for each time).
      func digit(_ offset: Int) -> Int? {
        let digit = bytes[offset] &- UInt8(ascii: "0")
        return digit < 10 ? Int(digit) : nil
      }
      guard let h1 = digit(0), let h2 = digit(1), let m1 = digit(3), let m2 = digit(4) else {
        return nil
      }
      let hour = h1 * 10 + h2
      let minute = m1 * 10 + m2
      guard hour <= 24, minute < 60, hour * 60 + minute <= 1440 else { return nil }
      return hour * 60 + minute
    }
    guard let minute else {
      throw FieldError(
        field: field,
        problem: .invalidValue("'\(fields.text(index))' is not a time of day such as 09:00"))
    }
    return minute
  }

  private mutating func declaredPause(_ fields: inout TapeFields) throws(FieldError) -> String {
    let pause = try sharedIdentifier(.pause, &fields)
    checks.append(.pauseDeclared(pause))
    return pause
  }

  private mutating func offensiveChange(_ fields: inout TapeFields, _ zone: Zone)
    throws(FieldError) -> (String, Stamp)
  {
    let offensive = try sharedIdentifier(.offensive, &fields)
    checks.append(.offensiveLaunched(offensive))
    let at = try time(.at, &fields, zone)
    checks.append(.notBeforeOffensiveStart(at, offensive: offensive))
    return (offensive, at)
  }

  /// An id that other lines repeat (a pause, a corridor group), sharing its storage.
  private mutating func sharedIdentifier(_ name: FieldName, _ fields: inout TapeFields)
    throws(FieldError) -> String
  {
    let index = try fields.identifierIndex(name)
    return fields.withBytes(index) { interner.intern($0) }
  }
}
