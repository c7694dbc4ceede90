import Foundation
import Testing

@testable import TruceKit

@Suite("Reading an event from a file")
struct EventInputFileTests {
  @Test("A file's bytes are read whole, whatever their size")
  func wholeFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "truce-event-\(UUID().uuidString).json"
    ).path
    defer { try? FileManager.default.removeItem(atPath: path) }
    for size in [0, 1, 63, 64, 65, 70_000] {
      let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 * 7) }
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      #expect(try EventInput.bytes(ofFile: path) == bytes)
    }
  }

  @Test("A missing file and a folder are named, with the reason")
  func unreadable() {
    #expect(throws: WriteError.input("/no/such/event.json: cannot read the file: no such file")) {
      try EventInput.bytes(ofFile: "/no/such/event.json")
    }
    let folder = FileManager.default.temporaryDirectory.path
    #expect(
      throws: WriteError.input("\(folder): cannot read the file: permission denied or not a file")
    ) { try EventInput.bytes(ofFile: folder) }
  }
}
