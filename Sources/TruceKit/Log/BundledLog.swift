#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  ///   - environment: The process environment (this process's when `nil`).
  ///   - executablePath: The path of the running executable (this process's when `nil`).
  ///   - currentDirectory: The working directory (this process's when `nil`).
  /// - Returns: The first candidate that exists, or the plain relative path (which then fails
  ///   to open with a clear error).
  public static func locate(
    environment: [String: String]? = nil, executablePath: String? = nil,
    currentDirectory: String? = nil
  ) -> String {
    let logVariable = environment.map { $0["TRUCE_LOG"] } ?? System.environmentValue("TRUCE_LOG")
    if let path = logVariable, !path.isEmpty { return path }
    let directory = currentDirectory ?? System.currentDirectory ?? "."
    if FileIO.exists(FileIO.joined(directory, relativePath)) { return relativePath }
    var executable = executablePath.map(FileIO.resolved) ?? System.executablePath ?? ""
    if !executable.hasPrefix("/") { executable = FileIO.joined(directory, executable) }
    var folder = FileIO.directoryName(of: executable)
    while folder.hasPrefix("/") && folder != "/" {
      let candidate = FileIO.joined(folder, relativePath)
      if FileIO.exists(candidate) { return candidate }
      folder = FileIO.directoryName(of: folder)
    }
    return relativePath
  }
}
