import Glibc

/// The key an object of a log line is likely to hold next, learned from the keys read so far.
///
/// `truce` writes every line's keys in one order per type, so after `"seq"` comes `"id"`, and the
/// first key of `"recorded"`'s object is `"at"`. The tokenizer compares the bytes ahead with the
/// predicted key, quoted and followed by its colon (`"id":`), and when they match takes the key
/// as that name without scanning it as a string or recognising it; otherwise it reads the key as
/// any other and the prediction learns it. A match is exactly what reading the key would give: a
/// plain string, its name, the colon right after it.
///
/// A prediction is kept per slot: one for the key after each name in the same object, one for
/// the first key of an object opened as the value of each name. Owned by one tape (its storage is
/// never copied), used on one thread.
struct KeyPrediction {
  /// The quoted keys with their colons, one after another, in the order of the names' raw values.
  private let patterns = TapeStack<UInt8>(capacity: 512)
  /// Where each known name's pattern starts in ``patterns``, and past the last, where it ends.
  private let starts = TapeStack<Int32>(capacity: 64)
  /// The name predicted in each slot; ``FieldName/unknown`` when none is.
  private let predictions = TapeStack<FieldName>(capacity: 128)

  /// How many slots there are: 64 for the key after each name, 64 for an object's first key.
  static let slotCount = 128

  /// Predictions of nothing yet, and the patterns of every known name.
  init() {
    var raw: UInt8 = 0
    while let name = FieldName(rawValue: raw), name != .unknown {
      starts.append(Int32(patterns.count))
      for byte in "\"\(name.key)\":".utf8 { patterns.append(byte) }
      raw += 1
    }
    starts.append(Int32(patterns.count))
    for _ in 0..<KeyPrediction.slotCount { predictions.append(.unknown) }
  }

  /// The slot of the key after `name` in the same object.
  static func slot(after name: FieldName) -> Int {
    Int(min(name.rawValue, 63))
  }

  /// The slot of the first key of an object that is the value of `name` (``FieldName/unknown``
  /// for a line's own object, or one in an array with no key before it).
  static func slot(opening name: FieldName) -> Int {
    64 + Int(min(name.rawValue, 63))
  }

  /// The name predicted in `slot`.
  func predicted(in slot: Int) -> FieldName {
    predictions[slot]
  }

  /// Predicts `name` in `slot` from now on.
  func learn(_ name: FieldName, in slot: Int) {
    predictions[slot] = name
  }

  /// How many bytes from `position` the quoted key `name` and its colon take, when `bytes` hold
  /// exactly them there; 0 when they do not, or `name` is ``FieldName/unknown``.
  func matchLength(of name: FieldName, at position: Int, in bytes: UnsafeRawBufferPointer) -> Int {
    guard name != .unknown, let base = bytes.baseAddress else { return 0 }
    let start = Int(starts[Int(name.rawValue)])
    let length = Int(starts[Int(name.rawValue) + 1]) - start
    guard position + length <= bytes.count,
      memcmp(base + position, patterns.base + start, length) == 0
    else { return 0 }
    return length
  }
}
