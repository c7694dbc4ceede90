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
      if file == "-" {
        return try FileIO.readStream(descriptor: STDIN_FILENO, path: "standard input")
      }
      return try FileIO.readAll(path: file)
    } catch {
      let reason = error.code == ENOENT ? "no such file" : "permission denied or not a file"
      throw .input("\(file == "-" ? "standard input" : file): cannot read the file: \(reason)")
    }
  }
}
