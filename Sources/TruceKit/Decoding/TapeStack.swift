/// A growable run of plain values written through a pointer: the tokenizer's entries and its
/// stacks, which take a value per token of every line.
///
/// An array checks that its buffer is not shared before every write and every append; this
/// storage belongs to one tape, is never copied (the tape holds the only reference) and so
/// writes directly. It grows by doubling and keeps its memory from line to line.
final class TapeStack<Element: BitwiseCopyable> {
  /// The first element; `capacity` elements are allocated.
  private(set) var base: UnsafeMutablePointer<Element>
  /// How many elements are in use.
  private(set) var count = 0
  private var capacity: Int

  /// An empty stack with room for `capacity` elements before it grows.
  init(capacity: Int) {
    self.capacity = max(capacity, 1)
    base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The elements in use, valid until the next append.
  var elements: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  /// Whether no element is in use.
  var isEmpty: Bool { count == 0 }

  /// The last element; the stack must not be empty.
  var last: Element {
    get {
      assert(count > 0, "the stack is empty")
      return base[count - 1]
    }
    set {
      assert(count > 0, "the stack is empty")
      base[count - 1] = newValue
    }
  }

  /// The element at `index` (below ``count``).
  subscript(index: Int) -> Element {
    get {
      assert(index >= 0 && index < count, "index out of range")
      return base[index]
    }
    set {
      assert(index >= 0 && index < count, "index out of range")
      base[index] = newValue
    }
  }

  /// Adds an element at the end.
  @inline(__always)
  func append(_ element: Element) {
    if count == capacity { grow() }
    (base + count).initialize(to: element)
    count += 1
  }

  /// Removes the last element; the stack must not be empty.
  func removeLast() {
    assert(count > 0, "the stack is empty")
    count -= 1
  }

  /// Empties the stack, keeping its memory.
  func removeAll() { count = 0 }

  private func grow() {
    let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
    larger.initialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }
}
