/// A rule of the log that depends on the lines before: that a referenced pause was declared, that
/// a time is not before what it refers to began, that a corrected event exists.
///
/// The fast decoder reads a line without looking at earlier lines, recording these checks in
/// the order the log's rules apply them; ``LogState`` then runs them in line order. This is what
/// lets lines be read on several cores and still fail exactly where the reference decoder fails.
enum ContextCheck {
  /// `disputes[i]`, `sameAnnouncementAs[i]`: an earlier event has this id.
  case linkedEventExists(field: String, id: String)
  /// `pause`: the pause was declared earlier.
  case pauseDeclared(String)
  /// A time (in `field`) is not before the pause's declared start.
  case notBeforePauseStart(Stamp, pause: String, field: String)
  /// A suspension: the pause is not already suspended, unless the event names that suspension
  /// in `disputes` or `sameAnnouncementAs`.
  case notAlreadySuspended(pause: String, links: [String])
  /// A resumption: the pause is suspended, and `at` is not before the suspension.
  case suspendedBefore(pause: String, at: Stamp)
  /// `corridor`: the corridor group was opened earlier.
  case corridorOpened(String)
  /// `at` is not before the corridor group opened.
  case notBeforeCorridorStart(Stamp, corridor: String)
  /// `offensive`: the offensive was launched earlier.
  case offensiveLaunched(String)
  /// `at` is not before the offensive began.
  case notBeforeOffensiveStart(Stamp, offensive: String)
  /// `about[i]`: a pause, corridor group, offensive or proposal with this id exists.
  case subjectExists(index: Int, id: String)
  /// `corrects`/`retracts`: an earlier event has this id.
  case correctedEventExists(field: String, id: String)
  /// `corrects`/`retracts`: the target is not itself a correction.
  case notACorrection(field: String, id: String)
}
