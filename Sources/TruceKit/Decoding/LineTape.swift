/// One log line tokenized into a flat tape of values, checked against the JSON grammar in a
/// single pass and without allocating per value.
///
/// This is the first stage of the fast decoder (``FastLogDecoder``). Every value is an entry;
/// an object's entries are its members as key, value, key, value…, and every entry records
/// where the value after it (its next sibling) starts on the tape, so a reader skips a nested
/// value in one step. Strings keep their byte range in the line and whether they hold escapes,
/// so most never become a `String`.
///
/// It shares no code with ``JSONParser``: the reference decoder parses with that, and the two
/// are compared line by line in the tests.
struct LineTape {
  /// What kind of JSON value an entry is.
  enum Kind: UInt8 {
    case string, number, trueValue, falseValue, null, object, array

    /// The name the log's errors use for a value of this kind.
    var typeName: String {
      switch self {
      case .string: "string"
      case .number: "number"
      case .trueValue, .falseValue: "boolean"
      case .null: "null"
      case .object: "object"
      case .array: "array"
      }
    }
  }

  /// One value on the tape.
  struct Entry {
    var kind: Kind
    /// Whether a string holds escapes (and so must be decoded, not copied).
    var escaped: Bool
    /// Strings: the first byte after the opening quote. Others: the first byte.
    var start: Int32
    /// Strings: the closing quote. Others: just past the value.
    var end: Int32
    /// The tape index just past this value and everything inside it.
    var next: Int32
    /// Objects: members; arrays: elements.
    var count: Int32
    /// Keys: which field of the log format the key names (``FieldName/unknown`` if none).
    var name: FieldName = .unknown
  }

  /// The entries, in document order; reused from line to line. The storage is the tape's own:
  /// a copy of the tape shares it, so a tape is used by one decoder on one thread.
  private let entryStore = TapeStack<Entry>(capacity: 64)
  /// Open containers while tokenizing.
  private let open = TapeStack<Int>(capacity: 8)
  /// For each open container, the known field names its keys have used.
  private let namesUsed = TapeStack<UInt64>(capacity: 8)
  /// For the top-level object: the tape index of each known key's entry, by the key's
  /// ``FieldName`` raw value, valid where ``rootKeysPresent`` has its bit.
  private let rootKeyStack = TapeStack<Int32>(capacity: 64)
  /// The known keys the top-level object has, as ``FieldName/bit``s.
  private(set) var rootKeysPresent: UInt64 = 0
  /// The key each object is likely to hold next (see ``KeyPrediction``).
  private let prediction = KeyPrediction()
  /// For each open container, the ``KeyPrediction`` slot of its next key.
  private let keySlots = TapeStack<UInt8>(capacity: 8)
  /// The last key read, whose value a container opened next is.
  private var lastKey = FieldName.unknown

  /// The entries of the line tokenized last, valid until the next line is tokenized.
  var entries: UnsafeBufferPointer<Entry> { entryStore.elements }

  /// For the top-level object: the tape index of each known key's entry, by the key's
  /// ``FieldName`` raw value (64 of them), valid where ``rootKeysPresent`` has its bit.
  var rootKeys: UnsafeBufferPointer<Int32> {
    UnsafeBufferPointer(start: rootKeyStack.base, count: 64)
  }

  /// The deepest nesting accepted, as the reference parser allows.
  static let maxDepth = 64

  /// Creates an empty tape.
  init() {
    for _ in 0..<64 { rootKeyStack.append(0) }
  }

  /// Tokenizes one line, replacing what the tape held.
  ///
  /// - Throws: ``TapeSyntaxError`` at the first byte that breaks the grammar.
  mutating func tokenize(_ bytes: UnsafeRawBufferPointer) throws(TapeSyntaxError) {
    entryStore.removeAll()
    open.removeAll()
    namesUsed.removeAll()
    keySlots.removeAll()
    lastKey = .unknown
    rootKeysPresent = 0
    var scanner = TapeScanner(bytes: bytes)
    scanner.skipWhitespace()
    guard !scanner.atEnd else { throw scanner.failure("the line holds no value") }
    while true {
      try scanner.expectValueStart()
      let position = scanner.position
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        guard open.count < LineTape.maxDepth else {
          throw scanner.failure("nesting deeper than \(LineTape.maxDepth) levels")
        }
        let isObject = byte == UInt8(ascii: "{")
        entryStore.append(
          Entry(
            kind: isObject ? .object : .array, escaped: false, start: Int32(position), end: 0,
            next: 0, count: 0))
        open.append(entryStore.count - 1)
        namesUsed.append(0)
        keySlots.append(UInt8(KeyPrediction.slot(opening: lastKey)))
        scanner.position += 1
        scanner.skipWhitespace()
        let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        if !scanner.atEnd && bytes[scanner.position] == closer {
          scanner.position += 1
          open.removeLast()
          namesUsed.removeLast()
          keySlots.removeLast()
          close(at: entryStore.count - 1, end: scanner.position)
        } else {
          if isObject { try readKey(&scanner) }
          continue
        }
      case UInt8(ascii: "\""):
        let string = try scanner.string()
        entryStore.append(
          Entry(
            kind: .string, escaped: string.escaped, start: Int32(position + 1),
            end: Int32(string.end), next: Int32(entryStore.count + 1), count: 0))
      default:
        let kind = try scanner.scalar()
        entryStore.append(
          Entry(
            kind: kind, escaped: false, start: Int32(position), end: Int32(scanner.position),
            next: Int32(entryStore.count + 1), count: 0))
      }
      // A value is complete: close containers that end here, or go on to the next member.
      while true {
        guard !open.isEmpty else {
          scanner.skipWhitespace()
          guard scanner.atEnd else { throw scanner.unexpected("the end of the line") }
          return
        }
        let top = open.last
        entryStore[top].count += 1
        scanner.skipWhitespace()
        let isObject = entryStore[top].kind == .object
        guard !scanner.atEnd else {
          throw scanner.failure(isObject ? "',' or '}' expected" : "',' or ']' expected")
        }
        let separator = bytes[scanner.position]
        if separator == UInt8(ascii: ",") {
          scanner.position += 1
          scanner.skipWhitespace()
          if isObject { try readKey(&scanner) }
          break
        }
        guard separator == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
          throw scanner.unexpected(isObject ? "',' or '}'" : "',' or ']'")
        }
        scanner.position += 1
        open.removeLast()
        namesUsed.removeLast()
        keySlots.removeLast()
        close(at: top, end: scanner.position)
        if open.isEmpty {
          scanner.skipWhitespace()
          guard scanner.atEnd else { throw scanner.unexpected("the end of the line") }
          return
        }
        // The closed container is a value of the container around it: loop to count it.
        continue
      }
    }
  }

  /// Reads a member's key and the colon after it, rejecting a key the object already has.
  private mutating func readKey(_ scanner: inout TapeScanner) throws(TapeSyntaxError) {
    let keyStart = scanner.position
    let slot = Int(keySlots.last)
    let predicted = prediction.predicted(in: slot)
    // The predicted key, quoted, with its colon: the key is taken as it is (see KeyPrediction).
    let matched = prediction.matchLength(of: predicted, at: keyStart, in: scanner.bytes)
    var key: Entry
    if matched > 0 {
      key = Entry(
        kind: .string, escaped: false, start: Int32(keyStart + 1),
        end: Int32(keyStart + matched - 2), next: Int32(entryStore.count + 1), count: 0)
      key.name = predicted
    } else {
      guard !scanner.atEnd, scanner.bytes[scanner.position] == UInt8(ascii: "\"") else {
        throw scanner.unexpected("a key in double quotes")
      }
      let string = try scanner.string()
      key = Entry(
        kind: .string, escaped: string.escaped, start: Int32(keyStart + 1),
        end: Int32(string.end), next: Int32(entryStore.count + 1), count: 0)
      key.name = FieldName(key, in: scanner)
      prediction.learn(key.name, in: slot)
    }
    keySlots.last = UInt8(KeyPrediction.slot(after: key.name))
    lastKey = key.name
    // A known name can equal only itself; other keys are compared with every key.
    let isDuplicate: Bool
    if key.name != .unknown, !namesUsed.isEmpty {
      let used = namesUsed.last
      isDuplicate = used & key.name.bit != 0
      namesUsed.last = used | key.name.bit
      if open.count == 1 && !isDuplicate {
        rootKeyStack[Int(key.name.rawValue)] = Int32(entryStore.count)
        rootKeysPresent |= key.name.bit
      }
    } else if !open.isEmpty {
      let object = open.last
      isDuplicate = hasKey(key, inObjectAt: object, bytes: scanner.bytes)
    } else {
      isDuplicate = false
    }
    if isDuplicate {
      throw TapeSyntaxError(
        offset: keyStart, isInvalidUTF8: false,
        message: "duplicate key \(scanner.text(key.start, key.end, escaped: key.escaped))")
    }
    entryStore.append(key)
    if matched > 0 {
      scanner.position = keyStart + matched
    } else {
      scanner.skipWhitespace()
      guard !scanner.atEnd, scanner.bytes[scanner.position] == UInt8(ascii: ":") else {
        throw scanner.unexpected("':' after the key")
      }
      scanner.position += 1
    }
    scanner.skipWhitespace()
  }

  /// Whether the object at `index` already has a member with this key.
  ///
  /// Keys compare as Swift strings do (canonical equivalence) when either holds escapes or
  /// non-ASCII bytes, as the reference parser's keys do; plain ASCII keys compare by bytes.
  private func hasKey(_ key: Entry, inObjectAt index: Int, bytes: UnsafeRawBufferPointer) -> Bool {
    let scanner = TapeScanner(bytes: bytes)
    let keyIsPlain = !key.escaped && isASCII(key, bytes)
    var cursor = index + 1
    while cursor < entryStore.count {
      let other = entryStore[cursor]
      if keyIsPlain && !other.escaped && isASCII(other, bytes) {
        if other.end - other.start == key.end - key.start
          && bytes[Int(other.start)..<Int(other.end)].elementsEqual(
            bytes[Int(key.start)..<Int(key.end)])
        {
          return true
        }
      } else if scanner.text(other.start, other.end, escaped: other.escaped)
        == scanner.text(key.start, key.end, escaped: key.escaped)
      {
        return true
      }
      // Skip the member's value to reach the next key.
      let value = Int(other.next)
      guard value < entryStore.count else { return false }
      cursor = Int(entryStore[value].next)
    }
    return false
  }

  private func isASCII(_ entry: Entry, _ bytes: UnsafeRawBufferPointer) -> Bool {
    for offset in Int(entry.start)..<Int(entry.end) where bytes[offset] >= 0x80 { return false }
    return true
  }

  /// Records where a container ends once its closing bracket is read.
  private mutating func close(at index: Int, end: Int) {
    entryStore[index].end = Int32(end)
    entryStore[index].next = Int32(entryStore.count)
  }
}
