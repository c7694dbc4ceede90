/// The table from event ids to their line numbers: the one table by id a log keeps of all its
/// events, entered and looked up once per line while a log is read.
typealias IDTable = NameMap<Int>
