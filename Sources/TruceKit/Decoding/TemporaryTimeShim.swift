// TEMPORARY: replaced by the helper's TimeTextScanner.swift and ZoneResolver.swift.
enum TimeTextScanner {
  static func parse(_ bytes: UnsafeRawBufferPointer) throws(TimeSpecError) -> TimeSpec {
    try TimeSpec(parsing: String(decoding: bytes, as: UTF8.self))
  }
}
struct ZoneResolver {
  mutating func resolve(_ spec: TimeSpec, in zone: Zone?) throws(TimeSpecError) -> UncertainInstant
  {
    try spec.resolved(in: zone)
  }
}
