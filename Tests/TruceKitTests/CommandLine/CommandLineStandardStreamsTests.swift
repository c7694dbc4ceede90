import Testing

@testable import TruceKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing through file descriptors, including to a pipe nobody reads.
@Suite("Standard streams")
struct CommandLineStandardStreamsTests {
  @Test("Text written to a pipe arrives whole")
  func writesEverything() throws {
    var descriptors: [Int32] = [0, 0]
    try #require(pipe(&descriptors) == 0)
    defer { close(descriptors[0]) }
    try StandardStreams.write("päuse\n", to: descriptors[1])
    close(descriptors[1])
    var buffer = [UInt8](repeating: 0, count: 64)
    let count = read(descriptors[0], &buffer, buffer.count)
    #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == "päuse\n")
  }

  @Test("Writing to a pipe whose reader is gone reports a broken pipe")
  func brokenPipe() throws {
    StandardStreams.ignoreBrokenPipeSignal()
    var descriptors: [Int32] = [0, 0]
    try #require(pipe(&descriptors) == 0)
    close(descriptors[0])
    defer { close(descriptors[1]) }
    #expect(throws: StreamWriteError.brokenPipe) {
      try StandardStreams.write("lost\n", to: descriptors[1])
    }
  }

  @Test("The terminal width is positive")
  func terminalWidth() {
    #expect(StandardStreams.terminalWidth > 0)
  }
}
