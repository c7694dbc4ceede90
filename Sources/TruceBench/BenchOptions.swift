import TruceKit

/// The benchmark's command line, parsed as `truce`'s is: `--help` prints the options, a misused
/// one is an error with the usage (exit 64) rather than a long run of the default measures.
struct BenchOptions {
  /// The numbers of events to measure.
  var sizes: [Int]
  /// Whether to run only the fold and replay measures.
  var replayOnly: Bool

  static let defaultSizes = [10_000, 100_000, 1_000_000]

  static let spec = CommandSpec(
    name: "truce-bench",
    abstract: "Measure Truce on generated logs and print a table.",
    discussion: """
      Generates logs of 10,000, 100,000 and 1,000,000 events and measures, for each: reading and \
      decoding the file, the fold, a cold and a warm truce at, building the index, appends with \
      and without it, and peak memory; then the fold in a fresh process, and the replay. Build it \
      as CI does, with 'swift build -c release -Xswiftc -static-executable': it runs the truce \
      binary built beside it.
      """,
    options: [
      .option(
        "sizes", help: "The numbers of events to measure, separated by commas.",
        defaultValue: defaultSizes.map(String.init).joined(separator: ",")),
      .flag("replay-only", help: "Run only the fold and replay measures."),
    ])

  /// Parses the arguments (without the program's name); help and usage errors exit.
  static func parseOrExit(_ arguments: [String]) -> BenchOptions {
    let parsed = CommandLineParser.parseOrExit(arguments, root: spec)
    let text = parsed.value("sizes") ?? ""
    let sizes = text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
      let error = parsed.invalidValue(
        text, forOption: "sizes", reason: "not a list of positive numbers separated by commas")
      StandardStreams.writeError(error.rendered())
      StandardStreams.exit(error.exitCode)
    }
    return BenchOptions(sizes: sizes.compactMap { $0 }, replayOnly: parsed.flag("replay-only"))
  }
}
