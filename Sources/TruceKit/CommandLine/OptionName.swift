/// One spelling of an option as typed on the command line.
///
/// Mirrors swift-argument-parser's `Name`: `--log` is ``long(_:)``, `-h` is
/// ``short(_:)``, and a single dash followed by several characters (`-log`)
/// is ``longWithSingleDash(_:)``.
enum OptionName: Hashable, Sendable {
  /// A name written with two dashes, such as `--log`.
  case long(String)
  /// A single character written with one dash, such as `-h`.
  case short(Character)
  /// Several characters written with one dash, such as `-log`.
  case longWithSingleDash(String)

  /// Classifies a dash-prefixed base name such as `--log`, `-h` or `-log`.
  ///
  /// - Parameter base: The text up to (not including) any `=`; it starts with
  ///   at least one dash.
  init(_ base: Substring) {
    if base.hasPrefix("--") {
      self = .long(String(base.dropFirst(2)))
    } else if base.count == 2, let character = base.last {
      self = .short(character)
    } else {
      self = .longWithSingleDash(String(base.dropFirst()))
    }
  }

  /// The name as written on the command line, with its dashes.
  var synopsis: String {
    switch self {
    case .long(let name): return "--\(name)"
    case .short(let character): return "-\(character)"
    case .longWithSingleDash(let name): return "-\(name)"
    }
  }

  /// Whether this is a single-character name.
  var isShort: Bool {
    if case .short = self { return true }
    return false
  }
}
