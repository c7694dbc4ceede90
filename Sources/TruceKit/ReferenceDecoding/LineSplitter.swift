/// Splits a file's bytes into lines at LF, noting whether each line was terminated.
struct LineSplitter: IteratorProtocol {
  struct Line {
    var number: Int
    /// The line's bytes, without its newline (or the CR before it).
    var bytes: ArraySlice<UInt8>
    var terminated: Bool
    /// The offset just past the line and its newline.
    var end: Int
  }

  private let bytes: [UInt8]
  private var position = 0
  private var number = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  mutating func next() -> Line? {
    guard position < bytes.count else { return nil }
    number += 1
    let start = position
    if let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
      position = newline + 1
      var end = newline
      if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
      return Line(number: number, bytes: bytes[start..<end], terminated: true, end: newline + 1)
    }
    position = bytes.count
    return Line(number: number, bytes: bytes[start...], terminated: false, end: bytes.count)
  }
}
