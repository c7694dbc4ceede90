/// The command line cut into values, options and the `--` terminator.
///
/// This follows swift-argument-parser's `SplitArguments`: every input keeps
/// its position, and a single-dash group such as `-vh` yields the whole group
/// (as `-vh`) followed by one element per character (`-v`, `-h`), so that
/// either reading can be matched. Everything after the first `--` is a value.
struct SplitArguments: Sendable {
  /// Where an element came from: its input position, and for the characters of
  /// a single-dash group, the character offset.
  struct Origin: Hashable, Sendable {
    /// The index of the input string.
    var input: Int
    /// The character offset inside a single-dash group, or `nil` for the whole
    /// input.
    var sub: Int?
  }

  /// What an input element is.
  enum Token: Equatable, Sendable {
    /// A plain value (positional or option value).
    case value(String)
    /// An option name, with the value attached by `=` if any.
    case option(OptionName, value: String?)
    /// The `--` marker.
    case terminator
  }

  /// One element of the split command line.
  struct Element: Equatable, Sendable {
    /// What the element is.
    var token: Token
    /// Where the element came from.
    var origin: Origin

    /// Whether the element is a plain value.
    var isValue: Bool {
      if case .value = token { return true }
      return false
    }
  }

  /// The elements still unused, in input order.
  private(set) var elements: [Element] = []
  /// The inputs as given.
  let originalInput: [String]

  /// Splits the inputs.
  ///
  /// - Parameter arguments: The command-line arguments, without the program name.
  /// - Throws: ``ParseFailure/invalidOption(_:)`` for inputs such as `---x`.
  init(_ arguments: [String]) throws(ParseFailure) {
    originalInput = arguments
    var terminated = false
    for (position, argument) in arguments.enumerated() {
      if terminated {
        elements.append(Element(token: .value(argument), origin: Origin(input: position)))
        continue
      }
      let parsed = try Self.elements(of: argument, at: position)
      elements.append(contentsOf: parsed)
      terminated = parsed.first?.token == .terminator
    }
  }

  /// Splits one input, as swift-argument-parser's `parseIndividualArg` does.
  private static func elements(of argument: String, at position: Int) throws(ParseFailure)
    -> [Element]
  {
    let origin = Origin(input: position)
    guard let nonDash = argument.firstIndex(where: { $0 != "-" }) else {
      switch argument.count {
      case 0, 1: return [Element(token: .value(argument), origin: origin)]
      case 2: return [Element(token: .terminator, origin: origin)]
      default: throw .invalidOption(argument)
      }
    }
    let remainder = argument[nonDash...]
    switch argument.distance(from: argument.startIndex, to: nonDash) {
    case 0:
      return [Element(token: .value(argument), origin: origin)]
    case 1:
      return try singleDashElements(remainder, origin: origin)
    case 2:
      let equals = argument.firstIndex(of: "=") ?? argument.endIndex
      let value = argument[equals...].dropFirst()
      let name = OptionName(argument[..<equals])
      let token = Token.option(name, value: value.isEmpty ? nil : String(value))
      return [Element(token: token, origin: origin)]
    default:
      throw .invalidOption(argument)
    }
  }

  /// Splits `-x`, `-x=value`, `-name=value` and groups such as `-vh`.
  private static func singleDashElements(_ remainder: Substring, origin: Origin)
    throws(ParseFailure) -> [Element]
  {
    func name(_ text: Substring) -> OptionName {
      if text.count == 1, let character = text.first { return .short(character) }
      return .longWithSingleDash(String(text))
    }
    if let equals = remainder.firstIndex(of: "=") {
      let base = remainder[..<equals]
      guard !base.isEmpty else { throw .invalidOption(name(remainder).synopsis) }
      let value = String(remainder[remainder.index(after: equals)...])
      return [Element(token: .option(name(base), value: value), origin: origin)]
    }
    guard remainder.count > 1 else {
      return [Element(token: .option(name(remainder), value: nil), origin: origin)]
    }
    var result = [Element(token: .option(name(remainder), value: nil), origin: origin)]
    for (offset, character) in remainder.enumerated() {
      let sub = Origin(input: origin.input, sub: offset)
      result.append(Element(token: .option(.short(character), value: nil), origin: sub))
    }
    return result
  }

  /// The first unused element, if any.
  var first: Element? { elements.first }

  /// Removes and returns the first unused element.
  ///
  /// - Returns: The element, or `nil` when none is left.
  mutating func popFirst() -> Element? {
    guard !elements.isEmpty else { return nil }
    return elements.removeFirst()
  }

  /// Removes and returns the value that follows an option, if the next whole
  /// input after it is a plain value and no `--` comes between.
  ///
  /// - Parameter origin: The origin of the option needing a value.
  /// - Returns: The value's origin and text, or `nil`.
  mutating func popValue(after origin: Origin) -> (Origin, String)? {
    guard
      let index = elements.firstIndex(where: {
        $0.origin.input > origin.input && $0.origin.sub == nil
      }),
      case .value(let value) = elements[index].token
    else { return nil }
    let valueOrigin = elements[index].origin
    elements.remove(at: index)
    return (valueOrigin, value)
  }

  /// Removes the elements at the given origins.
  ///
  /// Removing a whole input also removes its group characters; removing one
  /// character of a group also removes the whole-group element (but not the
  /// other characters), as in swift-argument-parser.
  ///
  /// - Parameter origins: The origins to remove.
  mutating func remove(_ origins: [Origin]) {
    for origin in origins {
      elements.removeAll { element in
        guard element.origin.input == origin.input else { return false }
        return origin.sub == nil || element.origin.sub == nil || element.origin == origin
      }
    }
  }

  /// Whether any unused option element has one of the given names.
  ///
  /// - Parameter names: The names to look for.
  /// - Returns: `true` when one of them was typed.
  func containsOption(_ names: [OptionName]) -> Bool {
    elements.contains { element in
      if case .option(let name, _) = element.token { return names.contains(name) }
      return false
    }
  }
}
