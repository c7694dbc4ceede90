import Testing

@testable import TruceKit

/// Parses text and returns the syntax error, or `nil` when the text is valid.
func parseError(_ text: String, maxDepth: Int = 64) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(text, maxDepth: maxDepth)
    return nil
  } catch {
    return error
  }
}

/// Parses bytes and returns the syntax error, or `nil` when the bytes are valid.
func parseError(bytes: [UInt8]) -> JSONSyntaxError? {
  do {
    _ = try JSONParser.parse(bytes)
    return nil
  } catch {
    return error
  }
}

/// An input the parser must reject, with the exact error it must report.
struct InvalidJSONCase: Sendable, CustomTestStringConvertible {
  let bytes: [UInt8]
  let column: Int
  let reason: JSONSyntaxError.Reason

  init(_ text: String, column: Int, _ reason: JSONSyntaxError.Reason) {
    self.bytes = Array(text.utf8)
    self.column = column
    self.reason = reason
  }

  init(bytes: [UInt8], column: Int, _ reason: JSONSyntaxError.Reason) {
    self.bytes = bytes
    self.column = column
    self.reason = reason
  }

  var expectedError: JSONSyntaxError {
    JSONSyntaxError(column: column, reason: reason)
  }

  var testDescription: String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
    }
    return String(reflecting: text)
  }
}
