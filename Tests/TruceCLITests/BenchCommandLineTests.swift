import Foundation
import Testing

/// The benchmark's command line: help and misuse answer at once, as `truce`'s do, instead of
/// starting the measures (which take minutes).
@Suite("truce-bench's command line")
struct BenchCommandLineTests {
  @Test(
    "truce-bench --help prints its options in swift-argument-parser's layout, and measures nothing")
  func helpPrintsOptions() throws {
    let result = try TruceProcess.run(["--help"], program: TruceProcess.benchmark)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let help = result.stdout
    #expect(help.hasPrefix("OVERVIEW: Measure Truce on generated logs and print a table."))
    #expect(help.contains("USAGE: truce-bench [--sizes <sizes>] [--replay-only]"))
    #expect(help.contains("--sizes <sizes>"))
    #expect(help.contains("(default: 10000,100000,1000000)"))
    #expect(help.contains("--replay-only"))
    #expect(!help.contains("truce-bench on"), "the measures started")
  }

  @Test(
    "A misused option is a usage error naming it, exit 64, before anything is measured",
    arguments: [
      (["--sizes", "ten"], "Error: The value 'ten' is invalid for '--sizes <sizes>'"),
      (["--sizes", "1000,0"], "Error: The value '1000,0' is invalid for '--sizes <sizes>'"),
      (["--sizes", "1000,"], "Error: The value '1000,' is invalid for '--sizes <sizes>'"),
      (["--replay-onyl"], "Error: Unknown option '--replay-onyl'. Did you mean '--replay-only'?"),
      (["--sizes"], "Error: Missing value for '--sizes <sizes>'"),
    ])
  func misuseIsAUsageError(arguments: [String], message: String) throws {
    let result = try TruceProcess.run(arguments, program: TruceProcess.benchmark)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix(message), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: truce-bench"))
  }

  @Test(
    "truce-bench --fold-once folds a log in its own process, as events or records, and prints the fold's seconds",
    arguments: [[], ["--records"]])
  func foldOncePrintsSeconds(form: [String]) throws {
    let log = TruceProcess.repositoryRoot.appendingPathComponent("EventLog/aleppo-2016.jsonl")
    let result = try TruceProcess.run(
      ["--fold-once"] + form + [log.path], program: TruceProcess.benchmark)
    #expect(result.status == 0)
    #expect(result.stderr.isEmpty)
    let seconds = Double(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    #expect(seconds.map { $0 > 0 && $0 < 10 } == true, "\(result.stdout)")
    #expect(!result.stdout.contains("truce-bench on"), "the measures started")
  }

  @Test(
    "truce-bench --fold-once on a log it cannot read says why, naming it, and prints no seconds")
  func foldOnceFailsOnABadLog() throws {
    let folder = try TruceProcess.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("missing.jsonl")
    let result = try TruceProcess.run(
      ["--fold-once", missing.path], program: TruceProcess.benchmark)
    #expect(result.status == 1)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("truce-bench --fold-once: "), "\(result.stderr)")
    #expect(result.stderr.contains(missing.path), "\(result.stderr)")
  }

  @Test(
    "truce-bench's helper flags without their argument are a usage error that names the flag",
    arguments: [["--fold-once"], ["--fold-once", "--records"], ["--peak-memory-of"]])
  func helperFlagsWithoutTheirArgument(arguments: [String]) throws {
    let flag = arguments[0]
    let result = try TruceProcess.run(arguments, program: TruceProcess.benchmark)
    #expect(result.status == 64)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.hasPrefix("Error: Missing value for '\(flag) "), "\(result.stderr)")
    #expect(result.stderr.contains("Usage: truce-bench \(flag) "), "\(result.stderr)")
  }
}
