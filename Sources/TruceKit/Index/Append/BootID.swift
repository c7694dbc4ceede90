/// The identity of the running system boot, which changes at every restart (Linux's
/// `/proc/sys/kernel/random/boot_id`).
///
/// The index is updated in place without waiting for the disk: a process that dies mid-update
/// leaves the change in the page cache, where the "updating" mark shows it, and only a crash of
/// the whole system can lose part of an update. The index records the boot it was last written
/// in, and an index written in another boot is rebuilt rather than trusted.
enum BootID {
  /// This boot's id (16 bytes), or `nil` where the system does not give one; the index is then
  /// made durable at every update instead.
  static let current: [UInt8]? = {
    guard let text = try? FileIO.readAll(path: "/proc/sys/kernel/random/boot_id") else {
      return nil
    }
    var bytes: [UInt8] = []
    var high: UInt8?
    for character in text {
      let nibble: UInt8
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
      default: continue
      }
      if let first = high {
        bytes.append(first << 4 | nibble)
        high = nil
      } else {
        high = nibble
      }
    }
    return bytes.count == 16 ? bytes : nil
  }()
}
