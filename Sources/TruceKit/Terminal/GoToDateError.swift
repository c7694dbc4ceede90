/// Why ``StepBrowser`` could not go to a date.
public enum GoToDateError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The text is not a day or an instant.
  case unreadable(String, MomentError)
  /// No step is placed at or after the date.
  case nothingAfter(String)

  public var description: String {
    switch self {
    case .unreadable(let text, let error): return "cannot go to '\(text)': \(error.description)"
    case .nothingAfter(let text): return "no announcement is placed on or after \(text)"
    }
  }
}
