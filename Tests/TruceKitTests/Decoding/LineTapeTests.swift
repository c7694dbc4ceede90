import Foundation
import Testing

@testable import TruceKit

/// The fast decoder's tokenizer against the reference JSON parser: the same lines accepted, and
/// the same lines rejected, for the same reason (bad UTF-8 or bad JSON) at the same column.
@Suite("The line tape accepts and rejects what the JSON parser does")
struct LineTapeTests {
  @Test(
    "Hand-picked lines are judged alike",
    arguments: [
      #"{"a":1}"#, #"{"a":1,"a":2}"#, #"{"a":{"b":[1,2,{"c":null}]}}"#, #"{"a":"\u00e9"}"#,
      #"{"\u0061":1,"a":2}"#, #"{"e\u0301":1,"é":2}"#, #"{"a":"\ud800"}"#, #"{"a":"\ud83d\ude00"}"#,
      #"{"a":01}"#, #"{"a":-}"#, #"{"a":1.}"#, #"{"a":1e}"#, #"{"a":tru}"#, #"{"a":nul}"#,
      #"{"a":1} x"#, #"{"a" 1}"#, #"{,}"#, #"{"a":[1,]}"#, #"[1 2]"#, "", " ", "\"x",
      #"{"a":"\x"}"#,
      "{\"a\":\"\u{01}\"}", #"{"a":"\u12G4"}"#, #"{}"#, #"[]"#, #"[[[[]]]]"#, "1", "\"s\"",
      String(repeating: "[", count: 64) + String(repeating: "]", count: 64),
      String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
    ])
  func handPicked(_ line: String) {
    #expect(Self.verdicts(Array(line.utf8)) == nil)
  }

  @Test("Lines of a generated log with bytes changed, cut or repeated are judged alike")
  func mutatedLines() throws {
    let lines = try Self.generatedLines(seed: 4)
    var random = SplitMix64(seed: 2024)
    var disagreements: [String] = []
    let interesting: [UInt8] =
      Array(#"{}[]",:\"0-.eE+tfnu"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xFF]
    for round in 0..<20_000 {
      var line = lines[round % lines.count]
      for _ in 0..<(1 + round % 3) {
        let position = Int(random.next() % UInt64(line.count))
        switch random.next() % 4 {
        case 0: line[position] = interesting[Int(random.next() % UInt64(interesting.count))]
        case 1: line.remove(at: position)
        case 2: line.insert(line[position], at: position)
        default: line = Array(line.prefix(position))
        }
        if line.isEmpty { line = [UInt8(ascii: "{")] }
      }
      if let disagreement = Self.verdicts(line) {
        disagreements.append("\(String(decoding: line, as: UTF8.self)): \(disagreement)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5).joined(separator: "\n"))")
  }

  @Test(
    "A string with one special byte anywhere in it is judged and read alike",
    arguments: [
      [0x22], [0x5C, 0x22], [0x5C, 0x5C], [0x5C, 0x6E], [0x5C, 0x75, 0x30, 0x30, 0x65, 0x39],
      [0x5C, 0x78], [0x00], [0x1F], [0x20], [0x7F], [0x80], [0xC3, 0xA9], [0xC3],
      [0xE2, 0x80, 0xA8],
      [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0x21], [0x23], [0x5B], [0x5D],
    ] as [[UInt8]])
  func specialByteAcrossWords(_ special: [UInt8]) {
    var disagreements: [String] = []
    for before in 0..<20 {
      for after in [0, 1, 3, 7, 8, 9, 16] {
        let content =
          Array(repeating: UInt8(ascii: "a"), count: before) + special
          + Array(repeating: UInt8(ascii: "b"), count: after)
        let line = Array(#"{"k":""#.utf8) + content + Array(#"","n":1}"#.utf8)
        if let disagreement = Self.verdicts(line) ?? Self.values(line) {
          disagreements.append("\(before) before, \(after) after: \(disagreement)")
        }
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(5).joined(separator: "\n"))")
  }

  @Test(
    "The top-level object's table of known keys finds what passing its members finds",
    arguments: [
      #"{"id":"a","window":{"start":"2016-11-01","end":null},"at":"x","recorded":{"at":"y","by":"z"}}"#,
      #"{"window":{"start":"2016-11-01"},"source":{"publication":"AFP"}}"#,
      #"{"\u0069d":"escaped","type":"t","zzz":1,"set":{"id":"inner"}}"#,
      #"{"a":{"b":{"id":1,"seq":2}},"seq":3}"#, #"{}"#, #"{"unknown":{"id":1}}"#,
    ])
  func rootKeyTable(_ line: String) throws {
    var tape = LineTape()
    // A line that fails midway first: the table must not keep what it found.
    Array(#"{"id":"x","seq":1,"type":"#.utf8).withUnsafeBytes { bytes in
      _ = #expect(throws: TapeSyntaxError.self) { try tape.tokenize(bytes) }
    }
    try Array(line.utf8).withUnsafeBytes { bytes in
      try tape.tokenize(bytes)
      let scanner = TapeScanner(bytes: bytes)
      let present = tape.rootKeysPresent
      let entries = tape.entries
      let byTable = TapeFields(
        entries: entries, scanner: scanner, object: 0,
        keys: TapeFields.KnownKeys(entries: tape.rootKeys, present: present))
      let byMembers = TapeFields(entries: entries, scanner: scanner, object: 0)
      for raw in 0..<UInt8(64) {
        guard let name = FieldName(rawValue: raw) else { continue }
        #expect(byTable.find(name) == byMembers.find(name), "\(name.key)")
      }
    }
  }

  @Test("A tape that has learned a log's keys reads every line, mutated or not, as a new tape does")
  func learnedKeys() throws {
    let lines = try Self.generatedLines(seed: 9)
    // Keys that match a learned one only in part, or spell it otherwise, and repeated keys.
    let tricky = [
      #"{"seq":1,"seq":2}"#, #"{"seq" :1,"id":"x"}"#, #"{"s\u0065q":1,"seq":2}"#,
      #"{"seqx":1,"id":"x"}"#, #"{"se"#, #"{"seq":"#, #"{"seq":1,"id""#,
      #"{"recorded":{"at":"x","at":"y"}}"#, #"{"recorded":[{"at":1},{"at":2,"by":3}]}"#,
      #"{"seq":{"seq":{"id":1}},"id":2}"#, #"{"id":1,"seq":2,"id":3}"#,
    ].map { Array($0.utf8) }
    let replacements = Array(#"":, {}\es"#.utf8)
    var learned = LineTape()
    var random = SplitMix64(seed: 77)
    var disagreements: [String] = []
    for round in 0..<12_000 {
      var line = round % 5 == 4 ? tricky[round / 5 % tricky.count] : lines[round % lines.count]
      if round % 3 == 0 {
        let position = Int(random.next() % UInt64(line.count))
        switch random.next() % 3 {
        case 0: line[position] = replacements[Int(random.next() % UInt64(replacements.count))]
        case 1: line.remove(at: position)
        default: line.insert(line[position], at: position)
        }
      }
      var fresh = LineTape()
      let byLearned = Self.reading(line, with: &learned)
      let byFresh = Self.reading(line, with: &fresh)
      if byLearned != byFresh {
        disagreements.append(
          "\(String(decoding: line, as: UTF8.self)):\n  learned \(byLearned)\n  fresh \(byFresh)")
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.prefix(3).joined(separator: "\n"))")
  }

  /// The lines of a generated log of 400 events in 6 areas.
  static func generatedLines(seed: UInt64) throws -> [[UInt8]] {
    let scratch = try GeneratorScratch()
    defer { scratch.remove() }
    _ = try HistoryGenerator(events: 400, areas: 6, seed: seed).write(to: scratch.log)
    return try FileIO.readAll(path: scratch.log).split(separator: UInt8(ascii: "\n"))
      .map(Array.init)
  }

  /// What `tape` makes of `line`: every entry and the top-level keys found, or its error.
  static func reading(_ line: [UInt8], with tape: inout LineTape) -> String {
    line.withUnsafeBytes { bytes in
      do throws(TapeSyntaxError) {
        try tape.tokenize(bytes)
      } catch {
        return "error at \(error.offset): \(error.message)"
      }
      let entries = tape.entries.map {
        "\($0.kind) \($0.escaped) \($0.start) \($0.end) \($0.next) \($0.count) \($0.name)"
      }
      let keys = (0..<64).filter { tape.rootKeysPresent & (1 << UInt64($0)) != 0 }.map {
        "\($0)@\(tape.rootKeys[$0])"
      }
      return entries.joined(separator: "; ") + " | " + keys.joined(separator: " ")
    }
  }

  /// `nil` when the tape and the parser read a line's string values alike (or both reject it);
  /// otherwise the values each reads.
  static func values(_ line: [UInt8]) -> String? {
    guard case .object(let object)? = try? JSONParser.parse(line) else { return nil }
    var tape = LineTape()
    let tapeStrings = line.withUnsafeBytes { bytes -> [String]? in
      guard (try? tape.tokenize(bytes)) != nil else { return nil }
      let scanner = TapeScanner(bytes: bytes)
      return tape.entries.filter { $0.kind == .string }.map {
        scanner.text($0.start, $0.end, escaped: $0.escaped)
      }
    }
    let parserStrings = object.entries.flatMap { member -> [String] in
      if case .string(let value) = member.value { return [member.key, value] }
      return [member.key]
    }
    return tapeStrings == parserStrings ? nil : "tape \(tapeStrings ?? []), parser \(parserStrings)"
  }

  /// `nil` when the tape and the parser agree on a line; otherwise how they differ.
  static func verdicts(_ line: [UInt8]) -> String? {
    var tape = LineTape()
    let tapeError = line.withUnsafeBytes { bytes -> (utf8: Bool, column: Int)? in
      do throws(TapeSyntaxError) {
        try tape.tokenize(bytes)
        return nil
      } catch {
        return (error.isInvalidUTF8, error.column(in: bytes))
      }
    }
    var parserError: (utf8: Bool, column: Int)?
    do { _ = try JSONParser.parse(line) } catch {
      if case .invalidUTF8 = error.reason {
        parserError = (true, error.column)
      } else {
        parserError = (false, error.column)
      }
    }
    switch (tapeError, parserError) {
    case (nil, nil): return nil
    case (let tape?, let parser?):
      if tape.utf8 == parser.utf8 && tape.column == parser.column { return nil }
      return
        "tape: utf8 \(tape.utf8) column \(tape.column); parser: utf8 \(parser.utf8) column \(parser.column)"
    case (.none, .some): return "the tape accepts what the parser rejects"
    case (.some, .none): return "the tape rejects what the parser accepts"
    }
  }
}
