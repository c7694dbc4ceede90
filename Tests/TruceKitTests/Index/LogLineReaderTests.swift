import Foundation
import Testing

@testable import TruceKit

@Suite("Reading single lines of a log by offset")
struct LogLineReaderTests {
  @Test("Lines of every length around the read sizes come back whole, without CR or newline")
  func linesAroundReadSizes() throws {
    let lengths = [0, 1, 510, 511, 512, 513, 2047, 2048, 2049, 8200]
    var file: [UInt8] = []
    var expected: [(offset: Int, content: [UInt8], end: Int)] = []
    for (index, length) in lengths.enumerated() {
      let content = (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + index) % 26) }
      let offset = file.count
      file += content + (index % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
      expected.append((offset, content, file.count))
    }
    file += Array("torn".utf8)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-lines-\(UUID().uuidString).jsonl"
    ).path
    try Data(file).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    let reader = LogLineReader(descriptor: descriptor, path: path)
    for line in expected {
      let read = try #require(try reader.line(at: line.offset))
      #expect(read.content == line.content)
      #expect(read.end == line.end)
    }
    // A last line without its newline, and an offset past the end, are no line.
    #expect(try reader.line(at: file.count - 4) == nil)
    #expect(try reader.line(at: file.count + 10) == nil)
  }
}
