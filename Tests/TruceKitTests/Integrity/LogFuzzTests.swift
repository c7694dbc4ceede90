import Foundation
import Testing

@testable import TruceKit

/// Feeds the log reader thousands of damaged lines after a valid prefix.
///
/// Each damaged line must either still be a valid event (the mutation happened to keep it
/// valid) or be rejected with a ``LogError`` on that very line, whose message starts with the
/// file name and which names the field when the problem is one of a field. A crash fails the
/// run; a hang trips the time limit. The same line without its newline must come back as a torn
/// tail.
///
/// The generator is seeded from `TRUCE_FUZZ_SEED` (decimal, or hexadecimal after `0x`) when it
/// is set, else from a fixed seed; the seed is printed first so that a failure can be replayed.
/// `TRUCE_FUZZ_LINES` raises the number of mutated event lines for a longer run, and
/// `TRUCE_FUZZ_TRACE=1` prints every mutated line before it is read, to find the input that
/// crashed a run.
@Suite("Fuzzing the log reader")
struct LogFuzzTests {
  /// The file name given to the reader, which every error must start with.
  static let file = "fuzz.jsonl"

  /// Events that declare what the mutated lines refer to: a pause, an offensive and a corridor
  /// group. Kept short: every mutated line costs two reads of them.
  static let prefixEvents: [String] = [
    TestLog.event(
      1, "pd-1", "pause.declared", announced: "2016-11-02",
      #""pause":"p1","kind":"humanitarian-pause","#
        + #""window":{"start":"2016-11-04T09:00","end":"2016-11-04T19:00"}"#),
    TestLog.event(
      2, "ol-1", "offensive.launched", announced: "2016-09-22",
      #""offensive":"o1","at":"2016-09-22","parties":["Syrian military"]"#),
    TestLog.event(
      3, "co-1", "corridor.opened", announced: "2016-11-02", area: "east-aleppo",
      #""corridor":"c1","pause":"p1","count":2,"users":["civilians"]"#),
  ]

  /// The valid last lines that are mutated, one of each kind of event worth damaging.
  static let baseLines: [(type: String, line: String)] = [
    (
      "pause.extended",
      TestLog.event(
        4, "pe-2", "pause.extended", announced: "2016-11-04",
        #""pause":"p1","end":"2016-11-06T19:00""#)
    ),
    (
      "corridor.opened",
      TestLog.event(
        4, "co-2", "corridor.opened", announced: "2016-11-03", area: "east-aleppo",
        #""corridor":"c2","pause":"p1","count":3,"users":["civilians","sick-and-wounded"],"#
          + #""route":"Castello Road","#
          + #""window":{"start":"2016-11-04T09:00","end":"2016-11-04T19:00"},"#
          + #""dailyHours":{"from":"09:00","to":"19:00"}"#)
    ),
    (
      "statement",
      TestLog.event(
        4, "st-1", "statement", announced: "2016-11-04", extra: #""disputes":["co-1"]"#,
        #""kind":"claim","about":["p1","c1","o1"]"#)
    ),
    (
      "correction.erratum",
      TestLog.event(
        4, "er-1", "correction.erratum", announced: "2016-11-05",
        extra: #""note":"the end was GMT""#,
        #""corrects":"pd-1","set":{"window":{"end":"2016-11-05T19:00Z"}}"#)
    ),
    (
      "violation.reported",
      TestLog.event(
        4, "vr-1", "violation.reported", announced: "2016-11-04", area: "east-aleppo",
        #""pause":"p1","offensive":"o1","at":"2016-11-04T11:00","by":["unidentified gunmen"]"#)
    ),
    (
      "offensive.scaled-back",
      TestLog.event(
        4, "os-1", "offensive.scaled-back", announced: "2016-10-05",
        #""offensive":"o1","at":"2016-10-05""#)
    ),
    (
      "proposal",
      TestLog.event(
        4, "pr-2", "proposal", announced: "2016-10-07",
        #""proposal":"call-1","kind":"call","terms":["aid deliveries"],"parties":["France"]"#)
    ),
    (
      "pause.declared",
      TestLog.event(
        4, "pd-2", "pause.declared", announced: "2016-11-08",
        #""pause":"p2","kind":"ceasefire","scope":"air strikes","#
          + #""window":{"start":"2016-11-10T09:00","end":"2016-11-12T19:00"},"#
          + #""dailyHours":{"from":"08:00","to":"20:00"},"conditions":["fighters leave"],"#
          + #""parties":["Russia"],"unilateral":true"#)
    ),
  ]

  /// The prefix's events, one per line, each ended by a newline: built once.
  static let eventBytes: [UInt8] = Array(prefixEvents.map { $0 + "\n" }.joined().utf8)

  /// The header and the prefix's events: built once.
  static let prefixBytes: [UInt8] = Array((TestLog.header + "\n").utf8) + eventBytes

  /// The number of the mutated line: after the header and the prefix's events.
  static let mutatedLine = prefixEvents.count + 2

  /// How many mutated event lines to try, unless `TRUCE_FUZZ_LINES` says otherwise.
  static let defaultLineCount = 12_000

  /// The event lines are fuzzed in this many chunks at once, each with its own generator: a
  /// fixed number, so that a seed gives the same lines on any machine.
  static let chunkCount = 4

  /// How many mutated headers to try.
  static let headerCount = 1_200

  @Test("Every base line is accepted unchanged after the prefix", .timeLimit(.minutes(2)))
  func baseLinesAreAccepted() throws {
    for base in Self.baseLines {
      let log = try EventLog.parse(
        Self.prefixBytes + Array(base.line.utf8) + [newline], file: Self.file)
      #expect(log.events.count == Self.prefixEvents.count + 1, "\(base.type)")
      #expect(log.events.last?.type.rawValue == base.type)
      // The fuzzer mutates the line as re-serialized from its parsed form: that must parse too.
      let reserialized = try Shape(json: base.line).serialized()
      let again = try EventLog.parse(Self.prefixBytes + reserialized + [newline], file: Self.file)
      #expect(again.events.count == Self.prefixEvents.count + 1, "\(base.type)")
    }
  }

  @Test(
    "Mutated event lines are accepted, or rejected naming their line and field, never a crash",
    .timeLimit(.minutes(6)))
  func mutatedEventLines() async throws {
    let seed = try fuzzSeed()
    print("fuzz seed: \(seed) (replay with TRUCE_FUZZ_SEED=\(seed))")
    let lineCount = try fuzzLineCount()
    let trace = ProcessInfo.processInfo.environment["TRUCE_FUZZ_TRACE"] == "1"
    var bases: [Shape] = []
    for base in Self.baseLines {
      let bytes = Self.prefixBytes + Array(base.line.utf8) + [newline]
      _ = try EventLog.parse(bytes, file: Self.file)
      bases.append(try Shape(json: base.line))
    }
    // Each chunk draws from its own generator, seeded from the first draws of the seed's.
    var master = SplitMix64(seed: seed)
    let chunks = (0..<Self.chunkCount).map { chunk in
      let start = lineCount * chunk / Self.chunkCount
      return Chunk(
        seed: seed, chunkSeed: master.next(),
        lines: start..<(lineCount * (chunk + 1) / Self.chunkCount))
    }
    let frozenBases = bases
    let tally = await withTaskGroup(of: Tally.self) { group in
      for chunk in chunks {
        group.addTask { Self.fuzzEventLines(chunk, bases: frozenBases, trace: trace) }
      }
      var total = Tally()
      for await part in group { total.merge(part) }
      return total
    }
    print(tally.summary(label: "fuzz"))
    #expect(tally.total >= 10_000)
    #expect(tally.failures == 0)
  }

  /// Mutates and reads the lines of one chunk.
  private static func fuzzEventLines(_ chunk: Chunk, bases: [Shape], trace: Bool) -> Tally {
    var random = SplitMix64(seed: chunk.chunkSeed)
    var tally = Tally()
    for index in chunk.lines {
      let baseIndex = index % bases.count
      var mutations: [Mutation] = []
      for _ in 0..<random.element(of: [1, 1, 1, 2, 2, 3]) {
        mutations.append(random.element(of: Mutation.allCases))
      }
      let mutated = Mutation.apply(mutations, to: bases[baseIndex], using: &random)
      let context = Context(
        seed: chunk.seed, index: index, base: baseLines[baseIndex].type, mutations: mutations,
        bytes: mutated)
      if trace { print("fuzz case \(context)") }
      tally.record(check(prefixBytes + mutated + [newline], line: mutatedLine, mutated), context)
      if let torn = checkTorn(prefixBytes + mutated, mutated) { tally.fail(torn, context) }
    }
    return tally
  }

  @Test(
    "Mutated zones in the header are accepted, or rejected on line 1, never a crash",
    .timeLimit(.minutes(2)))
  func mutatedHeaderZones() throws {
    let seed = try fuzzSeed()
    print("fuzz seed: \(seed) (replay with TRUCE_FUZZ_SEED=\(seed))")
    var random = SplitMix64(seed: seed ^ 0x4845_4144_4552)  // "HEADER": apart from the events
    let trace = ProcessInfo.processInfo.environment["TRUCE_FUZZ_TRACE"] == "1"
    let header = try Shape(json: TestLog.header)
    let areas = header.sites().filter { $0.key == "zone" }.map { $0.path.dropLast() }
    try #require(areas.count == 4)
    var tally = Tally()
    for index in 0..<Self.headerCount {
      let area = random.element(of: areas)
      var mutations: [Mutation] = []
      for _ in 0..<random.element(of: [1, 1, 2]) {
        mutations.append(random.element(of: Mutation.zoneCases))
      }
      var shape = header
      for mutation in mutations {
        // The zone is found again each time: an earlier mutation may have moved or removed it.
        let zone = shape.sites().first { $0.key == "zone" && $0.path.dropLast() == area }
        guard let zone else { break }
        mutation.applyToZone(at: zone, in: &shape, using: &random)
      }
      let mutated = shape.serialized()
      let context = Context(
        seed: seed, index: index, base: "header", mutations: mutations, bytes: mutated)
      if trace { print("fuzz case \(context)") }
      tally.record(
        Self.check(mutated + [newline] + Self.eventBytes, line: 1, mutated), context)
      // A header without its newline is a log cut short before its first event.
      do {
        _ = try EventLog.parse(mutated, file: Self.file)
        tally.fail("a header without its newline was accepted", context)
      } catch {
        if error.problem != .tornLastLine || error.line != 1 {
          tally.fail("a header without its newline gave \(error)", context)
        }
      }
    }
    print(tally.summary(label: "fuzz (header zones)"))
    #expect(tally.total == Self.headerCount)
    #expect(tally.failures == 0)
  }

  /// Parses a whole log whose line `line` (of bytes `mutated`) was mutated, and checks the
  /// outcome: accepted whole, or a ``LogError`` on that line that names the file, the column
  /// for JSON problems and the field for field problems.
  private static func check(_ log: [UInt8], line: Int, _ mutated: [UInt8]) -> Outcome {
    if let disagreement = DecoderComparison.disagreement(log, file: file) {
      return .failed("the fast and reference decoders disagree: \(disagreement)")
    }
    let parsed: EventLog
    do {
      parsed = try EventLog.parse(log, file: file)
    } catch {
      var faults: [String] = []
      if error.line != line { faults.append("on line \(String(describing: error.line))") }
      let description = error.description
      if description.isEmpty || !description.hasPrefix("\(file):\(line):") {
        faults.append("its description does not start with '\(file):\(line):'")
      }
      if error.field == nil && needsField(error.problem) {
        faults.append("it names no field")
      }
      switch error.problem {
      case .syntax, .invalidUTF8:
        if !(1...(mutated.count + 1)).contains(error.column ?? 0) {
          faults.append("its column \(String(describing: error.column)) is off the line")
        }
      default:
        if error.column != nil { faults.append("it has a column but is not about JSON syntax") }
      }
      if faults.isEmpty { return .rejected(problemName(error.problem)) }
      return .failed("rejected \(faults.joined(separator: ", ")): \(description)")
    }
    let expected = line == 1 ? prefixEvents.count : prefixEvents.count + 1
    guard parsed.events.count == expected, parsed.torn == nil else {
      return .failed(
        "accepted with \(parsed.events.count) events (expected \(expected)) and torn tail "
          + "\(parsed.torn.map { "on line \($0.line)" } ?? "none")")
    }
    return .accepted
  }

  /// Parses the prefix followed by a mutated line with no newline, and checks that the line is
  /// set aside as a torn tail; returns what went wrong, if anything.
  private static func checkTorn(_ log: [UInt8], _ mutated: [UInt8]) -> String? {
    do {
      let parsed = try EventLog.parse(log, file: file, options: .reading)
      guard let torn = parsed.torn else { return "without its newline: no torn tail" }
      // Compared as `Data`, whose equality is fast even in a debug build.
      guard torn.line == mutatedLine, Data(torn.bytes) == Data(mutated),
        torn.offset == prefixBytes.count, parsed.events.count == prefixEvents.count
      else {
        return "without its newline: torn tail on line \(torn.line) at \(torn.offset), "
          + "\(torn.bytes.count) bytes, after \(parsed.events.count) events"
      }
      return nil
    } catch {
      return "without its newline: \(error)"
    }
  }

  /// Whether a problem is one of a field, so that the error must name the field.
  ///
  /// A line that is JSON but not an object is wrong as a whole (`expected an event object`):
  /// there is no field to name.
  private static func needsField(_ problem: LogProblem) -> Bool {
    switch problem {
    case .wrongType(let expected, _): return expected != "an event object"
    case .missingField, .unknownField, .invalidValue, .unknownReference, .time: return true
    default: return false
    }
  }

  /// A short name for a problem, for the counts.
  private static func problemName(_ problem: LogProblem) -> String {
    switch problem {
    case .unreadable: return "unreadable"
    case .missingHeader: return "missingHeader"
    case .unsupportedFormat: return "unsupportedFormat"
    case .syntax: return "syntax"
    case .invalidUTF8: return "invalidUTF8"
    case .emptyLine: return "emptyLine"
    case .tornLastLine: return "tornLastLine"
    case .missingField: return "missingField"
    case .wrongType: return "wrongType"
    case .unknownField: return "unknownField"
    case .invalidValue: return "invalidValue"
    case .unknownType: return "unknownType"
    case .unknownReference: return "unknownReference"
    case .duplicateID: return "duplicateID"
    case .outOfSequence: return "outOfSequence"
    case .time: return "time"
    case .brokenChain: return "brokenChain"
    }
  }

  /// The seed: `TRUCE_FUZZ_SEED` (decimal or `0x` hexadecimal) if set, else a fixed one.
  private func fuzzSeed() throws -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment["TRUCE_FUZZ_SEED"], !text.isEmpty else {
      return 0x7472_7563_6520_2016
    }
    let lowered = text.lowercased()
    let parsed =
      lowered.hasPrefix("0x") ? UInt64(lowered.dropFirst(2), radix: 16) : UInt64(lowered)
    return try #require(parsed, "TRUCE_FUZZ_SEED must be a 64-bit number, not '\(text)'")
  }

  /// The number of mutated event lines: `TRUCE_FUZZ_LINES` if set and larger, else the default.
  private func fuzzLineCount() throws -> Int {
    guard let text = ProcessInfo.processInfo.environment["TRUCE_FUZZ_LINES"], !text.isEmpty else {
      return Self.defaultLineCount
    }
    let count = try #require(Int(text), "TRUCE_FUZZ_LINES must be a number, not '\(text)'")
    return max(count, Self.defaultLineCount)
  }
}

/// The line feed that ends every line.
private let newline = UInt8(ascii: "\n")

/// How one mutated line fared.
private enum Outcome {
  /// The mutation kept the line valid.
  case accepted
  /// Rejected as it should be, with this problem.
  case rejected(String)
  /// Something the reader must not do; the message says what.
  case failed(String)
}

/// A share of the mutated event lines, fuzzed concurrently with the others.
private struct Chunk {
  /// The run's seed, to report.
  var seed: UInt64
  /// The seed of this chunk's generator.
  var chunkSeed: UInt64
  /// The numbers of the cases in this chunk.
  var lines: Range<Int>
}

/// What produced a mutated line, to report a failure.
private struct Context: CustomStringConvertible {
  var seed: UInt64
  var index: Int
  var base: String
  var mutations: [Mutation]
  var bytes: [UInt8]

  var description: String {
    "#\(index) (seed \(seed)) of the \(base) line after "
      + mutations.map(\.rawValue).joined(separator: ", ") + ": " + render(bytes)
  }
}

/// Shows bytes as text with non-ASCII and control bytes escaped, shortened past 600 bytes.
private func render(_ bytes: [UInt8]) -> String {
  var text = ""
  for byte in bytes.prefix(600) {
    if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") {
      text.unicodeScalars.append(Unicode.Scalar(byte))
    } else {
      text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
    }
  }
  if bytes.count > 600 { text += "… (\(bytes.count) bytes in all)" }
  return text
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}

/// The counts of a fuzz run, and its failures.
private struct Tally {
  var total = 0
  var accepted = 0
  var rejected = 0
  var failures = 0
  var byProblem: [String: Int] = [:]

  /// The most failures recorded as issues; later ones are only counted.
  static let reportedFailures = 20

  /// Counts an outcome, recording an issue for a failure.
  mutating func record(_ outcome: Outcome, _ context: Context) {
    total += 1
    switch outcome {
    case .accepted: accepted += 1
    case .rejected(let problem):
      rejected += 1
      byProblem[problem, default: 0] += 1
    case .failed(let message): fail(message, context)
    }
  }

  /// Adds the counts of another run.
  mutating func merge(_ other: Tally) {
    total += other.total
    accepted += other.accepted
    rejected += other.rejected
    failures += other.failures
    byProblem.merge(other.byProblem, uniquingKeysWith: +)
  }

  /// Records a failure as an issue (up to a limit) and counts it.
  mutating func fail(_ message: String, _ context: Context) {
    failures += 1
    if failures <= Self.reportedFailures { Issue.record("\(message)\n  input \(context)") }
  }

  /// The line printed at the end of a run.
  func summary(label: String) -> String {
    let problems = byProblem.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
      .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    return "\(label): \(total) mutated lines, \(accepted) accepted, \(rejected) rejected with line "
      + "and field; by problem: \(problems)"
      + (failures > 0 ? "; \(failures) FAILED" : "")
  }
}

/// A JSON value as text, with objects and arrays opened up so that mutations reach every field.
private enum Shape {
  /// A string, number or literal, or whatever a mutation wrote, kept as its bytes.
  case text([UInt8])
  /// An object's members in order, each key as the bytes between its quotes.
  case object([(key: [UInt8], value: Shape)])
  /// An array's elements in order.
  case array([Shape])

  /// The shape of a JSON text.
  init(json: String) throws {
    self.init(try JSONParser.parse(json))
  }

  /// The shape of a parsed value.
  init(_ value: JSONValue) {
    switch value {
    case .object(let object):
      self = .object(object.map { (key: Array($0.key.utf8), value: Shape($0.value)) })
    case .array(let elements): self = .array(elements.map(Shape.init))
    default: self = .text(Array(value.serialized().utf8))
    }
  }

  /// The JSON text, compact.
  func serialized() -> [UInt8] {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return bytes
  }

  /// Appends the JSON text to `bytes`.
  func write(into bytes: inout [UInt8]) {
    switch self {
    case .text(let text): bytes += text
    case .object(let members):
      bytes.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes += member.key
        bytes += Array(#"":"#.utf8)
        member.value.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "}"))
    case .array(let elements):
      bytes.append(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        element.write(into: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
    }
  }

  /// Every member and element, at every depth, in document order.
  func sites(under path: [Int] = []) -> [Site] {
    var sites: [Site] = []
    switch self {
    case .text: break
    case .object(let members):
      for (index, member) in members.enumerated() {
        let site = Site(
          path: path + [index], key: String(decoding: member.key, as: UTF8.self),
          value: member.value)
        sites.append(site)
        sites += member.value.sites(under: site.path)
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        sites.append(Site(path: path + [index], key: nil, value: element))
        sites += element.sites(under: path + [index])
      }
    }
    return sites
  }

  /// Changes the value at `path` (child indices from here) in place.
  mutating func modify(_ path: ArraySlice<Int>, _ change: (inout Shape) -> Void) {
    guard let first = path.first else {
      change(&self)
      return
    }
    switch self {
    case .text: return
    case .object(var members):
      guard members.indices.contains(first) else { return }
      members[first].value.modify(path.dropFirst(), change)
      self = .object(members)
    case .array(var elements):
      guard elements.indices.contains(first) else { return }
      elements[first].modify(path.dropFirst(), change)
      self = .array(elements)
    }
  }

  /// Whether the value is a string.
  var isString: Bool {
    if case .text(let text) = self, text.first == UInt8(ascii: "\"") { return true }
    return false
  }

  /// Whether the value is an object.
  var isObject: Bool {
    if case .object = self { return true }
    return false
  }
}

/// A member or element a mutation can reach.
private struct Site {
  /// Child indices from the root.
  var path: [Int]
  /// The member's key, or `nil` for an array element.
  var key: String?
  /// The value there.
  var value: Shape
}

/// One way of damaging a line.
private enum Mutation: String, CaseIterable {
  /// Sets random bytes to random values.
  case flipBytes
  /// Deletes a random range, or cuts the line short.
  case deleteRange
  /// Inserts random bytes or JSON tokens.
  case insertBytes
  /// Replaces a value with a number, array, object, null, Boolean or string.
  case wrongType
  /// Wraps a value in many arrays or objects.
  case nestValue
  /// Wraps the whole line in many arrays or objects, up to 100,000 levels.
  case nestLine
  /// Replaces `seq`, `count` or another value with a huge, negative or fractional number.
  case hugeNumber
  /// Replaces a time (or daily hour) with one that is invalid, ambiguous or random.
  case badTime
  /// Replaces a value with an invalid or odd zone name.
  case badZone
  /// Inserts an invalid (or valid multi-byte) UTF-8 sequence into a string or key.
  case invalidUTF8
  /// Replaces a string with one holding odd or invalid escapes.
  case badEscape
  /// Repeats a member of an object.
  case duplicateKey
  /// Removes a member or element.
  case removeKey
  /// Adds a member with a key the format does not define, or an odd one.
  case unknownKey

  /// The mutations that work on the serialized bytes, after all the others.
  var isByteLevel: Bool {
    [.flipBytes, .deleteRange, .insertBytes, .nestLine].contains(self)
  }

  /// The mutations of the header batch, each aimed at one area's zone.
  static let zoneCases: [Mutation] = [
    .badZone, .badZone, .badZone, .wrongType, .nestValue, .invalidUTF8, .badEscape, .duplicateKey,
    .removeKey,
  ]

  /// Applies `mutations` to `base`: those on the structure first, then those on bytes.
  static func apply(
    _ mutations: [Mutation], to base: Shape, using random: inout SplitMix64
  ) -> [UInt8] {
    var shape = base
    for mutation in mutations where !mutation.isByteLevel {
      mutation.applyToShape(&shape, using: &random)
    }
    var bytes = shape.serialized()
    for mutation in mutations where mutation.isByteLevel {
      mutation.applyToBytes(&bytes, using: &random)
    }
    return bytes
  }

  /// Applies a structural mutation somewhere in `shape`.
  func applyToShape(_ shape: inout Shape, using random: inout SplitMix64) {
    let sites = shape.sites()
    guard !sites.isEmpty else { return }
    let site: Site
    switch self {
    case .hugeNumber:
      let numbers = sites.filter { $0.key == "seq" || $0.key == "count" }
      site = random.element(of: numbers.isEmpty || random.chance(1, in: 4) ? sites : numbers)
    case .badTime:
      let times = sites.filter { Fodder.timeKeys.contains($0.key ?? "") && $0.value.isString }
      site = random.element(of: times.isEmpty ? sites : times)
    case .invalidUTF8, .badEscape:
      let strings = sites.filter { $0.value.isString }
      site = random.element(of: strings.isEmpty ? sites : strings)
    case .duplicateKey, .removeKey:
      let members = sites.filter { $0.key != nil }
      site = random.element(of: members.isEmpty ? sites : members)
    case .unknownKey:
      // The member is added beside a random member (so in any object, at any depth).
      let members = sites.filter { $0.key != nil }
      site = random.element(of: members.isEmpty ? sites : members)
    default: site = random.element(of: sites)
    }
    mutate(at: site, in: &shape, using: &random)
  }

  /// Applies a structural mutation to the zone member at `site` of a header.
  func applyToZone(at site: Site, in shape: inout Shape, using random: inout SplitMix64) {
    mutate(at: site, in: &shape, using: &random)
  }

  /// Applies a structural mutation at `site`.
  private func mutate(at site: Site, in shape: inout Shape, using random: inout SplitMix64) {
    let path = site.path[...]
    switch self {
    case .wrongType:
      shape.modify(path) { $0 = .text(Array(random.element(of: Fodder.wrongValues).utf8)) }
    case .nestValue:
      let depth = random.element(of: [1, 2, 3, 63, 64, 65, 1_000, 4_000])
      shape.modify(path) { value in
        value = .text(nest(value.serialized(), depth: depth, using: &random))
      }
    case .hugeNumber:
      shape.modify(path) { $0 = .text(Array(random.element(of: Fodder.numbers).utf8)) }
    case .badTime:
      let time =
        site.key == "from" || site.key == "to"
        ? random.element(of: Fodder.hours)
        : random.chance(1, in: 2) ? random.element(of: Fodder.times) : randomTime(using: &random)
      shape.modify(path) { $0 = .text(quoted(time)) }
    case .badZone:
      shape.modify(path) { $0 = .text(quoted(random.element(of: Fodder.zones))) }
    case .invalidUTF8:
      let sequence = random.element(of: Fodder.utf8Sequences)
      if site.value.isString && random.chance(3, in: 4) {
        shape.modify(path) { value in
          guard case .text(var text) = value else { return }
          text.insert(contentsOf: sequence, at: random.int(in: 1...(text.count - 1)))
          value = .text(text)
        }
      } else if site.key != nil {
        shape.modify(path.dropLast()) { parent in
          guard case .object(var members) = parent, let last = path.last else { return }
          members[last].key.insert(
            contentsOf: sequence, at: random.int(in: 0...members[last].key.count))
          parent = .object(members)
        }
      }
    case .badEscape:
      shape.modify(path) { $0 = .text(Array(random.element(of: Fodder.escapes).utf8)) }
    case .duplicateKey:
      guard let key = site.key, let index = path.last else { return }
      let value =
        random.chance(1, in: 2)
        ? site.value
        : .text(Array(random.element(of: Fodder.wrongValues + Fodder.zoneValues).utf8))
      // Sometimes the same key spelled with an escape, which decodes to the same key.
      let spelling =
        random.chance(1, in: 4) && !key.isEmpty ? escapedFirstLetter(key) : Array(key.utf8)
      shape.modify(path.dropLast()) { parent in
        guard case .object(var members) = parent else { return }
        let at =
          random.chance(1, in: 2)
          ? min(index + 1, members.count) : random.int(in: 0...members.count)
        members.insert((key: spelling, value: value), at: at)
        parent = .object(members)
      }
    case .removeKey:
      guard let index = path.last else { return }
      shape.modify(path.dropLast()) { parent in
        switch parent {
        case .object(var members):
          guard members.indices.contains(index) else { return }
          members.remove(at: index)
          parent = .object(members)
        case .array(var elements):
          guard elements.indices.contains(index) else { return }
          elements.remove(at: index)
          parent = .array(elements)
        case .text: return
        }
      }
    case .unknownKey:
      let key = Array(random.element(of: Fodder.unknownKeys).utf8)
      let value = Array(random.element(of: Fodder.wrongValues + Fodder.zoneValues).utf8)
      let target = random.chance(1, in: 2) ? path.dropLast() : path
      shape.modify(target) { object in
        guard case .object(var members) = object else { return }
        members.insert((key: key, value: .text(value)), at: random.int(in: 0...members.count))
        object = .object(members)
      }
    case .flipBytes, .deleteRange, .insertBytes, .nestLine: return
    }
  }

  /// Applies a mutation to the serialized line; never adds a newline, never empties the line.
  func applyToBytes(_ bytes: inout [UInt8], using random: inout SplitMix64) {
    switch self {
    case .flipBytes:
      guard !bytes.isEmpty else { return }
      for _ in 0..<random.int(in: 1...4) {
        bytes[random.int(in: 0...(bytes.count - 1))] = random.byteOtherThanNewline()
      }
    case .deleteRange:
      guard bytes.count > 1 else { return }
      // Keep one byte at least: an empty line is another test's business.
      let start = random.int(in: 0...(bytes.count - 1))
      let longest = min(bytes.count - 1, bytes.count - start)
      let limit = random.element(of: [1, 4, 16, 64, longest])
      let length = max(1, min(longest, random.int(in: 1...max(1, limit))))
      bytes.removeSubrange(start..<(start + length))
    case .insertBytes:
      let inserted: [UInt8]
      if random.chance(1, in: 2) {
        inserted = Array(random.element(of: Fodder.tokens).utf8)
      } else {
        inserted = (0..<random.int(in: 1...8)).map { _ in random.byteOtherThanNewline() }
      }
      bytes.insert(contentsOf: inserted, at: random.int(in: 0...bytes.count))
    case .nestLine:
      // 100,000 levels now and then: such lines are slow to handle in a debug build.
      let depth =
        random.chance(1, in: 32)
        ? deepest : random.element(of: [1, 2, 63, 64, 65, 1_000, 5_000, 10_000])
      bytes = nest(bytes, depth: depth, using: &random)
    default: return
    }
  }
}

/// The deepest nesting a mutation builds.
private let deepest = 100_000

/// The openings and closings of `deepest` arrays and of `deepest` objects, built once: slices
/// of them are copied whole, which is fast even in a debug build.
private let nesting = (
  arrays: (
    open: Array(String(repeating: "[", count: deepest).utf8),
    close: Array(String(repeating: "]", count: deepest).utf8)
  ),
  objects: (
    open: Array(String(repeating: #"{"a":"#, count: deepest).utf8),
    close: Array(String(repeating: "}", count: deepest).utf8)
  )
)

/// `bytes` inside `depth` arrays or objects (at most ``deepest``); sometimes left unclosed.
private func nest(_ bytes: [UInt8], depth: Int, using random: inout SplitMix64) -> [UInt8] {
  let depth = min(depth, deepest)
  let inObjects = random.chance(1, in: 3)
  let (open, close) = inObjects ? nesting.objects : nesting.arrays
  var nested = Array(open[0..<(depth * (inObjects ? 5 : 1))])
  nested += bytes
  if random.chance(7, in: 8) { nested += close[0..<depth] }
  return nested
}

/// A string as a JSON string literal's bytes (the fodder needs no escaping).
private func quoted(_ text: String) -> [UInt8] {
  Array("\"\(text)\"".utf8)
}

/// A key with its first letter written as a `\u` escape, which decodes to the same key.
private func escapedFirstLetter(_ key: String) -> [UInt8] {
  guard let first = key.unicodeScalars.first, first.isASCII else { return Array(key.utf8) }
  let hex = String(first.value, radix: 16).leftPadded(to: 4)
  return Array("\\u\(hex)\(key.unicodeScalars.dropFirst())".utf8)
}

/// A time-like text made of random parts: years at the calendar's edges, months 00–13, days
/// 00–32, hours to 25, odd offsets, weeks and ranges.
private func randomTime(using random: inout SplitMix64) -> String {
  /// A two-digit number drawn from `range`.
  func two(_ range: ClosedRange<Int>) -> String {
    String(random.int(in: range)).leftPadded(to: 2)
  }
  /// A date, week, month or time, without a range.
  func single() -> String {
    let year = random.element(of: ["0000", "0001", "1969", "1970", "2016", "2038", "9999"])
    switch random.int(in: 0...5) {
    case 0: return "\(year)-W\(two(0...54))"
    case 1: return "\(year)-\(two(0...13))"
    case 2: return "\(year)-\(two(0...13))-\(two(0...32))"
    default:
      var text = "\(year)-\(two(0...13))-\(two(0...32))T\(two(0...25)):\(two(0...61))"
      if random.chance(1, in: 4) { text += ":\(two(0...61))" }
      switch random.int(in: 0...2) {
      case 0: text += "Z"
      case 1: text += "\(random.element(of: ["+", "-"]))\(two(0...15)):\(two(0...61))"
      default: break
      }
      return text
    }
  }
  switch random.int(in: 0...5) {
  case 0: return "\(single())/\(single())"
  case 1: return "../\(single())"
  case 2: return "\(single())/.."
  default: return single()
  }
}

/// The values mutations write.
private enum Fodder {
  /// Keys whose values are times or times of day.
  static let timeKeys: Set<String> = ["announced", "reported", "at", "start", "end", "from", "to"]

  /// Values of every JSON type, as JSON text.
  static let wrongValues = [
    "0", "7", "-1", "3.25", "[]", "[1]", #"["p1"]"#, "[[]]", "{}", #"{"a":1}"#,
    #"{"start":"2016-11-04"}"#, "null", "true", "false", #""""#, #""x""#, #"" ""#,
  ]

  /// Numbers: huge, negative, fractional, and some that are not JSON at all.
  static let numbers = [
    "1e400", "-1e400", "1e-400", "1234567890123456789012345678901234567890",
    "-1234567890123456789012345678901234567890", "-0", "0", "-1", "1.5", "6.0", "6e0", "60e-1",
    "1E+2", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "-9223372036854775809", "10000", "10001", "0.0", "01", "+6", ".5", "6.", "1e", "-", "NaN",
    "Infinity", "0x10",
  ]

  /// Times that are not in the calendar, not a time of day, ambiguous or skipped in
  /// Asia/Damascus, malformed, or valid but odd.
  static let times = [
    "2016-02-30", "2016-13-01", "2016-00-10", "2016-11-31", "2015-02-29", "2016-11-04T24:00",
    "2016-11-04T09:60", "2016-11-04T09:00:60", "2016-10-27T23:30", "2016-10-27T23:00",
    "2016-03-25T00:30", "2016-11-04T09:00+15:00", "2016-11-04T09:00+14:60", "2016-11-04T09:00z",
    "2016-11-04T09:00-00:00", "2016-11-04 09:00", "2016-11-04T09", "2016-11-04T", "2016-W53",
    "2016-W00", "2015-W53", "0000-01-01", "0001-01-01T00:00", "9999-12-31T23:59",
    "9999-12-31T23:59:59Z", "2016-11-04/2016-11-02", "2016-11-04T10:00Z/2016-11-04T09:00Z",
    "../..", "../", "/", "..", "2016-11/..", "2016-1-4", "16-11-04", "-2016-11-04",
    "2016-11-04/2016-11-05/2016-11-06", "\u{FF12}016-11-04", "2016-11-04T09:00:00.5Z",
  ]

  /// Times of day for `dailyHours`.
  static let hours = ["24:00", "24:01", "09:60", "9:00", "00:00", "19:00", "08:00", "", "25:00"]

  /// Zone names: unknown, misspelt, offsets, paths, and a few valid ones.
  static let zones = [
    "", " ", "Asia/Damascus ", " Asia/Damascus", "asia/damascus", "ASIA/DAMASCUS",
    "Asia/Damascus/", "Asia//Damascus", "Asia/Aleppo", "Mars/Olympus_Mons", "Damascus",
    "GMT+0500", "GMT+3", "UTC+3", "+03:00", "EET", "EEST", "Etc/Unknown", "Etc/GMT+99",
    "Etc/GMT-15", "Etc/", "Etc", "Etc/../Asia/Damascus", "Etc/../../../../etc/passwd",
    "../../../../etc/passwd", "/usr/share/zoneinfo/Asia/Damascus", "Asia/Damascus\\u0000",
    "Asia/Dama\\u0073cus", "Asia\\/Damascus", String(repeating: "A", count: 300), "localtime",
    "posixrules", "Factory", "right/Asia/Damascus", "posix/Asia/Damascus", "SystemV/AST4",
    "US/Pacific-New", "UTC", "Etc/GMT-3", "Europe/Istanbul", "Asia/Beirut",
  ]

  /// Zone names as JSON strings, for values of other fields.
  static let zoneValues = ["\"Asia/Damascus\"", "\"Mars/Olympus_Mons\""]

  /// Byte sequences that are not UTF-8, and a few that are.
  static let utf8Sequences: [[UInt8]] = [
    [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0x80], [0xBF], [0x80, 0x80], [0xE2, 0x82],
    [0xE2], [0xC3], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
    [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
    [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],
    [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0xEF, 0xBB, 0xBF],
  ]

  /// JSON strings with odd or invalid escapes, and raw control characters.
  static let escapes = [
    #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, #""\ud800\ud800""#, #""\uDBFF\uDFFF""#,
    #""\u0000""#, #""\uD83D\uDE00""#, #""\u00e9""#, #""\x41""#, #""\u12G4""#, #""\u12""#,
    #""\""#, "\"a\tb\"", "\"a\u{1}b\"", #""\/""#, #""\\""#, #""p\u0031""#, #""pe-\u0031""#,
  ]

  /// Keys the format does not define, optional keys that may or may not fit, and odd ones.
  static let unknownKeys = [
    "colour", "Seq", "SEQ", "seq ", " seq", "", "prev", "note", "disputes", "sameAnnouncementAs",
    "void", "set", "window", "dailyHours", "count", "__proto__", "s\\u0065q", "typ\\u0065",
    "a\\u0000b", "\\ud800", "caf\u{E9}", "e\u{301}", String(repeating: "k", count: 300),
  ]

  /// Tokens inserted at random places.
  static let tokens = [
    "{", "}", "[", "]", "\"", "\\", ",", ":", "\\u", "\\ud800", "null", "-", "0", "1e", ".", "\t",
    "\r", " ", "\u{0}", #""x":1,"#, "//", "/*", "\u{FEFF}", ",,", "}{", "\"\":",
  ]
}
