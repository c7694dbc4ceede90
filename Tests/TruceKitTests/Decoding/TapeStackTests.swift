import Testing

@testable import TruceKit

@Suite("The tokenizer's growable storage")
struct TapeStackTests {
  @Test("Appends past the first capacity keep every element in order")
  func growth() {
    let stack = TapeStack<Int32>(capacity: 1)
    for value in 0..<1_000 { stack.append(Int32(value)) }
    #expect(stack.count == 1_000)
    #expect(Array(stack.elements) == (0..<1_000).map { Int32($0) })
    #expect(stack.last == 999)
  }

  @Test("Elements change in place; removing the last and emptying keep the memory for reuse")
  func changes() {
    let stack = TapeStack<UInt64>(capacity: 4)
    #expect(stack.isEmpty)
    for value in [5, 6, 7] as [UInt64] { stack.append(value) }
    stack[0] = 50
    stack.last = 70
    #expect(Array(stack.elements) == [50, 6, 70])
    stack.removeLast()
    #expect(Array(stack.elements) == [50, 6])
    stack.removeAll()
    #expect(stack.isEmpty)
    stack.append(9)
    #expect(Array(stack.elements) == [9])
  }
}
