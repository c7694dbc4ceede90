/// Lays out rows of cells in aligned columns, for human output.
struct TextTable {
  private var rows: [[String]] = []

  mutating func add(_ cells: [String]) { rows.append(cells) }

  /// The rows with each column padded to its widest cell (the last column is not padded).
  func rendered(indent: String = "") -> [String] {
    let widths = TextTable.widths(of: rows)
    return rows.map { TextTable.line($0, widths: widths, indent: indent) }
  }

  /// The width of each column of these rows but the last (which is not padded): its widest
  /// cell, in characters. For a caller that lays out rows one at a time (a listing of a million
  /// events), without holding them all.
  static func widths(of rows: some Sequence<[String]>) -> [Int] {
    var widths: [Int] = []
    var columns = 0
    for row in rows {
      if row.count > columns {
        columns = row.count
        if widths.count < columns { widths += [Int](repeating: 0, count: columns - widths.count) }
      }
      // (The last column's width is taken too, and never read.)
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    return widths
  }

  /// A row laid out in columns of these widths, without trailing spaces.
  static func line(_ row: [String], widths: [Int], indent: String = "") -> String {
    var line = indent
    for (index, cell) in row.enumerated() {
      if index == row.count - 1 {
        line += cell
      } else {
        line += cell + String(repeating: " ", count: widths[index] - cell.count + 2)
      }
    }
    while line.hasSuffix(" ") { line.removeLast() }
    return line
  }
}
