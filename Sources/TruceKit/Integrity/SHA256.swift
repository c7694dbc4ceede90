/// An incremental SHA-256 hasher as specified by FIPS 180-4.
///
/// Feed the message in any number of pieces with ``update(_:)`` and call
/// ``finalize()`` once to obtain the digest; splitting the message differently
/// never changes the result. For a message that is already in memory,
/// ``hash(_:)`` does both steps at once.
///
/// The hasher is a value type that never allocates on the heap: the partial
/// block waiting for more input lives inline, and full 64-byte blocks are
/// compressed straight from the caller's contiguous storage.
///
/// ```swift
/// var hasher = SHA256()
/// hasher.update(Array("ab".utf8))
/// hasher.update(Array("c".utf8))
/// hasher.finalize().hex  // "ba7816bf…f20015ad"
/// ```
public struct SHA256: Sendable {
  /// The size in bytes of one block of the compression function.
  static let blockSize = 64

  /// The eight working hash values H0…H7.
  private var state = State.initial

  /// The bytes of the current partial block; only the first `bufferCount` are meaningful.
  private var buffer: Block = (0, 0, 0, 0, 0, 0, 0, 0)

  /// How many bytes of `buffer` hold unprocessed input, always below ``blockSize``.
  private var bufferCount = 0

  /// The total number of message bytes fed so far, modulo 2⁶⁴.
  private var totalBytes: UInt64 = 0

  /// Creates a hasher for an empty message.
  ///
  /// Call ``update(_:)`` to feed the message and ``finalize()`` to obtain its digest.
  public init() {}

  /// Appends bytes to the message being hashed.
  ///
  /// Collections with contiguous storage, such as `[UInt8]`, `ArraySlice<UInt8>`
  /// and `UnsafeRawBufferPointer`, are hashed in place; other collections are
  /// copied through a small stack buffer first.
  ///
  /// - Parameters:
  ///   - bytes: The next bytes of the message, in order.
  public mutating func update(_ bytes: some Collection<UInt8>) {
    let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      update(contiguous: UnsafeRawBufferPointer(buffer))
    }
    if handled != nil { return }

    let chunkSize = 1024
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: chunkSize) { chunk in
      var count = 0
      for byte in bytes {
        chunk[count] = byte
        count += 1
        if count == chunkSize {
          update(contiguous: UnsafeRawBufferPointer(chunk))
          count = 0
        }
      }
      if count > 0 {
        update(contiguous: UnsafeRawBufferPointer(start: chunk.baseAddress, count: count))
      }
    }
  }

  /// Completes the message with the FIPS 180-4 padding and returns its digest.
  ///
  /// The hasher is consumed: to hash a longer message that starts the same way,
  /// copy the hasher before finalizing and keep updating the copy.
  ///
  /// - Returns: The SHA-256 digest of every byte passed to ``update(_:)``.
  public consuming func finalize() -> SHA256Digest {
    let bitLength = totalBytes &* 8
    var state = self.state
    var count = bufferCount
    withUnsafeMutableBytes(of: &buffer) { block in
      block[count] = 0x80
      count += 1
      if count > Self.blockSize - 8 {
        for index in count..<Self.blockSize { block[index] = 0 }
        Self.compress(&state, blocks: UnsafeRawBufferPointer(block))
        count = 0
      }
      for index in count..<(Self.blockSize - 8) { block[index] = 0 }
      block.storeBytes(
        of: bitLength.bigEndian, toByteOffset: Self.blockSize - 8, as: UInt64.self)
      Self.compress(&state, blocks: UnsafeRawBufferPointer(block))
    }
    return SHA256Digest(state: state)
  }

  /// Hashes a whole message at once.
  ///
  /// This is the same as creating a hasher, calling ``update(_:)`` once and
  /// calling ``finalize()``.
  ///
  /// - Parameters:
  ///   - bytes: The complete message.
  /// - Returns: The SHA-256 digest of `bytes`.
  public static func hash(_ bytes: some Collection<UInt8>) -> SHA256Digest {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// Appends bytes held in contiguous memory, compressing every completed block.
  ///
  /// - Parameters:
  ///   - input: The next bytes of the message.
  private mutating func update(contiguous input: UnsafeRawBufferPointer) {
    guard !input.isEmpty else { return }
    totalBytes &+= UInt64(input.count)
    var offset = 0

    if bufferCount > 0 {
      let taken = min(Self.blockSize - bufferCount, input.count)
      let start = bufferCount
      withUnsafeMutableBytes(of: &buffer) { block in
        UnsafeMutableRawBufferPointer(rebasing: block[start..<(start + taken)])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[0..<taken]))
      }
      bufferCount += taken
      offset = taken
      guard bufferCount == Self.blockSize else { return }
      var state = self.state
      withUnsafeBytes(of: &buffer) { block in Self.compress(&state, blocks: block) }
      self.state = state
      bufferCount = 0
    }

    let wholeBlocks = (input.count - offset) / Self.blockSize * Self.blockSize
    if wholeBlocks > 0 {
      Self.compress(
        &state, blocks: UnsafeRawBufferPointer(rebasing: input[offset..<(offset + wholeBlocks)]))
      offset += wholeBlocks
    }

    let rest = input.count - offset
    if rest > 0 {
      withUnsafeMutableBytes(of: &buffer) { block in
        UnsafeMutableRawBufferPointer(rebasing: block[0..<rest])
          .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[offset...]))
      }
      bufferCount = rest
    }
  }

  /// Runs the SHA-256 compression function over consecutive 64-byte blocks.
  ///
  /// - Parameters:
  ///   - state: The hash values to update.
  ///   - blocks: The message blocks; the count must be a multiple of 64.
  private static func compress(_ state: inout State, blocks: UnsafeRawBufferPointer) {
    roundConstants.withUnsafeBufferPointer { k in
      withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
        var offset = 0
        while offset + blockSize <= blocks.count {
          for t in 0..<16 {
            w[t] = UInt32(
              bigEndian: blocks.loadUnaligned(fromByteOffset: offset + 4 * t, as: UInt32.self))
          }
          for t in 16..<64 {
            let w15 = w[t - 15]
            let w2 = w[t - 2]
            let sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
            let sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
            w[t] = w[t - 16] &+ sigma0 &+ w[t - 7] &+ sigma1
          }

          var a = state.h0
          var b = state.h1
          var c = state.h2
          var d = state.h3
          var e = state.h4
          var f = state.h5
          var g = state.h6
          var h = state.h7
          for t in 0..<64 {
            let sum1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
            let choice = (e & f) ^ (~e & g)
            let temp1 = h &+ sum1 &+ choice &+ k[t] &+ w[t]
            let sum0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temp2 = sum0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ temp1
            d = c
            c = b
            b = a
            a = temp1 &+ temp2
          }
          state.h0 &+= a
          state.h1 &+= b
          state.h2 &+= c
          state.h3 &+= d
          state.h4 &+= e
          state.h5 &+= f
          state.h6 &+= g
          state.h7 &+= h
          offset += blockSize
        }
      }
    }
  }

  /// Rotates a word right by a number of bits below 32.
  @inline(__always)
  private static func rotr(_ value: UInt32, _ count: UInt32) -> UInt32 {
    (value &>> count) | (value &<< (32 - count))
  }

  /// The 64 round constants K0…K63: the first 32 bits of the fractional parts
  /// of the cube roots of the first 64 primes.
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4,
    0xab1c_5ed5, 0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe,
    0x9bdc_06a7, 0xc19b_f174, 0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f,
    0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da, 0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7,
    0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967, 0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc,
    0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85, 0xa2bf_e8a1, 0xa81a_664b,
    0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070, 0x19a4_c116,
    0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7,
    0xc671_78f2,
  ]
}

extension SHA256 {
  /// The eight 32-bit words of intermediate hash value.
  struct State: Sendable {
    var h0: UInt32
    var h1: UInt32
    var h2: UInt32
    var h3: UInt32
    var h4: UInt32
    var h5: UInt32
    var h6: UInt32
    var h7: UInt32

    /// The initial hash value H(0): the first 32 bits of the fractional parts
    /// of the square roots of the first eight primes.
    static let initial = State(
      h0: 0x6a09_e667, h1: 0xbb67_ae85, h2: 0x3c6e_f372, h3: 0xa54f_f53a,
      h4: 0x510e_527f, h5: 0x9b05_688c, h6: 0x1f83_d9ab, h7: 0x5be0_cd19)
  }

  /// Sixty-four bytes of inline storage for one partial message block.
  typealias Block = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
}

/// The 32-byte result of hashing a message with SHA-256.
///
/// Digests compare and hash by value, print as 64 lowercase hexadecimal digits
/// and can be parsed back from that form with ``init(hex:)``.
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
  /// Bytes 0–7 of the digest as a big-endian word.
  private let word0: UInt64

  /// Bytes 8–15 of the digest as a big-endian word.
  private let word1: UInt64

  /// Bytes 16–23 of the digest as a big-endian word.
  private let word2: UInt64

  /// Bytes 24–31 of the digest as a big-endian word.
  private let word3: UInt64

  /// Creates a digest from the final hash values H0…H7.
  ///
  /// - Parameters:
  ///   - state: The hash values after the last block.
  init(state: SHA256.State) {
    func pair(_ high: UInt32, _ low: UInt32) -> UInt64 {
      UInt64(high) << 32 | UInt64(low)
    }
    word0 = pair(state.h0, state.h1)
    word1 = pair(state.h2, state.h3)
    word2 = pair(state.h4, state.h5)
    word3 = pair(state.h6, state.h7)
  }

  /// Creates a digest from its hexadecimal spelling.
  ///
  /// Both lowercase and uppercase digits are accepted, but nothing else: no
  /// prefix, separators or surrounding whitespace.
  ///
  /// - Parameters:
  ///   - hex: Exactly 64 hexadecimal digits.
  /// - Returns: `nil` when `hex` has another length or a character that is not
  ///   a hexadecimal digit.
  public init?(hex: String) {
    let utf8 = hex.utf8
    guard utf8.count == 64 else { return nil }
    var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    var index = 0
    for character in utf8 {
      let nibble: UInt8
      switch character {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
      default: return nil
      }
      switch index >> 4 {
      case 0: words.0 = words.0 << 4 | UInt64(nibble)
      case 1: words.1 = words.1 << 4 | UInt64(nibble)
      case 2: words.2 = words.2 << 4 | UInt64(nibble)
      default: words.3 = words.3 << 4 | UInt64(nibble)
      }
      index += 1
    }
    (word0, word1, word2, word3) = words
  }

  /// Creates a digest from 64 lowercase hexadecimal digits (``hex``'s spelling) in UTF-8.
  ///
  /// - Returns: `nil` for any other length or character, uppercase digits included.
  init?(lowercaseHex text: UnsafeRawBufferPointer) {
    guard text.count == 64 else { return nil }
    // Eight digits at a time, without a branch per digit: a million lines' hashes are read
    // this way, and their digits switch between numbers and letters at random.
    var invalid: UInt64 = 0
    func word(_ first: Int) -> UInt64 {
      let high = SHA256Digest.hexDigits(text, first, &invalid)
      let low = SHA256Digest.hexDigits(text, first + 8, &invalid)
      return high << 32 | low
    }
    let words = (word(0), word(16), word(32), word(48))
    guard invalid == 0 else { return nil }
    (word0, word1, word2, word3) = words
  }

  /// The value of the eight lowercase hex digits at `offset`, the first the most significant;
  /// sets bits in `invalid` unless all eight are `0`–`9` or `a`–`f`.
  @inline(__always)
  private static func hexDigits(
    _ text: UnsafeRawBufferPointer, _ offset: Int, _ invalid: inout UInt64
  ) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highBits: UInt64 = 0x8080_8080_8080_8080
    // The first digit in the most significant byte.
    let word = UInt64(bigEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    // With every byte below 0x80, adding a constant below 0x80 to each carries into no
    // neighbour, and a byte's high bit then says whether it reached a bound.
    let atLeastZero = (word &+ ones &* 0x50) & highBits  // ≥ 0x30
    let pastNine = (word &+ ones &* 0x46) & highBits  // ≥ 0x3A
    let atLeastA = (word &+ ones &* 0x1F) & highBits  // ≥ 0x61
    let pastF = (word &+ ones &* 0x19) & highBits  // ≥ 0x67
    let isDigit = atLeastZero & ~pastNine
    let isLetter = atLeastA & ~pastF
    invalid |= (word & highBits) | (~(isDigit | isLetter) & highBits)
    // '0'–'9' keep their low nibble; 'a'–'f' (0x61–0x66) add 9 to theirs.
    var nibbles = (word & (ones &* 0x0F)) &+ (isLetter >> 7) &* 9
    // Gather the eight nibbles, each byte's into one 32-bit value.
    nibbles = (nibbles | nibbles >> 4) & 0x00FF_00FF_00FF_00FF
    nibbles = (nibbles | nibbles >> 8) & 0x0000_FFFF_0000_FFFF
    nibbles = (nibbles | nibbles >> 16) & 0x0000_0000_FFFF_FFFF
    return nibbles
  }

  /// Creates a digest from 64 lowercase hexadecimal digits in UTF-8.
  init?(lowercaseHex text: [UInt8]) {
    guard let digest = text.withUnsafeBytes({ SHA256Digest(lowercaseHex: $0) }) else {
      return nil
    }
    self = digest
  }

  /// Creates a digest from its 32 bytes, in the order ``bytes`` gives them.
  ///
  /// - Returns: `nil` unless there are exactly 32 bytes.
  init?(bytes: [UInt8]) {
    guard bytes.count == 32 else { return nil }
    func word(_ index: Int) -> UInt64 {
      bytes[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
    (word0, word1, word2, word3) = (word(0), word(1), word(2), word(3))
  }

  /// The 32 digest bytes in order.
  ///
  /// This is the byte string FIPS 180-4 defines as the message digest.
  public var bytes: [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(32)
    for word in [word0, word1, word2, word3] {
      for shift in stride(from: 56, through: 0, by: -8) {
        result.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
      }
    }
    return result
  }

  /// The digest as 64 lowercase hexadecimal digits.
  ///
  /// This is the usual spelling printed by `sha256sum` and `shasum -a 256`.
  public var hex: String {
    let digits = Array("0123456789abcdef".utf8)
    var characters: [UInt8] = []
    characters.reserveCapacity(64)
    for byte in bytes {
      characters.append(digits[Int(byte >> 4)])
      characters.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: characters, as: UTF8.self)
  }

  /// The digest as 64 lowercase hexadecimal digits, the same as ``hex``.
  ///
  /// This lets a digest be interpolated into strings and printed directly.
  public var description: String { hex }
}
