import Foundation

/// Runs the built `truce` executable and captures what it writes.
struct TruceProcess {
  struct Result {
    var stdout: String
    var stderr: String
    var status: Int32
  }

  /// The repository root.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The built executable: beside the test bundle, else in the repository's debug build.
  static let executable: URL = {
    let candidates = [
      Bundle.main.bundleURL.appendingPathComponent("truce"),
      Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("truce"),
      repositoryRoot.appendingPathComponent(".build/debug/truce"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
      ?? candidates[2]
  }()

  /// The benchmark, built beside `truce`.
  static var benchmark: URL {
    executable.deletingLastPathComponent().appendingPathComponent("truce-bench")
  }

  /// Runs `truce` (or another program: `program`) with arguments, from `directory` (the
  /// repository root by default).
  static func run(
    _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
    input: String? = nil, program: URL = executable
  ) throws -> Result {
    let process = Process()
    process.executableURL = program
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["COLUMNS"] = "80"
    env.removeValue(forKey: "TRUCE_LOG")
    // No indexing in the background unless a test asks for it: nothing outlives a test.
    env["TRUCE_BACKGROUND_INDEX"] = "0"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let inputPipe = Pipe()
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      try inputPipe.fileHandleForWriting.write(contentsOf: Data(input.utf8))
      try inputPipe.fileHandleForWriting.close()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self),
      status: process.terminationStatus)
  }

  /// A fresh temporary directory for one test.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
