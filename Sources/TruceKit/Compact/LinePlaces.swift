/// Where each of a log's lines is in its bytes, by position, in 8 bytes a line where a
/// `Range<Int>` takes 16: a record's line is read again through it (``LineRereader``), so a
/// million lines keep 8 MB here until the answer is shown, rather than 16.
///
/// A line's start is kept as its offset within its 4 GiB stretch of the file (the stretch is
/// named only where it changes, since lines come in the file's order), and its length as a
/// 32-bit count. Lines that are not in ascending order, or one of 4 GiB or more, are kept as
/// they were given.
struct LinePlaces: Sendable {
  /// Each line's start, less the offset of its 4 GiB stretch.
  private var starts: [UInt32] = []
  /// Each line's length in bytes.
  private var lengths: [UInt32] = []
  /// Where each 4 GiB stretch after the first begins among the lines: the position of its first
  /// line, with the stretch's number (a start's bits above the 32 kept in ``starts``).
  private var stretches: [(position: Int, stretch: Int)] = []
  /// The lines as given, when they do not fit the compact form.
  private var given: [Range<Int>]?

  /// The places of `lines`, by position.
  init(_ lines: [Range<Int>]) {
    starts.reserveCapacity(lines.count)
    lengths.reserveCapacity(lines.count)
    var previousStart = 0
    var stretch = 0
    for (position, line) in lines.enumerated() {
      guard line.lowerBound >= previousStart, let length = UInt32(exactly: line.count) else {
        self = LinePlaces(given: lines)
        return
      }
      previousStart = line.lowerBound
      if line.lowerBound >> 32 != stretch {
        stretch = line.lowerBound >> 32
        stretches.append((position, stretch))
      }
      starts.append(UInt32(truncatingIfNeeded: line.lowerBound))
      lengths.append(length)
    }
  }

  private init(given: [Range<Int>]) { self.given = given }

  /// How many lines there are.
  var count: Int { given?.count ?? starts.count }

  /// Where the line at `position` is; `position` must be below ``count``.
  subscript(position: Int) -> Range<Int> {
    if let given { return given[position] }
    let start = stretch(at: position) << 32 | Int(starts[position])
    return start..<(start + Int(lengths[position]))
  }

  /// The stretch the line at `position` starts in: that of the last stretch starting at or
  /// before it.
  private func stretch(at position: Int) -> Int {
    var low = 0
    var high = stretches.count
    while low < high {
      let middle = (low + high) / 2
      if stretches[middle].position <= position { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? 0 : stretches[low - 1].stretch
  }
}
