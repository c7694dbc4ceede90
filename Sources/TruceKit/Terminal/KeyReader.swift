/// Decodes the bytes a terminal sends into ``Key``s.
///
/// A terminal sends the arrows as escape sequences (`ESC [ C`), which a read may cut anywhere,
/// and the escape key as a lone `ESC`, which only the pause after it tells apart from the start
/// of a sequence. So the reader keeps an unfinished sequence until more bytes come, and its
/// owner calls ``flush()`` when none come soon: what is left is then a lone escape, or an
/// unknown key.
///
/// ```swift
/// var reader = KeyReader()
/// reader.keys(from: Array("b\u{1B}[".utf8))  // [.character("b")]; "ESC [" is kept
/// reader.keys(from: Array("C".utf8))          // [.right]
/// ```
public struct KeyReader: Sendable {
  /// The longest escape sequence kept while waiting for its end; longer ones are dropped.
  static let longestSequence = 16

  private var pending: [UInt8] = []

  /// Creates a reader with nothing pending.
  public init() {}

  /// Whether an unfinished escape sequence waits for more bytes (or for ``flush()``).
  public var hasPending: Bool { !pending.isEmpty }

  /// Decodes bytes, keeping an unfinished escape sequence at their end for the next call.
  ///
  /// - Parameter bytes: The bytes read from the terminal.
  /// - Returns: The keys the bytes complete, in order.
  public mutating func keys(from bytes: [UInt8]) -> [Key] {
    var keys: [Key] = []
    for byte in bytes {
      if pending.isEmpty {
        if byte == 0x1B { pending = [byte] } else { keys.append(Self.key(for: byte)) }
        continue
      }
      pending.append(byte)
      switch Self.sequence(pending) {
      case .unfinished:
        if pending.count >= Self.longestSequence {
          keys.append(.other)
          pending = []
        }
      case .finished(let key):
        keys.append(key)
        pending = []
      case .escapeThen(let next):
        // ESC followed by something that starts no sequence: the escape key, then that byte.
        pending = []
        keys.append(.escape)
        keys.append(contentsOf: self.keys(from: [next]))
      }
    }
    return keys
  }

  /// Ends an unfinished escape sequence: a lone `ESC` is the escape key, anything longer an
  /// unknown key.
  ///
  /// - Returns: The key the pending bytes stand for, or nothing when none are pending.
  public mutating func flush() -> [Key] {
    defer { pending = [] }
    switch pending.count {
    case 0: return []
    case 1: return [.escape]
    default: return [.other]
    }
  }

  /// The key one byte outside an escape sequence stands for.
  static func key(for byte: UInt8) -> Key {
    switch byte {
    case 0x20: return .space
    case 0x0D, 0x0A: return .enter
    case 0x7F, 0x08: return .backspace
    case 0x03: return .interrupt
    case 0x04: return .endOfInput
    case 0x21...0x7E: return .character(Character(Unicode.Scalar(byte)))
    default: return .other
    }
  }

  private enum SequenceState {
    case unfinished
    case finished(Key)
    case escapeThen(UInt8)
  }

  /// Where bytes that start with `ESC` stand: `ESC [` opens a control sequence, ended by a byte
  /// from `@` to `~` after any parameters; `ESC O` takes one more byte.
  private static func sequence(_ bytes: [UInt8]) -> SequenceState {
    guard bytes.count >= 2 else { return .unfinished }
    let introducer = bytes[1]
    guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
      return .escapeThen(introducer)
    }
    guard bytes.count >= 3, let last = bytes.last else { return .unfinished }
    if introducer == UInt8(ascii: "[") && !(0x40...0x7E).contains(last) { return .unfinished }
    switch last {
    case UInt8(ascii: "C") where bytes.count == 3: return .finished(.right)
    case UInt8(ascii: "D") where bytes.count == 3: return .finished(.left)
    default: return .finished(.other)
    }
  }
}
