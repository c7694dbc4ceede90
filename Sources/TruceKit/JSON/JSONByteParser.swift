/// The parsing machine behind ``JSONParser``: walks a UTF-8 buffer once, without recursion.
///
/// Open arrays and objects live on an explicit stack of frames, so nesting depth costs heap
/// memory rather than call stack. The elements and members of open containers share two stacks
/// that are reused for the whole document, so each finished container costs one allocation of
/// exactly its size. Error columns are computed only when an error is thrown.
struct JSONByteParser {
  typealias Reason = JSONSyntaxError.Reason
  typealias Expected = JSONSyntaxError.Expected

  /// An array or object that is still open.
  private struct Frame {
    var isObject: Bool
    /// Where the container's elements or members start on the shared stack.
    var start: Int
    /// The key of the member whose value is being parsed.
    var pendingKey = ""
    /// The keys of a large object, for finding duplicates without a linear scan.
    var keySet: Set<String>?

    init(isObject: Bool, start: Int) {
      self.isObject = isObject
      self.start = start
    }
  }

  let bytes: UnsafeBufferPointer<UInt8>
  let maxDepth: Int
  /// The offset of the next byte to read.
  var position = 0
  /// Reused buffer for decoding strings that contain escapes.
  var scratch: [UInt8] = []
  /// The elements of all open arrays, innermost last.
  private var elementStack: [JSONValue] = []
  /// The members of all open objects, innermost last.
  private var memberStack: [JSONObject.Member] = []

  init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
    self.bytes = bytes
    self.maxDepth = maxDepth
  }

  /// Parses the whole buffer as one value surrounded by optional whitespace.
  mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
    skipWhitespace()
    guard position < bytes.count else { throw error(.emptyInput, at: position) }
    var frames: [Frame] = []
    frames.reserveCapacity(8)
    var expected = Expected.value
    parsing: while true {
      // Parse one value, or open a container and go on with its first element.
      guard position < bytes.count else { throw error(.unexpectedEnd(expected: expected)) }
      var value: JSONValue
      switch bytes[position] {
      case UInt8(ascii: "\""):
        value = .string(try parseString())
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        value = .number(try parseNumber())
      case UInt8(ascii: "t"):
        try parseLiteral("true")
        value = .bool(true)
      case UInt8(ascii: "f"):
        try parseLiteral("false")
        value = .bool(false)
      case UInt8(ascii: "n"):
        try parseLiteral("null")
        value = .null
      case UInt8(ascii: "["):
        try checkDepth(frames.count)
        position += 1
        skipWhitespace()
        guard position < bytes.count && bytes[position] == UInt8(ascii: "]") else {
          if elementStack.capacity == 0 { elementStack.reserveCapacity(16) }
          frames.append(Frame(isObject: false, start: elementStack.count))
          expected = .valueOrArrayEnd
          continue
        }
        position += 1
        value = .array([])
      case UInt8(ascii: "{"):
        try checkDepth(frames.count)
        position += 1
        skipWhitespace()
        guard position < bytes.count && bytes[position] == UInt8(ascii: "}") else {
          if memberStack.capacity == 0 { memberStack.reserveCapacity(16) }
          var frame = Frame(isObject: true, start: memberStack.count)
          frame.pendingKey = try parseKey(expected: .keyOrObjectEnd, in: &frame)
          frames.append(frame)
          expected = .value
          continue
        }
        position += 1
        value = .object(JSONObject())
      default:
        throw unexpected(expected)
      }

      // Add the finished value to its container, closing containers as they end.
      while let top = frames.indices.last {
        skipWhitespace()
        let isObject = frames[top].isObject
        if isObject {
          var key = ""
          swap(&key, &frames[top].pendingKey)
          memberStack.append(JSONObject.Member(key: key, value: consume value))
        } else {
          elementStack.append(consume value)
        }
        guard position < bytes.count else {
          throw error(.unexpectedEnd(expected: isObject ? .commaOrObjectEnd : .commaOrArrayEnd))
        }
        let byte = bytes[position]
        if byte == UInt8(ascii: ",") {
          position += 1
          skipWhitespace()
          if isObject {
            frames[top].pendingKey = try parseKey(expected: .key, in: &frames[top])
          }
          expected = .value
          continue parsing
        }
        let start = frames[top].start
        if isObject {
          guard byte == UInt8(ascii: "}") else { throw unexpected(.commaOrObjectEnd) }
          value = .object(JSONObject(uniqueEntries: memberStack[start...]))
          memberStack.removeSubrange(start...)
        } else {
          guard byte == UInt8(ascii: "]") else { throw unexpected(.commaOrArrayEnd) }
          value = .array(Array(elementStack[start...]))
          elementStack.removeSubrange(start...)
        }
        frames.removeLast()
        position += 1
      }
      skipWhitespace()
      guard position == bytes.count else { throw unexpected(.endOfInput) }
      return value
    }
  }

  /// Parses an object key and the `:` after it, rejecting keys the object already has.
  private mutating func parseKey(
    expected: Expected, in frame: inout Frame
  ) throws(JSONSyntaxError) -> String {
    guard position < bytes.count && bytes[position] == UInt8(ascii: "\"") else {
      throw unexpected(expected)
    }
    let keyStart = position
    let key = try parseString()
    if isDuplicate(key, in: &frame) { throw error(.duplicateKey(key), at: keyStart) }
    skipWhitespace()
    guard position < bytes.count && bytes[position] == UInt8(ascii: ":") else {
      throw unexpected(.colon)
    }
    position += 1
    skipWhitespace()
    return key
  }

  /// Returns whether the open object already has `key`, and records it if not.
  ///
  /// Small objects are scanned linearly; large ones switch to a set of their keys.
  private func isDuplicate(_ key: String, in frame: inout Frame) -> Bool {
    if frame.keySet != nil {
      return frame.keySet?.insert(key).inserted == false
    }
    for offset in frame.start..<memberStack.count where memberStack[offset].key == key {
      return true
    }
    if memberStack.count - frame.start >= JSONObject.linearSearchLimit {
      var keys = Set(memberStack[frame.start...].lazy.map(\.key))
      keys.insert(key)
      frame.keySet = keys
    }
    return false
  }

  private func checkDepth(_ openContainers: Int) throws(JSONSyntaxError) {
    if openContainers >= maxDepth { throw error(.tooDeep(limit: maxDepth)) }
  }

  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = position
    switch JSONNumberGrammar.scan(bytes, from: start) {
    case .valid(let end):
      position = end
      return text(start..<end)
    case .invalid(let offset, _):
      let token = text(start..<JSONNumberGrammar.tokenEnd(bytes, from: start))
      throw error(.invalidNumber(token), at: offset)
    }
  }

  /// Matches the literal `word`, whose first byte is already known to match.
  private mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
    let expected = Expected.literal(word.description)
    for offset in 1..<word.utf8CodeUnitCount {
      position += 1
      guard position < bytes.count && bytes[position] == word.utf8Start[offset] else {
        throw unexpected(expected)
      }
    }
    position += 1
  }

  @inline(__always)
  mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x0A, 0x0D, 0x09: position += 1
      default: return
      }
    }
  }

  /// Makes a string from bytes already known to be valid UTF-8.
  func text(_ range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
  }

  // MARK: - Errors

  /// Makes an error at `offset` (by default the current position), computing its column.
  ///
  /// The bytes before `offset` have been validated as UTF-8, so counting the bytes that do not
  /// continue a sequence counts Unicode scalars.
  func error(_ reason: Reason, at offset: Int? = nil) -> JSONSyntaxError {
    var scalars = 0
    for byte in UnsafeBufferPointer(rebasing: bytes[..<(offset ?? position)])
    where byte & 0xC0 != 0x80 {
      scalars += 1
    }
    return JSONSyntaxError(column: scalars + 1, reason: reason)
  }

  /// Makes the error for finding something other than `expected` at the current position.
  ///
  /// This reports the end of input, the unexpected character, or invalid UTF-8 at that point.
  func unexpected(_ expected: Expected) -> JSONSyntaxError {
    guard position < bytes.count else { return error(.unexpectedEnd(expected: expected)) }
    do throws(JSONSyntaxError) {
      let length = try scalarLength(at: position)
      return error(.unexpectedCharacter(text(position..<position + length), expected: expected))
    } catch {
      return error
    }
  }
}
