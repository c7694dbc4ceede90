extension String {
  /// Calls `body` with the string's UTF-8 bytes, read where they are.
  ///
  /// `withUTF8` needs a mutable string, and making a copy to call it retains the storage of a
  /// string held elsewhere (and releases it after): a name hashed in a table lookup paid that
  /// every time. The view's contiguous storage is read without a copy; a string not stored as
  /// UTF-8 (bridged) is copied as before.
  @inline(__always)
  func withUTF8Bytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
      return result
    }
    var copy = self
    return copy.withUTF8 { body(UnsafeRawBufferPointer($0)) }
  }
}
