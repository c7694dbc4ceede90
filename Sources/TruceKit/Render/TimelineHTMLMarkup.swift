/// Builds XHTML-compatible markup: every attribute quoted and escaped, every element closed.
///
/// Text and attribute values always go through ``HTMLEscaping``; only the page's own fixed
/// pieces (its style sheet and script) are added raw.
struct Markup {
  /// The markup so far.
  private(set) var output = ""

  /// Opens an element: `<name a="v">`.
  mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    output += "<\(name)\(Markup.attributes(attributes))>"
  }

  /// Opens an element whose attributes are built up in a list.
  mutating func open(_ name: String, attributes: [(key: String, value: String)]) {
    output += "<\(name)\(Markup.attributes(attributes))>"
  }

  /// Closes an element.
  mutating func close(_ name: String) {
    output += "</\(name)>"
  }

  /// An element with no content, self-closed: only for SVG elements and HTML void elements.
  mutating func empty(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
    output += "<\(name)\(Markup.attributes(attributes))/>"
  }

  /// An element holding escaped text.
  mutating func element(
    _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String
  ) {
    open(name, attributes)
    output += HTMLEscaping.text(text)
    close(name)
  }

  /// Escaped text.
  mutating func text(_ text: String) {
    output += HTMLEscaping.text(text)
  }

  /// Markup written by the page itself, never text from a log.
  mutating func raw(_ markup: String) {
    output += markup
  }

  /// A line break between blocks, to keep the page's source readable.
  mutating func newline() {
    output += "\n"
  }

  private static func attributes<Attributes: Sequence>(_ attributes: Attributes) -> String
  where Attributes.Element == (key: String, value: String) {
    attributes.map { name, value in " \(name)=\"\(HTMLEscaping.attribute(value))\"" }.joined()
  }
}

/// A coordinate for SVG: at most one decimal, no trailing `.0`.
func svgNumber(_ value: Double) -> String {
  let tenths = (value * 10).rounded()
  let whole = Int(tenths) / 10
  let fraction = abs(Int(tenths) % 10)
  let sign = tenths < 0 && whole == 0 ? "-" : ""
  return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
