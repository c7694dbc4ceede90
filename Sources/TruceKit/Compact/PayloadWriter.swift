/// An event's payload written as 4-byte words (names as numbers of a ``NameNumbers``, cases of
/// small enums as their position among all cases, lists as a count and their elements) and
/// stamps, into the pools of ``CompactEvents``; read back exactly as it was.
///
/// Which case a payload is comes from the event's type, which the record keeps; each case
/// writes its fields in the order of its declaration and reads them in that order.
struct PayloadWriter {
  var words: [UInt32] = []
  var stamps: [Stamp] = []
  var names = NameNumbers()

  /// Writes `payload`'s fields.
  mutating func write(_ payload: EventPayload) {
    switch payload {
    case .pauseDeclared(let declaration):
      name(declaration.pause)
      enumCase(declaration.kind)
      optionalName(declaration.scope)
      window(declaration.window)
      dailyHours(declaration.dailyHours)
      list(declaration.conditions)
      list(declaration.parties)
      words.append(declaration.unilateral.map { $0 ? 2 : 1 } ?? 0)
    case .pauseExtended(let pause, let end):
      name(pause)
      optionalStamp(end)
    case .pauseSuspended(let pause, let at), .pauseResumed(let pause, let at):
      name(pause)
      stamps.append(at)
    case .pauseEnded(let pause, let at, let how):
      name(pause)
      stamps.append(at)
      enumCase(how)
    case .corridorOpened(let opening):
      name(opening.corridor)
      name(opening.pause)
      integer(opening.count)
      words.append(UInt32(opening.users.count))
      for user in opening.users { enumCase(user) }
      optionalName(opening.route)
      window(opening.window)
      dailyHours(opening.dailyHours)
    case .corridorClosed(let corridor, let at):
      name(corridor)
      stamps.append(at)
    case .offensiveLaunched(let launch):
      name(launch.offensive)
      stamps.append(launch.at)
      list(launch.parties)
      optionalName(launch.aim)
    case .offensiveScaledBack(let offensive, let at), .offensiveIntensified(let offensive, let at),
      .offensiveEnded(let offensive, let at):
      name(offensive)
      stamps.append(at)
    case .violationReported(let pause, let offensive, let at, let by):
      optionalName(pause)
      optionalName(offensive)
      stamps.append(at)
      list(by)
    case .proposal(let id, let kind, let terms, let parties):
      name(id)
      enumCase(kind)
      list(terms)
      list(parties)
    case .statement(let kind, let about):
      enumCase(kind)
      list(about)
    case .erratum(let corrects, let void):
      name(corrects)
      words.append(void ? 1 : 0)
    case .retraction(let retracts):
      name(retracts)
    }
  }

  mutating func name(_ name: String) {
    words.append(names.number(of: name))
  }

  mutating func optionalName(_ name: String?) {
    words.append(names.number(ofOptional: name))
  }

  /// A count, then each name.
  mutating func list(_ list: [String]) {
    words.append(UInt32(list.count))
    for element in list { name(element) }
  }

  private mutating func enumCase<Case: CompactCase>(_ value: Case) {
    guard let index = Case.compactCases.firstIndex(of: value) else {
      preconditionFailure("a case missing from its type's list of cases")
    }
    words.append(UInt32(index))
  }

  private mutating func optionalStamp(_ stamp: Stamp?) {
    words.append(stamp == nil ? 0 : 1)
    if let stamp { stamps.append(stamp) }
  }

  private mutating func window(_ window: Window) {
    optionalStamp(window.start)
    optionalStamp(window.end)
  }

  /// Presence, then the 64 bits in two words.
  private mutating func integer(_ value: Int?) {
    words.append(value == nil ? 0 : 1)
    guard let value else { return }
    let bits = UInt64(bitPattern: Int64(value))
    words.append(UInt32(truncatingIfNeeded: bits))
    words.append(UInt32(truncatingIfNeeded: bits >> 32))
  }

  private mutating func dailyHours(_ hours: DailyHours?) {
    words.append(hours == nil ? 0 : 1)
    guard let hours else { return }
    words.append(UInt32(truncatingIfNeeded: hours.fromMinute))
    words.append(UInt32(truncatingIfNeeded: hours.toMinute))
  }
}

/// A small enum written as its position in a list of its cases made once (`allCases` makes a
/// new array at every call).
protocol CompactCase: Equatable {
  /// Every case, in order.
  static var compactCases: [Self] { get }
}

extension PauseKind: CompactCase { static let compactCases = allCases }
extension PauseEnding: CompactCase { static let compactCases = allCases }
extension CorridorUser: CompactCase { static let compactCases = allCases }
extension StatementKind: CompactCase { static let compactCases = allCases }
extension ProposalKind: CompactCase { static let compactCases = allCases }
