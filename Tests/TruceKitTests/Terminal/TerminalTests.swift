/// The terminal layer's tests, grouped so that `swift test --filter Terminal` runs them all.
enum TerminalTests {}
