/// Where a report comes from: the article, as it names itself.
///
/// Only what the article gives is filled in; a publication or headline it does not print stays
/// empty rather than guessed.
///
/// The fields are kept in one shared box, so an ``Event`` holds a single reference for its
/// source (sources repeat across thousands of events); changing a field replaces the box.
public struct Source: Hashable, Sendable {
  /// The fields, shared between copies.
  private final class Fields: Hashable, Sendable {
    let publication: String?
    let headline: String?
    let seed: String?
    let quote: String?
    let url: String?

    init(
      publication: String?, headline: String?, seed: String?, quote: String?, url: String?
    ) {
      self.publication = publication
      self.headline = headline
      self.seed = seed
      self.quote = quote
      self.url = url
    }

    static func == (lhs: Fields, rhs: Fields) -> Bool {
      lhs === rhs
        || (lhs.publication == rhs.publication && lhs.headline == rhs.headline
          && lhs.seed == rhs.seed && lhs.quote == rhs.quote && lhs.url == rhs.url)
    }

    func hash(into hasher: inout Hasher) {
      hasher.combine(publication)
      hasher.combine(headline)
      hasher.combine(seed)
      hasher.combine(quote)
      hasher.combine(url)
    }

    func with(
      publication: String?? = nil, headline: String?? = nil, seed: String?? = nil,
      quote: String?? = nil, url: String?? = nil
    ) -> Fields {
      Fields(
        publication: publication ?? self.publication, headline: headline ?? self.headline,
        seed: seed ?? self.seed, quote: quote ?? self.quote, url: url ?? self.url)
    }
  }

  private var fields: Fields

  /// The publication or agency as the article names it ("TRTWorld and agencies", "AFP").
  public var publication: String? {
    get { fields.publication }
    set { fields = fields.with(publication: .some(newValue)) }
  }
  /// The headline as printed.
  public var headline: String? {
    get { fields.headline }
    set { fields = fields.with(headline: .some(newValue)) }
  }
  /// The file name of the article in the seed collection, for the bundled history.
  public var seed: String? {
    get { fields.seed }
    set { fields = fields.with(seed: .some(newValue)) }
  }
  /// A short verbatim quote from the article that carries the report.
  public var quote: String? {
    get { fields.quote }
    set { fields = fields.with(quote: .some(newValue)) }
  }
  /// A web address, when one is known.
  public var url: String? {
    get { fields.url }
    set { fields = fields.with(url: .some(newValue)) }
  }

  /// Creates a source.
  public init(
    publication: String? = nil, headline: String? = nil, seed: String? = nil,
    quote: String? = nil, url: String? = nil
  ) {
    fields = Fields(
      publication: publication, headline: headline, seed: seed, quote: quote, url: url)
  }

  /// A short label for citing: the seed file, else the publication, else the headline.
  public var citation: String {
    if let seed { return seed.split(separator: "_").first.map(String.init) ?? seed }
    return publication ?? headline ?? url ?? "unnamed source"
  }
}
