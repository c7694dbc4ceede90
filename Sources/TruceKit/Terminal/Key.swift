/// A key pressed at a terminal, as ``KeyReader`` decodes it from the bytes the terminal sends.
public enum Key: Hashable, Sendable {
  /// The space bar.
  case space
  /// Enter or return: a carriage return or a line feed.
  case enter
  /// The right arrow (`ESC [ C`, or `ESC O C` in application mode).
  case right
  /// The left arrow (`ESC [ D`, or `ESC O D` in application mode).
  case left
  /// Backspace or delete (`0x7F` or `0x08`).
  case backspace
  /// The escape key on its own.
  case escape
  /// Ctrl-C, which arrives as the byte `0x03` when the terminal does not turn it into a signal.
  case interrupt
  /// Ctrl-D, which arrives as the byte `0x04` when the terminal is not in line mode.
  case endOfInput
  /// A printable ASCII character other than space: `b`, `g`, `q`, a digit of a date.
  case character(Character)
  /// Anything else: another control byte, another escape sequence, a non-ASCII byte.
  case other
}
