import TruceKit

/// What every command does the same way: find and read the log, report failures.
enum CommandSupport {
  /// Reads the log named by `--log`, or the bundled one.
  static func loadLog(_ parsed: ParsedCommand) -> Result<EventLog, LogError> {
    let path = parsed.value("log") ?? BundledLog.locate()
    do {
      return .success(try EventLog.read(path: path))
    } catch {
      return .failure(error)
    }
  }

  /// Writes `Error: …` to standard error and returns the failure exit code.
  static func fail(_ message: String) -> ExitCode {
    StandardStreams.writeError("Error: \(message)\n")
    return .failure
  }

  /// Writes a usage error (with the command's usage line) and returns exit code 64.
  static func usage(_ error: UsageError) -> ExitCode {
    StandardStreams.writeError(error.rendered())
    return error.exitCode
  }
}
