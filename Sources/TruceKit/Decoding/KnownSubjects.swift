/// What the lines read so far have declared, for the rules that depend on earlier lines.
struct KnownSubjects {
  /// Every event's line, by id: the one table by id a log keeps of all its events (0 for an
  /// event known to exist only, as an index tells).
  var events = IDTable()
  /// Correction events, which no correction may target.
  var corrections = NameMap<Void>()
  /// Pauses, with the start their first declaration gives (if any).
  var pauses = NameMap<UncertainInstant?>()
  /// Pauses suspended and not yet resumed: since when, and by which event.
  var suspended = NameMap<(at: UncertainInstant, event: String)>()
  /// Corridor groups, with the start their first report gives (if any).
  var corridors = NameMap<UncertainInstant?>()
  /// Offensives, with when their first report says they began.
  var offensives = NameMap<UncertainInstant>()
  /// Proposals, by their ids.
  var proposals = NameMap<Void>()

  /// Runs one check against what is known.
  func run(_ check: ContextCheck) throws(FieldError) {
    switch check {
    case .linkedEventExists(let field, let id), .correctedEventExists(let field, let id):
      guard events[id] != nil else {
        throw FieldError(
          field: field, problem: .unknownReference("no earlier event has id '\(id)'"))
      }
    case .pauseDeclared(let pause):
      guard pauses[pause] != nil else {
        throw FieldError(
          field: "pause", problem: .unknownReference("no pause '\(pause)' was declared earlier"))
      }
    case .notBeforePauseStart(let stamp, let pause, let field):
      guard let start = pauses[pause] ?? nil, let earliest = start.earliest,
        let latest = stamp.range.latest, latest < earliest
      else { return }
      throw FieldError(
        field: field, problem: .invalidValue("\(stamp) is before pause '\(pause)' began"))
    case .notAlreadySuspended(let pause, let links):
      guard let open = suspended[pause], !links.contains(open.event) else { return }
      throw FieldError(
        field: "pause",
        problem: .invalidValue(
          "pause '\(pause)' is already suspended (by '\(open.event)') and not resumed; a report of "
            + "the same suspension names it in sameAnnouncementAs or disputes"))
    case .suspendedBefore(let pause, let at):
      guard let since = suspended[pause] else {
        throw FieldError(
          field: "pause", problem: .invalidValue("pause '\(pause)' is not suspended"))
      }
      if let latest = at.range.latest, let earliest = since.at.earliest, latest < earliest {
        throw FieldError(
          field: "at", problem: .invalidValue("\(at) is before the suspension began"))
      }
    case .corridorOpened(let corridor):
      guard corridors[corridor] != nil else {
        throw FieldError(
          field: "corridor",
          problem: .unknownReference("no corridor '\(corridor)' was opened earlier"))
      }
    case .notBeforeCorridorStart(let at, let corridor):
      guard let start = corridors[corridor] ?? nil, let earliest = start.earliest,
        let latest = at.range.latest, latest < earliest
      else { return }
      throw FieldError(field: "at", problem: .invalidValue("\(at) is before the corridors opened"))
    case .offensiveLaunched(let offensive):
      guard offensives[offensive] != nil else {
        throw FieldError(
          field: "offensive",
          problem: .unknownReference("no offensive '\(offensive)' was launched earlier"))
      }
    case .notBeforeOffensiveStart(let at, let offensive):
      guard let start = offensives[offensive], let earliest = start.earliest,
        let latest = at.range.latest, latest < earliest
      else { return }
      throw FieldError(field: "at", problem: .invalidValue("\(at) is before the offensive began"))
    case .subjectExists(let index, let id):
      guard
        pauses[id] == nil && corridors[id] == nil && offensives[id] == nil
          && !proposals.contains(id)
      else { return }
      throw FieldError(
        field: "about[\(index)]",
        problem: .unknownReference(
          "no pause, corridor, offensive or proposal '\(id)' is declared earlier"))
    case .notACorrection(let field, let id):
      guard corrections.contains(id) else { return }
      throw FieldError(
        field: field,
        problem: .invalidValue(
          "'\(id)' is itself a correction; correct the original event again instead"))
    }
  }

  /// Enters an event's id with its line, unless an event already has that id.
  ///
  /// - Returns: Whether the id was entered (`false` for an id already known).
  mutating func enter(_ id: String, line: Int) -> Bool {
    events.enter(id, line)
  }

  /// Takes in what an accepted event declares, its id once entered (``enter(_:line:)``).
  ///
  /// The first declaration of a subject is the one kept: each is entered unless already there,
  /// one lookup of its name.
  mutating func register(_ event: Event) {
    switch event.payload {
    case .pauseDeclared(let declaration):
      _ = pauses.enter(declaration.pause, declaration.window.start?.range)
    case .pauseSuspended(let pause, let at):
      _ = suspended.enter(pause, (at.range, event.id))
    case .pauseResumed(let pause, _): suspended[pause] = nil
    case .corridorOpened(let opening):
      _ = corridors.enter(opening.corridor, opening.window.start?.range)
    case .offensiveLaunched(let launch):
      _ = offensives.enter(launch.offensive, launch.at.range)
    case .proposal(let id, _, _, _): proposals.insert(id)
    case .erratum, .retraction: corrections.insert(event.id)
    default: break
    }
  }
}
