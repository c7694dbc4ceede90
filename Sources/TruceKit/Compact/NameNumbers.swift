/// Names (ids, areas, citations, free text) held once each and referred to by number, for
/// records that hold every name as a 4-byte number rather than a 16-byte string.
///
/// Number 0 stands for no name (an absent optional); the first name entered is number 1.
///
/// A log names the same few areas, sources, parties and phrases again and again, and the decoder
/// hands them over as the same strings (short ones held in the string itself, longer ones shared
/// through its interner). So before the table, a name is looked for in a small cache of recent
/// names by the string's own bits (``RecentNames``): a hit costs a few instructions, where the
/// table hashes the name's bytes and compares them.
struct NameNumbers: Sendable {
  /// The names; entry `n` of the map is name `n + 1`.
  private var numbers = NameMap<Void>()
  private var recent = RecentNames()

  /// An empty table.
  init() {}

  /// How many names are held.
  var count: Int { numbers.count }

  /// Makes room for `capacity` names without growing.
  mutating func reserveCapacity(_ capacity: Int) {
    numbers.reserveCapacity(capacity)
  }

  /// The number of `name`, entered if it is new.
  mutating func number(of name: String) -> UInt32 {
    if let known = recent.number(of: name) { return known }
    let number = UInt32(truncatingIfNeeded: numbers.entry(ofEntering: name) + 1)
    recent.remember(name, number)
    return number
  }

  /// Lets go of what finds a name's number (the table's slots), keeping the names: for a table
  /// that is only read from now on, 5 MB at a million events. A name entered afterwards is
  /// numbered as before, once the slots are built again.
  mutating func releaseLookup() {
    numbers.releaseSlots()
  }

  /// The number of `name`, entered if it is new; 0 for `nil`.
  mutating func number(ofOptional name: String?) -> UInt32 {
    guard let name else { return 0 }
    return number(of: name)
  }

  /// The name numbered `number`, which must not be 0.
  func name(_ number: UInt32) -> String {
    numbers.name(atEntry: Int(number) - 1)
  }

  /// Calls `body` with the names in the order numbered (name `n` at `n - 1`), read in place: for
  /// a reader of many names, which need not copy the table.
  func withNames<Result>(_ body: (UnsafeBufferPointer<String>) -> Result) -> Result {
    numbers.withNames(body)
  }

  /// The name numbered `number`; `nil` for 0.
  func optionalName(_ number: UInt32) -> String? {
    number == 0 ? nil : name(number)
  }
}
