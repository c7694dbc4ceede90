extension StepBrowser {
  /// The key legend on the last line while browsing.
  public static let legend = "space/enter/→ next · b/← back · g go to date · q quit"

  /// The prompt on the last line while a date is typed, before what was typed.
  public static let datePrompt =
    "go to date (2016-11-04, 2016-11-04T12:00; enter goes, esc cancels): "

  /// The most lines a message takes above the prompt.
  static let messageLines = 2

  /// What the terminal shows: exactly `height` lines of at most `width` columns, without a final
  /// newline, so the cursor rests at the end of the prompt on the last line.
  ///
  /// From the top: the step's header (`step 12 of 51 · announced …`), the rest of its text
  /// wrapped, a summary of the state after it (what is on record, and each pause with its end),
  /// blank lines, a message if any, and the key legend or the date prompt. When the lines do not
  /// fit, the step's text and the summary each end with `… N more lines`; a line too long for
  /// the width ends with `…`.
  ///
  /// - Parameters:
  ///   - width: The terminal's columns.
  ///   - height: The terminal's rows.
  /// - Returns: The screen's lines joined by newlines; empty when either size is not positive.
  public func screen(width: Int, height: Int) -> String {
    guard width > 0, height > 0 else { return "" }
    let fit = { (line: String) in ScreenText.truncated(ScreenText.sanitized(line), to: width) }
    let prompt = promptLine(width: width)
    guard height > 1 else { return prompt }

    var header = "no announcements to replay"
    var body: [String] = []
    var state: [String] = []
    if let step = current {
      let lines = renderer.text(step).split(separator: "\n").map(String.init)
      header = lines.first ?? header
      body = lines.dropFirst().flatMap { line in
        ScreenText.wrapped(ScreenText.sanitized(line), to: width).map(fit)
      }
      state = stateLines(step.state).map(fit)
    }
    var bottom = messageText(width: width, rows: min(Self.messageLines, height - 2))
    bottom.append(prompt)

    let middle = height - 1 - bottom.count
    let bodyBlock = [""] + body
    let stateBlock = state.isEmpty ? [] : [""] + state
    var content: [String]
    if bodyBlock.count + stateBlock.count <= middle {
      content = bodyBlock + stateBlock
    } else {
      // The summary keeps at least a third of the room, or what the step's text leaves.
      let stateRows = min(stateBlock.count, max(middle / 3, middle - bodyBlock.count))
      content =
        fitted(bodyBlock, rows: middle - stateRows, width: width)
        + fitted(stateBlock, rows: stateRows, width: width)
    }
    content += Array(repeating: "", count: max(0, middle - content.count))
    return ([fit(header)] + content + bottom).joined(separator: "\n")
  }

  /// The summary of the state after a step: counts, then each pause with its end.
  func stateLines(_ state: Projection) -> [String] {
    let counts = [
      Self.counted(state.pauses.count, "pause"),
      Self.counted(state.corridors.count, "corridor group"),
      Self.counted(state.offensives.count, "offensive"),
      Self.counted(state.disputes.count, "disputed fact"),
    ]
    var lines = ["on record so far: " + counts.joined(separator: " · ")]
    let describer = ChangeDescriber(time: renderer.time)
    for pause in state.pauses {
      lines.append("  pause \(pause.id) · end: \(describer.describe(pause.end))")
    }
    return lines
  }

  /// The last line: the key legend, or the date prompt with what was typed.
  private func promptLine(width: Int) -> String {
    switch mode {
    case .browsing:
      return ScreenText.truncated(Self.legend, to: width)
    case .askingDate(let typed):
      let full = Self.datePrompt + typed
      if ScreenText.width(of: full) <= width { return full }
      return ScreenText.truncatedFromStart("date: " + typed, to: width)
    }
  }

  /// The message wrapped to at most `rows` lines.
  private func messageText(width: Int, rows: Int) -> [String] {
    guard let message, rows > 0 else { return [] }
    let lines = ScreenText.wrapped(ScreenText.sanitized(message), to: width)
    guard lines.count > rows else { return lines.map { ScreenText.truncated($0, to: width) } }
    let kept = lines.prefix(rows).map { ScreenText.truncated($0, to: width) }
    return kept.dropLast() + [ScreenText.truncated((kept.last ?? "") + " …", to: width)]
  }

  /// A block cut to `rows`: first its leading blank line, then its last lines, replaced by one
  /// saying how many were left out.
  private func fitted(_ block: [String], rows: Int, width: Int) -> [String] {
    guard rows > 0 else { return [] }
    guard block.count > rows else { return block }
    let lines = block.first == "" ? Array(block.dropFirst()) : block
    guard lines.count > rows else { return lines }
    let hidden = lines.count - rows + 1
    let more = "  … \(hidden) more line\(hidden == 1 ? "" : "s")"
    return lines.prefix(rows - 1) + [ScreenText.truncated(more, to: width)]
  }

  private static func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
