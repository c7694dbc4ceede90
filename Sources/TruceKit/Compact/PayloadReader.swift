/// Reads back what ``PayloadWriter`` wrote for one payload, from its first word and stamp.
struct PayloadReader {
  let words: UnsafeBufferPointer<UInt32>
  let stamps: UnsafeBufferPointer<Stamp>
  /// The names of the store's table, name `n` at `n - 1`.
  let names: UnsafeBufferPointer<String>
  var word: Int
  var stamp: Int

  /// The payload of an event of type `type`.
  mutating func read(_ type: EventType) -> EventPayload {
    switch type {
    case .pauseDeclared:
      return .pauseDeclared(
        PauseDeclaration(
          pause: name(), kind: enumCase(), scope: optionalName(), window: window(),
          dailyHours: dailyHours(), conditions: list(), parties: list(),
          unilateral: unilateral()))
    case .pauseExtended: return .pauseExtended(pause: name(), end: optionalStamp())
    case .pauseSuspended: return .pauseSuspended(pause: name(), at: nextStamp())
    case .pauseResumed: return .pauseResumed(pause: name(), at: nextStamp())
    case .pauseEnded: return .pauseEnded(pause: name(), at: nextStamp(), how: enumCase())
    case .corridorOpened:
      let corridor = name()
      let pause = name()
      let count = integer()
      let users: [CorridorUser] = (0..<nextWord()).map { _ in enumCase() }
      return .corridorOpened(
        CorridorOpening(
          corridor: corridor, pause: pause, count: count, users: users, route: optionalName(),
          window: window(), dailyHours: dailyHours()))
    case .corridorClosed: return .corridorClosed(corridor: name(), at: nextStamp())
    case .offensiveLaunched:
      return .offensiveLaunched(
        OffensiveLaunch(offensive: name(), at: nextStamp(), parties: list(), aim: optionalName()))
    case .offensiveScaledBack: return .offensiveScaledBack(offensive: name(), at: nextStamp())
    case .offensiveIntensified: return .offensiveIntensified(offensive: name(), at: nextStamp())
    case .offensiveEnded: return .offensiveEnded(offensive: name(), at: nextStamp())
    case .violationReported:
      return .violationReported(
        pause: optionalName(), offensive: optionalName(), at: nextStamp(), by: list())
    case .proposal:
      return .proposal(id: name(), kind: enumCase(), terms: list(), parties: list())
    case .statement: return .statement(kind: enumCase(), about: list())
    case .erratum: return .erratum(corrects: name(), void: nextWord() == 1)
    case .retraction: return .retraction(retracts: name())
    }
  }

  /// What an event of type `type` changes, read as ``read(_:)`` reads its payload; `nil` when
  /// events of that type are not changes.
  mutating func readChange(_ type: EventType) -> ItemChange? {
    switch type {
    case .pauseExtended: .pauseExtended(pause: name(), end: optionalStamp())
    case .pauseSuspended: .pauseSuspended(pause: name(), at: nextStamp())
    case .pauseResumed: .pauseResumed(pause: name(), at: nextStamp())
    case .pauseEnded: .pauseEnded(pause: name(), at: nextStamp(), how: enumCase())
    case .corridorClosed: .corridorClosed(corridor: name(), at: nextStamp())
    case .offensiveScaledBack: .offensiveScaledBack(offensive: name(), at: nextStamp())
    case .offensiveIntensified: .offensiveIntensified(offensive: name(), at: nextStamp())
    case .offensiveEnded: .offensiveEnded(offensive: name(), at: nextStamp())
    case .pauseDeclared, .corridorOpened, .offensiveLaunched, .violationReported, .proposal,
      .statement, .erratum, .retraction:
      nil
    }
  }

  mutating func nextWord() -> UInt32 {
    defer { word += 1 }
    return words[word]
  }

  mutating func nextStamp() -> Stamp {
    defer { stamp += 1 }
    return stamps[stamp]
  }

  mutating func name() -> String { names[Int(nextWord()) - 1] }

  mutating func optionalName() -> String? {
    let number = Int(nextWord())
    return number == 0 ? nil : names[number - 1]
  }

  mutating func list() -> [String] {
    let count = Int(nextWord())
    guard count > 0 else { return [] }
    var list: [String] = []
    list.reserveCapacity(count)
    for _ in 0..<count { list.append(name()) }
    return list
  }

  private mutating func enumCase<Case: CompactCase>(_: Case.Type = Case.self) -> Case {
    Case.compactCases[Int(nextWord())]
  }

  private mutating func optionalStamp() -> Stamp? {
    nextWord() == 1 ? nextStamp() : nil
  }

  private mutating func window() -> Window {
    let start = optionalStamp()
    return Window(start: start, end: optionalStamp())
  }

  private mutating func integer() -> Int? {
    guard nextWord() == 1 else { return nil }
    let low = UInt64(nextWord())
    let high = UInt64(nextWord())
    return Int(Int64(bitPattern: low | high << 32))
  }

  private mutating func dailyHours() -> DailyHours? {
    guard nextWord() == 1 else { return nil }
    let from = Int(Int32(bitPattern: nextWord()))
    return DailyHours(fromMinute: from, toMinute: Int(Int32(bitPattern: nextWord())))
  }

  private mutating func unilateral() -> Bool? {
    switch nextWord() {
    case 1: return false
    case 2: return true
    default: return nil
    }
  }
}
