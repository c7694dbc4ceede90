import Testing

@testable import TruceKit

@Suite("Reading compiled tz database files (TZif)")
struct TZifFileTests {
  /// A TZif file: a version 1 part, then (for version 2+) a 64-bit part and a footer.
  static func file(
    version: UInt8 = UInt8(ascii: "2"), transitions: [Int64], typeIndices: [UInt8],
    offsets: [Int32], footer: String? = "<+03>-3"
  ) -> [UInt8] {
    func header(_ timeCount: Int) -> [UInt8] {
      var bytes = Array("TZif".utf8) + [version] + Array(repeating: 0, count: 15)
      let abbreviations = 4
      for count in [0, 0, 0, timeCount, offsets.count, abbreviations] {
        bytes += withUnsafeBytes(of: UInt32(count).bigEndian, Array.init)
      }
      return bytes
    }
    func data(timeSize: Int) -> [UInt8] {
      var bytes: [UInt8] = []
      for time in transitions {
        bytes +=
          timeSize == 8
          ? withUnsafeBytes(of: time.bigEndian, Array.init)
          : withUnsafeBytes(of: Int32(truncatingIfNeeded: time).bigEndian, Array.init)
      }
      bytes += typeIndices
      for offset in offsets { bytes += withUnsafeBytes(of: offset.bigEndian, Array.init) + [0, 0] }
      return bytes + Array("ABC\0".utf8)
    }
    var bytes = header(transitions.count) + data(timeSize: 4)
    guard version != 0 else { return bytes }
    bytes += header(transitions.count) + data(timeSize: 8)
    return bytes + [UInt8(ascii: "\n")] + Array((footer ?? "").utf8) + [UInt8(ascii: "\n")]
  }

  @Test("A version 2 file gives its 64-bit changes, the offset before them and its footer")
  func versionTwo() throws {
    let bytes = Self.file(
      transitions: [-5_000_000_000, 1_477_602_000], typeIndices: [1, 2],
      offsets: [8_712, 10_800, 7_200])
    let file = try TZifFile(bytes)
    #expect(file.transitions == [-5_000_000_000, 1_477_602_000])
    #expect(file.offsets == [10_800, 7_200])
    #expect(file.initialOffset == 8_712)
    #expect(file.footer == "<+03>-3")
  }

  @Test("A version 1 file is read from its 32-bit part and has no footer")
  func versionOne() throws {
    let bytes = Self.file(
      version: 0, transitions: [0, 1_000_000], typeIndices: [1, 0], offsets: [3600, 7200])
    let file = try TZifFile(bytes)
    #expect(file.transitions == [0, 1_000_000])
    #expect(file.offsets == [7200, 3600])
    #expect(file.footer == nil)
  }

  @Test("An empty footer reads as none")
  func emptyFooter() throws {
    let bytes = Self.file(transitions: [], typeIndices: [], offsets: [0], footer: nil)
    #expect(try TZifFile(bytes).footer == nil)
  }

  @Test(
    "Malformed files are refused with the reason",
    arguments: [
      (Array("TZjf".utf8) + Array(repeating: 0, count: 60), TZifError.notTZif),
      (
        Array(
          TZifFileTests.file(transitions: [10, 20], typeIndices: [0, 0], offsets: [0]).prefix(50)),
        .truncated
      ),
      (
        TZifFileTests.file(transitions: [20, 10], typeIndices: [0, 0], offsets: [0]),
        .malformed("changes out of order")
      ),
      (
        TZifFileTests.file(transitions: [10], typeIndices: [3], offsets: [0]),
        .malformed("a change names no local time type")
      ),
      (
        TZifFileTests.file(
          version: UInt8(ascii: "9"), transitions: [], typeIndices: [], offsets: [0]),
        .malformed("unknown version byte 57")
      ),
    ])
  func malformed(bytes: [UInt8], expected: TZifError) {
    #expect(throws: expected) { try TZifFile(bytes) }
  }

  @Test("Every zone of the bundled and generated histories reads from the system's database")
  func systemFiles() throws {
    for name in ZoneAgreementTests.zoneIdentifiers {
      let bytes = try FileIO.readAll(path: ZoneDatabase.directory + "/" + name)
      let file = try TZifFile(bytes)
      #expect(file.transitions.count == file.offsets.count)
      #expect(file.footer != nil, "\(name)")
    }
  }
}
