import Foundation
import Testing

@testable import TruceKit

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an XML parse of the page found: errors, rows, and the embedded data's text.
private final class PageReader: NSObject, XMLParserDelegate {
  var error: Error?
  var rowCount = 0
  var scriptCount = 0
  var data = ""
  var title = ""
  private var inData = false
  private var inTitle = false

  static func read(_ page: String) -> PageReader {
    let reader = PageReader()
    let parser = XMLParser(data: Data(page.utf8))
    parser.delegate = reader
    if !parser.parse() { reader.error = reader.error ?? parser.parserError }
    return reader
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if attributes["data-row"] != nil { rowCount += 1 }
    if name == "script" { scriptCount += 1 }
    inData = name == "script" && attributes["id"] == "truce-data"
    inTitle = name == "title" && title.isEmpty
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    inData = false
    inTitle = false
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inData { data += string }
    if inTitle { title += string }
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
    error = error ?? parseError
  }
}

@Suite("The timeline as an HTML page")
struct TimelineHTMLTests {
  static let hostile = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>", "<!-- not a comment", "line\u{2028}separator & 'quotes'",
  ]

  private func page(_ log: EventLog) -> (Timeline, String) {
    let timeline = Timeline(projection: Projection(log: log), areas: log.areas)
    let title = log.header.title ?? log.file
    let html = TimelineHTML(
      timeline: timeline, areas: log.areas, zone: TestLog.damascus, title: title
    ).render()
    return (timeline, html)
  }

  private func embedded(_ reader: PageReader) throws -> JSONObject {
    try #require(try JSONParser.parse(reader.data).objectValue)
  }

  /// A log whose free text (title, area name, note, source, announcer) is hostile.
  private func hostileLog() throws -> EventLog {
    let header: JSONValue = [
      "format": "truce-event-log", "version": 1, "title": .string(Self.hostile[2]),
      "areas": [["id": "aleppo", "name": .string(Self.hostile[1]), "zone": "Asia/Damascus"]],
    ]
    let event: JSONValue = [
      "seq": 1, "id": "p1", "type": "pause.declared", "announced": "2016-11-01",
      "reported": "2016-11-01", "recorded": ["at": "2026-11-22T10:00Z", "by": "test"],
      "announcedBy": [.string(Self.hostile[0]), .string(Self.hostile[4])], "area": "aleppo",
      "source": [
        "publication": .string(Self.hostile[3]), "headline": .string(Self.hostile[0]),
        "quote": .string(Self.hostile[2]),
      ],
      "note": .string(Self.hostile[1]), "pause": "p", "kind": "pause",
      "window": ["start": "2016-11-02", "end": "2016-11-05T12:00"],
    ]
    return try TestLog.parse([event.serialized()], header: header.serialized())
  }

  @Test("The page is well-formed XHTML with a row per item, for the bundled history")
  func wellFormed() throws {
    let (timeline, html) = page(try TestLog.bundled())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
    let reader = PageReader.read(html)
    #expect(reader.error == nil, "\(String(describing: reader.error))")
    #expect(reader.rowCount == timeline.rows.count)
    #expect(timeline.rows.count == 9)
    #expect(reader.title == "Timeline: Aleppo, autumn 2016: five news articles")
  }

  @Test("The page loads nothing: the only URLs are the two namespace declarations")
  func noNetwork() throws {
    let (_, html) = page(try TestLog.bundled())
    let urls = html.components(separatedBy: "http://").count - 1
    #expect(html.components(separatedBy: "https://").count == 1)
    #expect(urls == 2)
    #expect(html.contains("xmlns=\"http://www.w3.org/1999/xhtml\""))
    #expect(html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    for loader in [" src=", " href=", "@import", "url(h", "url(/", "@font-face", "<link", "<img"] {
      #expect(!html.contains(loader), "found \(loader)")
    }
  }

  @Test("Certain, uncertain and disputed stretches are drawn solid, hatched and dashed")
  func certaintyStyles() throws {
    let (_, html) = page(try TestLog.bundled())
    #expect(html.contains(#"class="seg certain""#))
    #expect(html.contains(#"class="seg uncertain""#))
    #expect(html.contains(#"class="seg disputed""#))
    #expect(html.contains(#"fill="url(#hatch-pause)""#))
    #expect(html.contains(#"fill="url(#dots-offensive)""#))
    #expect(html.contains(#"stroke-dasharray="4 2""#))
    #expect(html.contains(#"<path class="open-end""#))
    #expect(html.contains("@media print"))
  }

  @Test("Hostile text from the log is inert in the page and recovered exactly from its data")
  func hostileText() throws {
    let (_, html) = page(try hostileLog())
    for raw in ["<script>alert", "<img src=x", "</script><script>", "<!--", "\u{2028}"] {
      #expect(!html.contains(raw), "raw \(raw) in the page")
    }
    #expect(html.components(separatedBy: "<script").count - 1 == 2)
    let reader = PageReader.read(html)
    #expect(reader.error == nil, "\(String(describing: reader.error))")
    #expect(reader.rowCount == 1)
    #expect(reader.title == "Timeline: " + Self.hostile[2])
    let data = try embedded(reader)
    let event = try #require(data["events"]?.objectValue?["p1"]?.objectValue)
    #expect(event["note"]?.stringValue == Self.hostile[1])
    #expect(event["announcedBy"] == .array([.string(Self.hostile[0]), .string(Self.hostile[4])]))
    #expect(event["areaName"]?.stringValue == Self.hostile[1])
    let source = try #require(event["source"]?.objectValue)
    #expect(source["publication"]?.stringValue == Self.hostile[3])
    #expect(source["headline"]?.stringValue == Self.hostile[0])
    #expect(source["quote"]?.stringValue == Self.hostile[2])
    let row = try #require(data["view"]?.objectValue?["rows"]?.arrayValue?.first?.objectValue)
    #expect(row["areaName"]?.stringValue == Self.hostile[1])
  }

  @Test("The embedded intervals are the timeline's, with the same boundaries as at --json")
  func intervalsMatchAt() throws {
    let log = try TestLog.bundled()
    let (timeline, html) = page(log)
    let data = try embedded(PageReader.read(html))
    #expect(data["timeline"] == TimelineJSON.value(timeline))
    let query = AtQuery(
      moment: try Moment(parsing: "2016-11-04", zone: TestLog.damascus), zone: TestLog.damascus)
    let answer = AtJSONRenderer(logFile: log.file).value(query.answer(from: log))
    let items = try #require(answer.objectValue?["items"]?.arrayValue).compactMap(\.objectValue)
    let rows = try #require(data["timeline"]?.objectValue?["rows"]?.arrayValue)
    #expect(rows.count == timeline.rows.count)
    for row in rows.compactMap(\.objectValue) {
      let item = try #require(
        items.first { $0["id"] == row["id"] && $0["kind"] == row["kind"] },
        "no item \(String(describing: row["id"]))")
      #expect(row["start"] == item["start"])
      #expect(row["end"] == item["end"])
    }
    // The same stretches in seconds, for the cursor to compare with.
    let views = try #require(data["view"]?.objectValue?["rows"]?.arrayValue)
    for (row, view) in zip(timeline.rows, views) {
      let segments = view.objectValue?["segments"]?.arrayValue ?? []
      #expect(
        segments.map { $0.objectValue?["from"]?.intValue }
          == row.segments.map { Int($0.start.secondsSinceEpoch) })
      #expect(
        segments.map { $0.objectValue?["until"]?.intValue }
          == row.segments.map { Int($0.end.secondsSinceEpoch) })
    }
  }

  @Test("The cursor's stops carry the tool's local labels, with the offset of their day")
  func cursorStops() throws {
    let (timeline, html) = page(try TestLog.bundled())
    let data = try embedded(PageReader.read(html))
    let cursor = try #require(data["cursor"]?.objectValue)
    let stops = try #require(cursor["stops"]?.arrayValue).compactMap(\.arrayValue)
    let labels = Dictionary(
      stops.compactMap { stop in stop.first?.intValue.map { ($0, stop.last?.stringValue) } },
      uniquingKeysWith: { first, _ in first })
    let end = try TestLog.instant("2016-11-04T19:00Z")
    #expect(labels[Int(end.secondsSinceEpoch)] == "2016-11-04 21:00 +02:00 (19:00Z)")
    let before = try TestLog.instant("2016-10-20T09:00Z")
    #expect(labels[Int(before.secondsSinceEpoch)] == "2016-10-20 12:00 +03:00 (09:00Z)")
    for segment in timeline.rows.flatMap(\.segments) where segment.start < timeline.to {
      #expect(labels[Int(segment.start.secondsSinceEpoch)] != nil)
    }
    let initial = try #require(cursor["initial"]?.intValue)
    #expect(stops.indices.contains(initial))
  }
}

@Suite("Escaping text for HTML")
struct HTMLEscapingTests {
  @Test("Element text escapes &, < and > and keeps quotes")
  func text() {
    #expect(HTMLEscaping.text(#"a & b <i> "c" 'd'"#) == #"a &amp; b &lt;i&gt; "c" 'd'"#)
    #expect(HTMLEscaping.text("]]>") == "]]&gt;")
    #expect(HTMLEscaping.text("line\nnext\u{1}") == "line\nnext\u{FFFD}")
  }

  @Test("Attribute values also escape both quotes and keep line breaks as references")
  func attribute() {
    #expect(
      HTMLEscaping.attribute(#""><img src=x onerror=alert(1)>"#)
        == "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
    #expect(HTMLEscaping.attribute("it's\n\t") == "it&#39;s&#10;&#9;")
  }

  @Test("JSON for a script block has no <, > or & and U+2028 escaped")
  func scriptJSON() {
    let value: JSONValue = ["text": "</script><!-- & \u{2028}\u{2029}"]
    #expect(
      HTMLEscaping.scriptJSON(value)
        == #"{"text":"\u003c/script\u003e\u003c!-- \u0026 \u2028\u2029"}"#)
  }

  @Test(
    "Hostile strings survive a trip through a script block",
    arguments: TimelineHTMLTests.hostile + ["\u{0}\u{1F}\\\"/", "emoji 🕊️ and عربي"])
  func roundTrip(text: String) throws {
    let escaped = HTMLEscaping.scriptJSON(.array([.string(text)]))
    for character in ["<", ">", "&", "\u{2028}"] { #expect(!escaped.contains(character)) }
    #expect(try JSONParser.parse(escaped) == .array([.string(text)]))
  }
}
