import TruceKit

/// `truce generate`: write a synthetic history, valid and hash-chained, for tests and benchmarks.
enum GenerateCommand {
  static let spec = CommandSpec(
    name: "generate",
    abstract: "Write a synthetic history of many events, for tests and benchmarks.",
    discussion: """
      The history is the same for the same --events, --areas and --seed on every machine, \
      and passes truce verify: countries with regions and cities in their own time zones, \
      pauses with extensions, suspensions and ends, corridors, offensives, violations, \
      disputed reports, statements, proposals and corrections. Dates are mostly known to \
      the day or better; the few open-ended ones ("on or after") are narrowed by a later \
      correction, and things end, so that few items are possibly in force at any moment. \
      It prints the mix of event types, the areas and the size.
      """,
    options: [
      .option("events", help: "How many events to write.", isRequired: true),
      .option("areas", help: "How many areas to declare (1 to 10000).", defaultValue: "12"),
      .option("seed", help: "The seed the history is drawn from.", defaultValue: "1"),
      .option("output", help: "The log file to create (it must not exist).", isRequired: true),
      .flag("json", help: "Write the mix as JSON."),
    ])

  static func run(_ parsed: ParsedCommand) -> ExitCode {
    let generator: HistoryGenerator
    do {
      let events = try number(parsed, "events", in: 1...Int.max)
      let areas = try number(parsed, "areas", in: 1...HistoryGenerator.areaLimit)
      let seed = try parsed.value("seed", as: { UInt64($0) }) ?? 1
      generator = HistoryGenerator(events: events, areas: areas, seed: seed)
    } catch {
      return CommandSupport.usage(error)
    }
    let report: GenerationReport
    do { report = try generator.write(to: parsed.value("output") ?? "") } catch {
      return CommandSupport.fail(error.description)
    }
    StandardStreams.writeOut(
      parsed.flag("json") ? report.json.serialized(pretty: true) + "\n" : report.text)
    return .success
  }

  /// A whole number option within a range.
  private static func number(_ parsed: ParsedCommand, _ option: String, in range: ClosedRange<Int>)
    throws(UsageError) -> Int
  {
    let text = parsed.value(option) ?? ""
    guard let value = Int(text), range.contains(value) else {
      let reason =
        range.upperBound == Int.max
        ? "not a positive whole number"
        : "not a whole number from \(range.lowerBound) to \(range.upperBound)"
      throw parsed.invalidValue(text, forOption: option, reason: reason)
    }
    return value
  }
}
