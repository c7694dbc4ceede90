/// A time as the source gave it, together with the instants it may name in its area's zone.
public struct Stamp: Hashable, Sendable, CustomStringConvertible {
  /// The time as written.
  public var spec: TimeSpec {
    get { written.spec }
    set { written = WrittenTime(newValue) }
  }
  /// The instants the time may name.
  public var range: UncertainInstant
  /// The spec, in 8 bytes rather than 32 (``WrittenTime``).
  private(set) var written: WrittenTime

  /// Pairs a written time with its resolution.
  public init(spec: TimeSpec, range: UncertainInstant) {
    written = WrittenTime(spec)
    self.range = range
  }

  /// Resolves a written time in a zone.
  ///
  /// - Throws: ``TimeSpecError`` when the time cannot be placed (see
  ///   ``TimeSpec/resolved(in:)``).
  public init(_ spec: TimeSpec, in zone: Zone?) throws(TimeSpecError) {
    self.init(spec: spec, range: try spec.resolved(in: zone))
  }

  public var description: String { spec.description }
}
