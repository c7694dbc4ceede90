#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension EventInput {
  /// The bytes of the file that holds an event, or of standard input for `-`.
  ///
  /// - Throws: ``WriteError/input(_:)`` naming the file and why it cannot be read.
  public static func bytes(ofFile file: String) throws(WriteError) -> [UInt8] {
    do {
      if file == "-" { return try standardInput() }
      return try FileIO.readAll(path: file)
    } catch {
      let reason = error.code == ENOENT ? "no such file" : "permission denied or not a file"
      throw .input("\(file == "-" ? "standard input" : file): cannot read the file: \(reason)")
    }
  }

  /// Everything on standard input, read with `read(2)` (it may be a pipe, which `pread` cannot
  /// read).
  private static func standardInput() throws(FileIOError) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw FileIOError(path: "standard input", operation: "read", code: errno)
      }
      if count == 0 { return bytes }
      bytes.append(contentsOf: chunk[0..<count])
    }
  }
}
