/// Where a report comes from: the article, as it names itself.
///
/// Only what the article gives is filled in; a publication or headline it does not print stays
/// empty rather than guessed.
public struct Source: Hashable, Sendable {
  /// The publication or agency as the article names it ("TRTWorld and agencies", "AFP").
  public var publication: String?
  /// The headline as printed.
  public var headline: String?
  /// The file name of the article in the seed collection, for the bundled history.
  public var seed: String?
  /// A short verbatim quote from the article that carries the report.
  public var quote: String?
  /// A web address, when one is known.
  public var url: String?

  /// Creates a source.
  public init(
    publication: String? = nil, headline: String? = nil, seed: String? = nil,
    quote: String? = nil, url: String? = nil
  ) {
    self.publication = publication
    self.headline = headline
    self.seed = seed
    self.quote = quote
    self.url = url
  }

  /// A short label for citing: the seed file, else the publication, else the headline.
  public var citation: String {
    if let seed { return seed.split(separator: "_").first.map(String.init) ?? seed }
    return publication ?? headline ?? url ?? "unnamed source"
  }
}
