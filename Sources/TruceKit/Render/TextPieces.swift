/// Text gathered into pieces of about 64 KB, each handed on when full: for output too large to
/// hold whole (a listing or a replay of a million events), written a piece at a time.
public struct TextPieces {
  /// How many bytes a piece gathers before it is handed on.
  public static let size = 1 << 16

  private var piece = ""
  private let write: (String) -> Void

  /// Gathers text for `write`, which takes each piece in turn.
  public init(write: @escaping (String) -> Void) {
    self.write = write
  }

  /// Adds text; hands the piece on once it holds ``size`` bytes or more.
  public mutating func append(_ text: String) {
    piece += text
    if piece.utf8.count >= TextPieces.size {
      write(piece)
      piece = ""
    }
  }

  /// Hands on what is gathered, if anything.
  public mutating func flush() {
    if !piece.isEmpty { write(piece) }
    piece = ""
  }
}
