/// Browsing replay steps one at a time: where the reader is, and what each key does.
///
/// The browser does no input or output: ``handle(_:)`` takes a ``Key`` and says whether to go
/// on, and ``screen(width:height:)`` says what the terminal should show. Moving past either end
/// stays at the end with a note; `g` opens a prompt for a date, read as `truce at` reads a
/// moment, and goes to the first step placed at or after it (a day means its first instant).
///
/// Keys: space, enter or → for the next step; `b` or ← for the one before; `g` to go to a date;
/// `q` or Ctrl-D to quit; Ctrl-C to quit as interrupted. At the prompt, typed characters and
/// backspace edit the date, enter goes to it (an unreadable date leaves the prompt open with an
/// error), escape cancels.
public struct StepBrowser: Sendable {
  /// What the keys do at the moment.
  public enum Mode: Hashable, Sendable {
    /// Keys move between steps.
    case browsing
    /// Keys edit a date typed so far.
    case askingDate(String)
  }

  /// What to do after a key.
  public enum Outcome: Hashable, Sendable {
    /// Redraw and wait for the next key.
    case carryOn
    /// Stop: the reader is done.
    case quit
    /// Stop: the reader pressed Ctrl-C.
    case interrupted
  }

  /// The longest date the prompt takes.
  static let longestDate = 40

  /// The steps, in replay order.
  public let steps: [ReplayStep]
  /// The position of the step shown, from 0; 0 when there are no steps.
  public private(set) var index = 0
  /// What the keys do at the moment.
  public private(set) var mode = Mode.browsing
  /// A note or error shown above the prompt until the next key.
  public private(set) var message: String?
  /// Writes each step's text.
  let renderer: ReplayRenderer
  /// The zone a typed date or local time is read in.
  let zone: Zone

  /// Creates a browser at the first step.
  ///
  /// - Parameters:
  ///   - steps: The steps, in replay order.
  ///   - renderer: Writes each step's text.
  ///   - zone: The zone a typed date or local time is read in.
  public init(steps: [ReplayStep], renderer: ReplayRenderer, zone: Zone) {
    self.steps = steps
    self.renderer = renderer
    self.zone = zone
  }

  /// The step shown, or `nil` when there are none.
  public var current: ReplayStep? { steps.indices.contains(index) ? steps[index] : nil }

  /// Moves to the next step, or stays at the last.
  ///
  /// - Returns: Whether the position changed.
  @discardableResult
  public mutating func next() -> Bool {
    guard index + 1 < steps.count else { return false }
    index += 1
    return true
  }

  /// Moves to the step before, or stays at the first.
  ///
  /// - Returns: Whether the position changed.
  @discardableResult
  public mutating func back() -> Bool {
    guard index > 0 else { return false }
    index -= 1
    return true
  }

  /// Moves to the first step placed at or after a moment: a day's first instant, or an instant.
  ///
  /// - Parameter text: The moment, as `truce at` takes it: `2016-11-04`, `2016-11-04T12:00`
  ///   (local), `2016-11-04T10:00Z`.
  /// - Throws: ``GoToDateError/unreadable(_:_:)`` when the text is not a day or an instant,
  ///   ``GoToDateError/nothingAfter(_:)`` when every step is placed before it; the position is
  ///   then unchanged.
  public mutating func go(to text: String) throws(GoToDateError) {
    let moment: Moment
    do { moment = try Moment(parsing: text, zone: zone) } catch {
      throw .unreadable(text, error)
    }
    let start: Instant
    switch moment {
    case .instant(let instant, _): start = instant
    case .day(_, let dayStart, _): start = dayStart
    }
    guard let found = steps.firstIndex(where: { $0.placement.instant >= start }) else {
      throw .nothingAfter(text)
    }
    index = found
  }

  /// Acts on a key.
  ///
  /// - Parameter key: The key pressed.
  /// - Returns: Whether to go on, or why to stop.
  public mutating func handle(_ key: Key) -> Outcome {
    message = nil
    switch mode {
    case .browsing: return browse(key)
    case .askingDate(let typed): return ask(key, typed: typed)
    }
  }

  private mutating func browse(_ key: Key) -> Outcome {
    switch key {
    case .space, .enter, .right:
      if !next() { message = "this is the last step: q quits" }
    case .left, .character("b"):
      if !back() { message = "this is the first step" }
    case .character("g"): mode = .askingDate("")
    case .character("q"), .endOfInput: return .quit
    case .interrupt: return .interrupted
    default: break
    }
    return .carryOn
  }

  private mutating func ask(_ key: Key, typed: String) -> Outcome {
    switch key {
    case .character(let character):
      mode = .askingDate(typed.count < Self.longestDate ? typed + String(character) : typed)
    case .backspace: mode = .askingDate(String(typed.dropLast()))
    case .escape: mode = .browsing
    case .enter:
      guard !typed.isEmpty else {
        mode = .browsing
        break
      }
      do {
        try go(to: typed)
        mode = .browsing
      } catch {
        message = error.description
      }
    case .endOfInput: return .quit
    case .interrupt: return .interrupted
    default: break
    }
    return .carryOn
  }
}
