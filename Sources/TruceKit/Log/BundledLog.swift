import Foundation

/// Finds the bundled Aleppo history when no `--log` is given.
///
/// In order: the `TRUCE_LOG` environment variable; `EventLog/aleppo-2016.jsonl` under the
/// current directory; the same path under each folder above the running executable (so
/// `swift run truce` and `.build/release/truce` find the checkout's log from anywhere).
public enum BundledLog {
  /// The bundled log's path inside the repository.
  public static let relativePath = "EventLog/aleppo-2016.jsonl"

  /// The path of the log to read when none is named.
  ///
  /// - Parameters:
  ///   - environment: The process environment.
  ///   - executablePath: The path of the running executable.
  ///   - currentDirectory: The working directory.
  /// - Returns: The first candidate that exists, or the plain relative path (which then fails
  ///   to open with a clear error).
  public static func locate(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String = CommandLine.arguments.first ?? "",
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> String {
    if let path = environment["TRUCE_LOG"], !path.isEmpty { return path }
    let files = FileManager.default
    let local = (currentDirectory as NSString).appendingPathComponent(relativePath)
    if files.fileExists(atPath: local) { return relativePath }
    var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    while folder.path != "/" && !folder.path.isEmpty {
      let candidate = folder.appendingPathComponent(relativePath).path
      if files.fileExists(atPath: candidate) { return candidate }
      folder.deleteLastPathComponent()
    }
    return relativePath
  }
}
