import Foundation
import TruceKit

// truce-bench: measures Truce on generated logs of 10k, 100k and 1M events and prints a table.
// Build and run in release mode, as CI builds it:
// `swift build -c release -Xswiftc -static-executable`, then
// `.build/release/truce-bench`.
// (`--sizes 10000,100000` to choose sizes; `--replay-only` for the fold and replay measures
// alone; `--help` for both). It uses the `truce` binary built beside it.

let arguments = Array(CommandLine.arguments.dropFirst())
// The benchmark runs itself to measure a child's peak memory (not an option for users).
if arguments.first == PeakMemory.helperFlag {
  PeakMemory.runAsHelper(Array(arguments.dropFirst()))
}
// And to time one fold in a fresh process (see ``FreshFold``).
if arguments.first == FreshFold.helperFlag {
  FreshFold.runAsHelper(Array(arguments.dropFirst()))
}
let options = BenchOptions.parseOrExit(arguments)
let sizes = options.sizes
let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let truce = folder + "/truce"
guard FileManager.default.isExecutableFile(atPath: truce) else {
  FileHandle.standardError.write(
    Data(
      "truce-bench: \(truce) is missing: run 'swift build -c release -Xswiftc -static-executable' first\n"
        .utf8))
  exit(1)
}
let work = NSTemporaryDirectory() + "truce-bench-\(getpid())"
// `truce at` indexes in the background after reading a whole log; here indexing is timed on its
// own (`truce index`), so that it does not run beside what is measured.
setenv(AtIndexing.backgroundVariable, "0", 1)
try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: work) }

print(
  "truce-bench on \(ProcessInfo.processInfo.activeProcessorCount) cores; times are the best of 3 unless noted"
)
let replayOnly = options.replayOnly
if !replayOnly {
  print(
    "bare write+fsync of a 250-byte line on this disk: \(Format.seconds(Measure.bareWriteAndSync(in: work)))"
  )
  print("")
}
let header = [
  "events", "log size", "raw read", "decode", "reference", "fold (replay)", "cold at", "index",
  "warm at", "append, no index", "append", "at after appends", "peak RSS (cold at)",
]
var table = [header]
for size in sizes where !replayOnly {
  let log = "\(work)/log-\(size).jsonl"
  guard Measure.generateSettled(truce, size: size, at: log) else {
    print("generating \(size) events failed")
    continue
  }
  let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
  let size64 = Double(bytes.count)
  let raw = Measure.best { _ = try? Data(contentsOf: URL(fileURLWithPath: log)) }
  var decoded: EventLog?
  let decode = try Measure.best(runs: size >= 1_000_000 ? 1 : 3) {
    decoded = try EventLog.parse([UInt8](bytes), file: log, options: .reading)
  }
  guard let parsed = decoded else { continue }
  // The plain reference decoder, which the fast one must agree with event by event.
  var referenceLog: EventLog?
  let reference = try Measure.best(runs: 1) {
    referenceLog = try ReferenceLogDecoder.parse([UInt8](bytes), file: log, options: .reading)
  }
  let agreement =
    referenceLog.map { $0.events == parsed.events && $0.amendments == parsed.amendments } ?? false
  if !agreement { print("\(size) events: the fast and reference decoders DISAGREE") }
  referenceLog = nil
  let events = parsed.effectiveEvents
  // Projections are kept until the timing ends, as in the replay measures below: freeing one is
  // not part of the fold.
  var folds: [Projection] = []
  let fold = Measure.best(runs: size >= 1_000_000 ? 1 : 3) {
    folds.append(Projection(events: events))
  }
  folds = []
  // A moment in the middle of the generated history, in UTC.
  let middle = events[events.count / 2].announced.range.earliest ?? Instant(secondsSinceEpoch: 0)
  let moment = middle.iso8601
  // Cold: no index, the answer comes from the whole log. Then `truce index`; warm: the median of
  // 5 more, answered from that index.
  // The best of 3: this machine's runs of one build vary by 10–20%.
  let coldRuns = (0..<3).map { _ in Measure.run(truce, ["at", moment, "--log", log, "--json"]) }
  let cold = coldRuns.map(\.seconds).min() ?? .nan
  let coldPeak = PeakMemory.of(truce, ["at", moment, "--log", log, "--json"])
  let indexing = Measure.run(truce, ["index", "--log", log])
  let warmTimes = (0..<5).map { _ in
    Measure.run(truce, ["at", moment, "--log", log, "--json"]).seconds
  }.sorted()
  let warm = warmTimes[2]
  // The first append reads the whole log and builds the index beside it; the next ones read
  // only the lines the index points to.
  func append(_ number: Int) -> Measure.Run {
    Measure.run(
      truce,
      [
        "append", "--log", log, "--type", "statement", "--id", "bench-\(size)-\(number)",
        "--announced", moment, "--reported", moment, "--area", parsed.areas.areas.first?.id ?? "",
        "--by", "bench", "--publication", "bench", "--field", "kind=claim",
      ])
  }
  let firstAppend = append(0)
  let indexedAppends = (1...7).map { append($0) }
  let appendTimes = indexedAppends.map(\.seconds).sorted()
  // The 8 lines appended since the index was built are read beside it.
  let afterAppends = (0..<5).map { _ in
    Measure.run(truce, ["at", moment, "--log", log, "--json"]).seconds
  }.sorted()[2]
  table.append([
    Format.count(size), Format.bytes(size64), Format.rate(size64 / raw),
    Format.rate(size64 / decode), Format.rate(size64 / reference),
    Format.perSecond(Double(events.count) / fold),
    coldRuns.allSatisfy { $0.status == 0 } ? Format.seconds(cold) : "failed",
    indexing.status == 0 ? Format.seconds(indexing.seconds) : "failed", Format.seconds(warm),
    firstAppend.status == 0 ? Format.seconds(firstAppend.seconds) : "failed",
    indexedAppends.allSatisfy { $0.status == 0 } ? Format.seconds(appendTimes[3]) : "failed",
    Format.seconds(afterAppends), Format.bytes(Double(coldPeak)),
  ])
  try? FileManager.default.removeItem(atPath: log)
  try? FileManager.default.removeItem(atPath: log + ".head")
  try? FileManager.default.removeItem(atPath: log + ".index")
  try? FileManager.default.removeItem(atPath: log + ".at-index")
}
if !replayOnly {
  let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
  for row in table {
    print(
      row.enumerated().map {
        $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0)
      }
      .joined(separator: "  "))
  }
  print("")
  print("cold at: a whole `truce at <moment> --json` process with no index, the best of 3;")
  print(
    "index: `truce index` (reads the whole log and writes the index `at` answers from), one run;")
  print("warm at: the median of 5 more `truce at` processes, answered from that index;")
  print(
    "append, no index: a whole `truce append` process that reads the whole log and builds the"
  )
  print("  index, one run;")
  print("append: the median of 7 more, each checked through the index beside the log;")
  print(
    "at after appends: the median of 5 warm `truce at`s with those 8 lines read beside the index;")
  print(
    "decode and fold: in-process, from bytes in memory, one run at 1M (fold: Projection(events:),")
  print(
    "  as below, but in this process, after the reference decoder freed its memory, whose pages it")
  print("  reuses);")
  print("reference: the plain reference decoder on the same bytes (one run), checked to agree.")
}
print(ReplayMeasure.summary(sizes: sizes, truce: truce, work: work))
