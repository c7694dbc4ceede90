import Testing

@testable import TruceKit

extension TerminalTests {
  @Suite("Stepping through a replay")
  struct StepBrowserTests {
    /// Five announcements, placed at: 1 Nov (day only), 1 Nov 10:00, 2 Nov (day only),
    /// 2 Nov 12:00 and 3 Nov 08:00, local time (UTC+2).
    static let log = ReplayTests.log

    private static func browser(_ lines: [String] = log) throws -> StepBrowser {
      let log = try TestLog.parse(lines)
      let steps = Replayer(zone: TestLog.damascus).steps(of: log)
      let renderer = ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: TestLog.damascus))
      return StepBrowser(steps: steps, renderer: renderer, zone: TestLog.damascus)
    }

    /// The bundled history's browser, replayed once for every test that uses it.
    private static let bundled = Result { () throws -> StepBrowser in
      let log = try TestLog.bundled()
      let zone = TestLog.damascus
      let steps = Replayer(zone: zone).steps(of: log)
      return StepBrowser(
        steps: steps, renderer: ReplayRenderer(areas: log.areas, time: TimeFormatter(zone: zone)),
        zone: zone)
    }

    private static func bundledBrowser() throws -> StepBrowser {
      try bundled.get()
    }

    private static func press(_ keys: [Key], on browser: inout StepBrowser) -> [StepBrowser.Outcome]
    {
      keys.map { browser.handle($0) }
    }

    private static func typing(_ text: String) -> [Key] {
      text.map { $0 == " " ? .space : .character($0) }
    }

    @Test(
      "Space, enter and the right arrow go to the next step",
      arguments: [Key.space, .enter, .right])
    func next(key: Key) throws {
      var browser = try Self.browser()
      #expect(browser.handle(key) == .carryOn)
      #expect(browser.index == 1)
      #expect(browser.current?.event.id == "declared")
    }

    @Test("b and the left arrow go back a step", arguments: [Key.left, .character("b")])
    func back(key: Key) throws {
      var browser = try Self.browser()
      _ = Self.press([.space, .space], on: &browser)
      #expect(browser.handle(key) == .carryOn)
      #expect(browser.index == 1)
    }

    @Test("Going back from the first step stays there, with a note")
    func clampedAtStart() throws {
      var browser = try Self.browser()
      _ = Self.press([.left, .character("b")], on: &browser)
      #expect(browser.index == 0)
      #expect(browser.message == "this is the first step")
      _ = browser.handle(.space)
      #expect(browser.message == nil)
    }

    @Test("Going on from the last step stays there, with a note")
    func clampedAtEnd() throws {
      var browser = try Self.browser()
      _ = Self.press(Array(repeating: .right, count: 9), on: &browser)
      #expect(browser.index == 4)
      #expect(browser.current?.number == 5)
      #expect(browser.message == "this is the last step: q quits")
    }

    @Test(
      "Going to a date lands on the first step placed at or after it",
      arguments: [
        ("2016-10-01", 1), ("2016-11-01", 1), ("2016-11-01T10:00", 2), ("2016-11-01T10:01", 3),
        ("2016-11-02", 3), ("2016-11-02T10:00Z", 4), ("2016-11-02T12:01", 5), ("2016-11-03", 5),
      ])
    func goToDate(text: String, number: Int) throws {
      var browser = try Self.browser()
      _ = browser.handle(.right)
      try browser.go(to: text)
      #expect(browser.current?.number == number)
    }

    @Test("A date after every step is refused and the position kept")
    func goToDateAfterEverything() throws {
      var browser = try Self.browser()
      _ = browser.handle(.right)
      #expect(throws: GoToDateError.nothingAfter("2016-11-04")) { try browser.go(to: "2016-11-04") }
      #expect(browser.index == 1)
    }

    @Test(
      "An unreadable date is refused and the position kept",
      arguments: ["hello", "2016-13-01", "2016-11", "2016-11-04/2016-11-05", ""])
    func unreadableDate(text: String) throws {
      var browser = try Self.browser()
      _ = browser.handle(.right)
      #expect {
        try browser.go(to: text)
      } throws: { error in
        guard case .unreadable(let given, _) = error as? GoToDateError else { return false }
        return given == text
      }
      #expect(browser.index == 1)
    }

    @Test("g opens a prompt where typing and backspace edit a date and enter goes to it")
    func typedDate() throws {
      var browser = try Self.browser()
      _ = browser.handle(.character("g"))
      #expect(browser.mode == .askingDate(""))
      _ = Self.press(Self.typing("2016-11-0x") + [.backspace], on: &browser)
      #expect(browser.mode == .askingDate("2016-11-0"))
      #expect(browser.screen(width: 80, height: 10).hasSuffix(StepBrowser.datePrompt + "2016-11-0"))
      _ = Self.press(Self.typing("2") + [.enter], on: &browser)
      #expect(browser.mode == .browsing)
      #expect(browser.current?.number == 3)
    }

    @Test("An unreadable typed date shows an error above the prompt, which stays open")
    func typedUnreadableDate() throws {
      var browser = try Self.browser()
      _ = Self.press(
        [.right, .character("g")] + Self.typing("2016-13-01") + [.enter], on: &browser)
      #expect(browser.index == 1)
      #expect(browser.mode == .askingDate("2016-13-01"))
      let message = try #require(browser.message)
      #expect(message.hasPrefix("cannot go to '2016-13-01': "))
      let lines = browser.screen(width: 100, height: 12).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(lines[10] == "cannot go to '2016-13-01': '2016-13-01' is not a date in the calendar")
      #expect(lines[11] == StepBrowser.datePrompt + "2016-13-01")
      _ = Self.press(
        Array(repeating: .backspace, count: 5) + Self.typing("11-02") + [.enter], on: &browser)
      #expect(browser.message == nil)
      #expect(browser.current?.number == 3)
    }

    @Test("Escape, or enter on an empty prompt, closes the prompt without moving")
    func cancelPrompt() throws {
      var browser = try Self.browser()
      _ = Self.press(
        [.right, .character("g")] + Self.typing("2016-11-03") + [.escape], on: &browser)
      #expect(browser.mode == .browsing)
      #expect(browser.index == 1)
      _ = Self.press([.character("g"), .enter], on: &browser)
      #expect(browser.mode == .browsing)
      #expect(browser.index == 1)
    }

    @Test(
      "q and Ctrl-D quit, Ctrl-C interrupts, while browsing and at the prompt",
      arguments: [
        (Key.character("q"), StepBrowser.Outcome.quit), (.endOfInput, .quit),
        (.interrupt, .interrupted),
      ])
    func quitting(key: Key, outcome: StepBrowser.Outcome) throws {
      var browser = try Self.browser()
      #expect(browser.handle(key) == outcome)
      _ = browser.handle(.character("g"))
      if key == .character("q") {
        #expect(browser.handle(key) == .carryOn)
        #expect(browser.mode == .askingDate("q"))
      } else {
        #expect(browser.handle(key) == outcome)
      }
    }

    @Test("The screen shows the position, the step, the state so far and the keys")
    func screenVerbatim() throws {
      var browser = try Self.browser()
      _ = browser.handle(.right)
      #expect(
        browser.screen(width: 60, height: 16) == """
          step 2 of 5 · announced 2016-11-01 10:00 +02:00 (08:00Z)

            declared · pause.declared p · Aleppo · by someone
            source Wire A
            → pause p declared (humanitarian-pause): from 2016-11-01
                12:00 +02:00 (10:00Z) until 2016-11-02 19:00 +02:00
                (17:00Z)
            → corridors c start narrowed: on or after 2016-11-01
                (derived) → between 2016-11-01 12:00 +02:00 (10:00Z)
                and the end of 2016-11-01 (derived)
            → corridors c end changed: end not reported → 2016-11-02
                19:00 +02:00 (17:00Z)

          on record so far: 1 pause · 1 corridor group · 0 offensives…
            pause p · end: 2016-11-02 19:00 +02:00 (17:00Z)
          space/enter/→ next · b/← back · g go to date · q quit
          """)
    }

    @Test("A short screen cuts the step's text and the summary, saying how much is left out")
    func shortScreen() throws {
      var browser = try Self.browser()
      _ = browser.handle(.right)
      let lines = browser.screen(width: 60, height: 8).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count == 8)
      #expect(lines[0].hasPrefix("step 2 of 5"))
      #expect(lines.contains { $0.hasPrefix("  … ") && $0.hasSuffix(" more lines") })
      #expect(lines.contains { $0.hasPrefix("on record so far:") })
      #expect(lines[7] == StepBrowser.legend)
    }

    @Test(
      "Every line of every screen fits the terminal, which it fills exactly",
      arguments: [1, 2, 10, 24, 40, 57, 80, 100, 132])
    func screensFit(width: Int) throws {
      let browser = try Self.bundledBrowser()
      var prompting = browser
      _ = Self.press([.character("g")] + Self.typing("2016-99-99") + [.enter], on: &prompting)
      #expect(prompting.message != nil)
      for height in [1, 2, 3, 4, 6, 12, 24, 60] {
        var stepping = browser
        var screens = [prompting.screen(width: width, height: height)]
        for _ in browser.steps.indices {
          screens.append(stepping.screen(width: width, height: height))
          _ = stepping.handle(.right)
        }
        for screen in screens {
          let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
          #expect(lines.count == height)
          #expect(lines.allSatisfy { ScreenText.width(of: $0) <= width })
        }
      }
    }

    @Test("In the bundled history, 4 November leads to the first announcement placed on that day")
    func bundledGoToDate() throws {
      var browser = try Self.bundledBrowser()
      #expect(browser.steps.count == 51)
      try browser.go(to: "2016-11-04")
      let step = try #require(browser.current)
      let day = try #require(CivilDate(year: 2016, month: 11, day: 4))
      let start = TestLog.damascus.startOfDay(day)
      #expect(step.placement.instant >= start)
      #expect(browser.steps[browser.index - 1].placement.instant < start)
      #expect(step.number == 39)
    }

    @Test("With no steps, the screen says so and the keys do nothing but quit")
    func noSteps() throws {
      var browser = try Self.browser([])
      #expect(browser.current == nil)
      #expect(browser.handle(.right) == .carryOn)
      #expect(browser.handle(.left) == .carryOn)
      let lines = browser.screen(width: 40, height: 5).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(
        lines == [
          "no announcements to replay", "", "", "this is the first step",
          "space/enter/→ next · b/← back · g go to…",
        ])
      #expect(browser.handle(.character("q")) == .quit)
    }
  }
}
