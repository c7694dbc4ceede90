import Testing

@testable import TruceKit

/// Errors a command raises itself about values it cannot use, worded like
/// swift-argument-parser's transform failures and `ValidationError`.
@Suite("Command-raised usage errors")
struct CommandLineCommandErrorTests {
  /// A conversion failure whose description becomes the reason.
  struct NotAMoment: Error, CustomStringConvertible {
    var description: String { "Expected an ISO 8601 date-time." }
  }

  static let atUsage = """
    Usage: truce at [--log <log>] [--as-of <as-of>] [--area <area>] [--scenario <scenario> ...] [--json] [--utc] <moment>
      See 'truce at --help' for more information.

    """

  @Test("An invalid positional value names the argument and its help")
  func invalidArgument() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "xyz"]))
    let error = parsed.invalidValue(
      "xyz", forArgument: "moment", reason: "Expected an ISO 8601 date-time.")
    #expect(
      error.rendered()
        == """
        Error: The value 'xyz' is invalid for '<moment>': Expected an ISO 8601 date-time.
        Help:  <moment>  The moment to look at.

        """ + Self.atUsage)
    #expect(error.kind == .invalidValue("xyz", name: "<moment>"))
  }

  @Test("Without a reason the message ends after the name")
  func invalidWithoutReason() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "xyz"]))
    #expect(
      parsed.invalidValue("xyz", forArgument: "<moment>").rendered()
        == """
        Error: The value 'xyz' is invalid for '<moment>'
        Help:  <moment>  The moment to look at.

        """ + Self.atUsage)
  }

  @Test("An invalid option value names the option as typed")
  func invalidOption() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "--as-of=yesterday", "2016"]))
    #expect(
      parsed.invalidValue("yesterday", forOption: "as-of", reason: "Expected a date.").rendered()
        == """
        Error: The value 'yesterday' is invalid for '--as-of <as-of>': Expected a date.
        Help:  --as-of <as-of>  Ignore events recorded after this time.

        """ + Self.atUsage)
  }

  @Test("Throwing conversions produce the invalid-value error")
  func throwingConversion() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "xyz"]))
    let error = try #require(throws: UsageError.self) {
      _ = try parsed.argument("moment", as: { _ -> Int in throw NotAMoment() })
    }
    #expect(
      error.message == "The value 'xyz' is invalid for '<moment>': Expected an ISO 8601 date-time.")
    #expect(error.help == "<moment>  The moment to look at.")
  }

  @Test("Conversions returning nil produce the error without a reason")
  func failedConversion() throws {
    let parsed = try #require(
      SampleCommands.parsed(["at", "12", "--scenario", "1", "--scenario=x"]))
    let error = try #require(throws: UsageError.self) {
      _ = try parsed.values("scenario", as: { Int($0) })
    }
    #expect(
      error.rendered()
        == """
        Error: The value 'x' is invalid for '--scenario <scenario>'
        Help:  --scenario <scenario>  Apply a what-if scenario; repeat to combine them.

        """ + Self.atUsage)
  }

  @Test("A validation error shows only the message and the usage")
  func validation() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "2016", "--json", "--utc"]))
    let error = parsed.validationError("--utc has no effect on JSON output.")
    #expect(
      error.rendered()
        == "Error: --utc has no effect on JSON output.\n" + Self.atUsage)
    #expect(error.kind == .validation)
    #expect(error.description == "--utc has no effect on JSON output.")
  }
}
