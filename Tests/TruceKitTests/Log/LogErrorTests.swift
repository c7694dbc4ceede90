import Testing

@testable import TruceKit

@Suite("Bad input in a log")
struct LogErrorTests {
  static let good = TestLog.event(
    1, "d", "pause.declared", #""pause":"p","kind":"pause","window":{"start":"2016-11-02"}"#)

  @Test(
    "Each bad line is reported with the file, the line, the field and the problem",
    arguments: [
      (
        #"{"seq":1,"id":"d""#,
        "test.jsonl:2:18: invalid JSON: unexpected end of input, expected ',' or '}' after object member"
      ),
      ("[1,2]", "test.jsonl:2: expected an event object, found array"),
      (
        TestLog.event(1, "d", "pause.invented", ""),
        "test.jsonl:2: field 'type': unknown event type 'pause.invented'; known types: "
          + EventType.allCases.map(\.rawValue).joined(separator: ", ")
      ),
      (
        TestLog.event(1, "d", "pause.declared", #""kind":"pause""#),
        "test.jsonl:2: field 'pause': missing required field"
      ),
      (
        TestLog.event(1, "d", "pause.declared", #""pause":7,"kind":"pause""#),
        "test.jsonl:2: field 'pause': expected a string, found number"
      ),
      (
        TestLog.event(
          1, "d", "pause.declared", #""pause":"p","kind":"pause","window":{"start":"2016-02-30"}"#),
        "test.jsonl:2: field 'window.start': '2016-02-30' is not a date in the calendar"
      ),
      (
        TestLog.event(1, "d", "pause.declared", area: "mars", #""pause":"p","kind":"pause""#),
        "test.jsonl:2: field 'area': area 'mars' is not declared in the header (declared: syria, aleppo, east-aleppo, idlib)"
      ),
      (
        TestLog.event(1, "x", "pause.extended", #""pause":"nope","end":"2016-11-04""#),
        "test.jsonl:2: field 'pause': no pause 'nope' was declared earlier"
      ),
      (
        TestLog.event(
          1, "d", "pause.declared",
          #""pause":"p","kind":"pause","window":{"start":"2016-11-04","end":"2016-11-02"}"#),
        "test.jsonl:2: field 'window.end': ends (2016-11-02) before it starts (2016-11-04)"
      ),
      (
        TestLog.event(1, "d", "pause.declared", #""pause":"p","kind":"truce""#),
        "test.jsonl:2: field 'kind': 'truce' is not one of: pause, humanitarian-pause, air-strike-halt, ceasefire, bombardment-reduction"
      ),
      (
        TestLog.event(1, "d", "pause.declared", #""pause":"p","kind":"pause","colour":"red""#),
        "test.jsonl:2: field 'colour': unknown field (not part of this event type)"
      ),
      (
        TestLog.event(2, "d", "pause.declared", #""pause":"p","kind":"pause""#),
        "test.jsonl:2: field 'seq': sequence number 2 out of order: expected 1"
      ),
      (
        TestLog.event(
          1, "d", "pause.declared",
          #""pause":"p","kind":"pause","window":{"start":"2016-10-27T23:30"}"#),
        "test.jsonl:2: field 'window.start': local time '2016-10-27T23:30' happened twice in Asia/Damascus "
          + "(clocks went back): it is either 2016-10-27T20:30Z or 2016-10-27T21:30Z; give an offset"
      ),
      (
        TestLog.event(1, "d", "statement", extra: #""disputes":["ghost"]"#, #""kind":"claim""#),
        "test.jsonl:2: field 'disputes[0]': no earlier event has id 'ghost'"
      ),
      ("", "test.jsonl:2: empty line (every line must hold one event)"),
    ])
  func badLine(line: String, message: String) {
    #expect(TestLog.error([line])?.description == message)
  }

  @Test("A duplicate id is rejected at its second use")
  func duplicateID() {
    let second = TestLog.event(2, "d", "statement", #""kind":"claim""#)
    #expect(
      TestLog.error([LogErrorTests.good, second])?.description
        == "test.jsonl:3: field 'id': id 'd' is already used by an earlier event")
  }

  @Test("An unknown zone in the header is rejected")
  func unknownZone() {
    let header =
      #"{"format":"truce-event-log","version":1,"areas":[{"id":"x","name":"X","zone":"Mars/Olympus"}]}"#
    #expect(
      TestLog.error([], header: header)?.description
        == "test.jsonl:1: field 'areas[0].zone': 'Mars/Olympus' is not a zone in the tz database")
  }

  @Test("A header of another format or version is rejected")
  func wrongHeader() {
    #expect(
      TestLog.error([], header: #"{"format":"truce-event-log","version":2,"areas":[]}"#)?
        .description
        == "test.jsonl:1: field 'version': unsupported log format: version 2; this tool reads version 1"
    )
    #expect(TestLog.error([], header: #"{"hello":1}"#)?.problem == .missingHeader)
  }

  @Test("A last line without its newline is a torn write: an error when verifying or writing")
  func tornLine() {
    let text = TestLog.header + "\n" + LogErrorTests.good
    for options in [ReadOptions.verifying, .writing] {
      #expect(throws: LogError(file: "t", line: 2, problem: .tornLastLine)) {
        try EventLog.parse(Array(text.utf8), file: "t", options: options)
      }
    }
  }

  @Test("Reading sets a torn last line aside and answers from the complete events")
  func tornLineWhenReading() throws {
    let second = TestLog.event(2, "s", "statement", #""kind":"claim""#)
    let text = TestLog.header + "\n" + LogErrorTests.good + "\n" + second.dropLast(7)
    let log = try EventLog.parse(Array(text.utf8), file: "t")
    #expect(log.events.map(\.id) == ["d"])
    #expect(log.torn?.line == 3)
    #expect(log.torn?.bytes.count == second.utf8.count - 7)
  }

  @Test("Invalid UTF-8 is reported with its line")
  func invalidUTF8() {
    var bytes = Array((TestLog.header + "\n").utf8)
    bytes += Array(#"{"seq":1,"id":""#.utf8) + [0xFF] + Array("\"}\n".utf8)
    #expect(throws: LogError(file: "t", line: 2, column: 16, problem: .invalidUTF8)) {
      try EventLog.parse(bytes, file: "t")
    }
  }

  @Test("A missing file is an error naming it")
  func missingFile() {
    #expect(
      throws: LogError(file: "/no/such.jsonl", line: nil, problem: .unreadable("no such file"))
    ) {
      try EventLog.read(path: "/no/such.jsonl")
    }
  }
}

@Suite("Bad input that contradicts the log so far")
struct LogConsistencyErrorTests {
  static let pause = TestLog.event(
    1, "d", "pause.declared", #""pause":"p","kind":"pause","window":{"start":"2016-11-02T09:00"}"#)
  static let corridor = TestLog.event(
    2, "c", "corridor.opened",
    #""corridor":"cs","pause":"p","users":["civilians"],"window":{"start":"2016-11-03T09:00"}"#)

  @Test(
    "Events that contradict what came before are rejected with the field at fault",
    arguments: [
      (
        TestLog.event(3, "x", "corridor.closed", #""corridor":"cs","at":"2016-11-02T10:00""#),
        "test.jsonl:4: field 'at': 2016-11-02T10:00 is before the corridors opened"
      ),
      (
        TestLog.event(3, "x", "pause.resumed", #""pause":"p","at":"2016-11-05T10:00""#),
        "test.jsonl:4: field 'pause': pause 'p' is not suspended"
      ),
      (
        TestLog.event(3, "x", "pause.suspended", #""pause":"p","at":"2016-11-01T10:00""#),
        "test.jsonl:4: field 'at': 2016-11-01T10:00 is before pause 'p' began"
      ),
      (
        TestLog.event(
          3, "x", "corridor.opened",
          #""corridor":"c2","pause":"p","users":["civilians"],"window":{"end":"2016-11-01"}"#
        ),
        "test.jsonl:4: field 'window.end': 2016-11-01 is before pause 'p' began"
      ),
      (
        TestLog.event(3, "x", "statement", extra: #""disputes":["x"]"#, #""kind":"claim""#),
        "test.jsonl:4: field 'disputes[0]': an event cannot refer to itself"
      ),
    ])
  func contradiction(line: String, message: String) {
    #expect(TestLog.error([Self.pause, Self.corridor, line])?.description == message)
  }

  @Test("A resumption before its suspension is rejected")
  func resumedBeforeSuspended() {
    let suspended = TestLog.event(
      3, "s", "pause.suspended", #""pause":"p","at":"2016-11-04T10:00""#)
    let resumed = TestLog.event(4, "r", "pause.resumed", #""pause":"p","at":"2016-11-03T10:00""#)
    #expect(
      TestLog.error([Self.pause, Self.corridor, suspended, resumed])?.description
        == "test.jsonl:5: field 'at': 2016-11-03T10:00 is before the suspension began")
  }

  @Test("A correction of a correction is rejected: correct the original again")
  func correctionOfCorrection() {
    let erratum = TestLog.event(3, "e", "correction.erratum", #""corrects":"d","void":true"#)
    let retraction = TestLog.event(4, "r", "correction.retraction", #""retracts":"e""#)
    #expect(
      TestLog.error([Self.pause, Self.corridor, erratum, retraction])?.description
        == "test.jsonl:5: field 'retracts': 'e' is itself a correction; correct the original event again instead"
    )
  }
}
