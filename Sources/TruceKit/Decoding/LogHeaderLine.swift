/// Reads a log's first line, the header.
///
/// The header is one short line, read with ``JSONParser`` and ``LogHeader`` as the reference
/// decoder reads it: the fast decoder's work is the event lines.
enum LogHeaderLine {
  /// Decodes the header line's bytes.
  ///
  /// - Throws: ``LogError`` at line 1.
  static func decode(_ bytes: [UInt8], file: String) throws(LogError)
    -> LogHeader
  {
    if bytes.isEmpty { throw LogError(file: file, line: 1, problem: .emptyLine) }
    let value: JSONValue
    do { value = try JSONParser.parse(bytes) } catch {
      if case .invalidUTF8 = error.reason {
        throw LogError(file: file, line: 1, column: error.column, problem: .invalidUTF8)
      }
      throw LogError(file: file, line: 1, column: error.column, problem: .syntax(error.description))
    }
    do { return try LogHeader.decode(value) } catch {
      throw LogError(file: file, line: 1, field: error.field, problem: error.problem)
    }
  }

  /// A fingerprint of the header line, which indexes keep to know the line they vouch for: the
  /// first 8 bytes of its SHA-256.
  static func fingerprint(_ bytes: [UInt8]) -> UInt64 {
    SHA256.hash(bytes).bytes.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}
