import TruceKit

/// What every command does the same way: find and read the log, report failures.
enum CommandSupport {
  /// Reads the log named by `--log`, or the bundled one, checking its tail and head; what a
  /// reader should know (a torn last line, a head that does not match) is written to standard
  /// error as a warning, and the answer comes from the complete events.
  static func loadLog(_ parsed: ParsedCommand) -> Result<EventLog, LogError> {
    let path = parsed.value("log") ?? BundledLog.locate()
    do {
      let (log, warnings) = try LogReading.read(path: path)
      for warning in warnings { StandardStreams.writeError("warning: \(warning)\n") }
      return .success(log)
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
