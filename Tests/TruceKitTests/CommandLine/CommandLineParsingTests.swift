import Testing

@testable import TruceKit

/// How command lines turn into values, following swift-argument-parser 1.8.2.
@Suite("Command-line parsing")
struct CommandLineParsingTests {
  @Test("Options take the next input or an attached value")
  func optionValueForms() throws {
    let parsed = try #require(
      SampleCommands.parsed(["at", "--log", "a.jsonl", "--as-of=2017-01-01", "2016-12-15"]))
    #expect(parsed.path == ["at"])
    #expect(parsed.command.name == "at")
    #expect(parsed.value("log") == "a.jsonl")
    #expect(parsed.value("as-of") == "2017-01-01")
    #expect(parsed.argument("moment") == "2016-12-15")
  }

  @Test("Absent options give their default, or nil")
  func defaults() throws {
    let parsed = try #require(SampleCommands.parsed(["at", "2016-12-15"]))
    #expect(parsed.value("log") == "EventLog/aleppo-2016.jsonl")
    #expect(parsed.value("--log") == "EventLog/aleppo-2016.jsonl")
    #expect(parsed.values("log") == ["EventLog/aleppo-2016.jsonl"])
    #expect(parsed.value("area") == nil)
    #expect(parsed.values("scenario") == [])
    #expect(!parsed.flag("json"))
    #expect(parsed.value("no-such-option") == nil)
  }

  @Test("Repeatable options keep every value in order")
  func repeatable() throws {
    let parsed = try #require(
      SampleCommands.parsed([
        "at", "--scenario", "a", "2016-12-15", "--scenario=b", "--scenario", "c",
      ]))
    #expect(parsed.values("scenario") == ["a", "b", "c"])
    #expect(parsed.value("scenario") == "c")
  }

  @Test("A repeated single-value option keeps its last value, as swift-argument-parser does")
  func lastValueWins() throws {
    let parsed = try #require(
      SampleCommands.parsed(["at", "--log", "a.jsonl", "2016-12-15", "--log", "b.jsonl"]))
    #expect(parsed.value("log") == "b.jsonl")
  }

  @Test("Flags are set by their name, anywhere after the subcommand, and may repeat")
  func flags() throws {
    let parsed = try #require(
      SampleCommands.parsed(["at", "--json", "2016-12-15", "--utc", "--json"]))
    #expect(parsed.flag("json"))
    #expect(parsed.flag("utc"))
  }

  @Test(
    "After --, everything is a positional value",
    arguments: [
      (["at", "--", "--json"], "--json"),
      (["at", "--utc", "--", "-h"], "-h"),
      (["at", "--", "--"], "--"),
      (["at", "-"], "-"),
    ])
  func terminator(arguments: [String], moment: String) throws {
    let parsed = try #require(SampleCommands.parsed(arguments))
    #expect(parsed.argument("moment") == moment)
    #expect(!parsed.flag("json"))
  }

  @Test("Short names work alone, grouped, and with attached values")
  func shortNames() throws {
    let grouped = try #require(
      SampleCommands.parsed(["-jl", "out.log", "in.txt"], root: SampleCommands.tool))
    #expect(grouped.path == [])
    #expect(grouped.flag("json"))
    #expect(grouped.value("log") == "out.log")
    #expect(grouped.argument("file") == "in.txt")

    let attached = try #require(
      SampleCommands.parsed(["-l=out.log", "in.txt"], root: SampleCommands.tool))
    #expect(attached.value("log") == "out.log")
    #expect(!attached.flag("json"))
  }

  @Test("A repeatable positional argument takes every remaining value")
  func repeatablePositional() throws {
    let command = CommandSpec(
      name: "show", arguments: [ArgumentSpec("ids", isOptional: true, isRepeatable: true)])
    let parsed = try #require(SampleCommands.parsed(["a", "b", "--", "-c"], root: command))
    #expect(parsed.arguments("ids") == ["a", "b", "-c"])
    #expect(parsed.argument("ids") == "a")
    let none = try #require(SampleCommands.parsed([], root: command))
    #expect(none.arguments("ids") == [])
  }

  @Test(
    "--version prints the closest version, from any command below the root",
    arguments: [["--version"], ["at", "--version"], ["areas", "--json", "--version"]])
  func version(arguments: [String]) throws {
    #expect(try SampleCommands.parse(arguments) == .version("0.1.0\n"))
  }

  @Test("Parent options are visible from a subcommand")
  func parentOptions() throws {
    var root = SampleCommands.truce
    root.options = [.flag("verbose", help: "Say more.")]
    let parsed = try #require(SampleCommands.parsed(["--verbose", "areas"], root: root))
    #expect(parsed.path == ["areas"])
    #expect(parsed.flag("verbose"))
    #expect(!parsed.flag("json"))
  }

  @Test("Converting values turns conversion errors into usage errors")
  func conversions() throws {
    let parsed = try #require(
      SampleCommands.parsed(["at", "--area", "7", "12", "--scenario", "1", "--scenario", "2"]))
    #expect(try parsed.argument("moment", as: { Int($0) }) == 12)
    #expect(try parsed.value("area", as: { Int($0) }) == 7)
    #expect(try parsed.value("as-of", as: { Int($0) }) == nil)
    #expect(try parsed.values("scenario", as: { Int($0) }) == [1, 2])
  }
}
